package zerologredact

import "fmt"

// panicMarker is what a [Safe] Stringer returns when String panics: the
// default mask of package redact (see redact.WithMask), since Safe is
// called where no Redactor is at hand.
const panicMarker = "[REDACTED]"

// Safe returns v wrapped so that a panic in its String method is
// recovered: the wrapper's String returns "[REDACTED]" instead, whatever
// the panic's value, and never the value itself. A nil v is returned as
// nil, which zerolog encodes as null without calling String.
//
// zerolog calls String while the field is added, in the caller's
// goroutine and before the Writer sees a byte, so the Writer cannot
// recover a panic there; wrap values whose String may panic (a nil
// pointer's, a third party's):
//
//	log.Info().Stringer("peer", zerologredact.Safe(conn.RemoteAddr())).Msg("accepted")
//
// The string v returns is still redacted by the Writer like any field.
// Wrapping costs one small allocation. The marker is the default mask
// even if the Writer's Redactor was built with another one.
func Safe(v fmt.Stringer) fmt.Stringer {
	if v == nil {
		return nil
	}
	return safeStringer{v}
}

type safeStringer struct{ v fmt.Stringer }

var _ fmt.Stringer = safeStringer{}

func (s safeStringer) String() (str string) {
	defer func() {
		if recover() != nil {
			str = panicMarker
		}
	}()
	return s.v.String()
}
