//go:build !binary_log

package zerologredact

import "github.com/rs/zerolog"

// isCBOR reports false: zerolog built without the binary_log tag writes
// JSON only, so input starting with CBOR's map byte (0xbf) comes from
// somewhere else, maybe an attacker, and is redacted as text like any
// other input.
func isCBOR([]byte) bool { return false }

// emitCBOR is never called in this build (isCBOR is false); were it, CBOR
// would be text.
func (w *Writer) emitCBOR(lw zerolog.LevelWriter, level zerolog.Level, p []byte) error {
	return w.emitText(lw, level, p)
}
