//go:build binary_log

package zerologredact_test

import (
	"bytes"
	"testing"

	"github.com/rs/zerolog"
	"github.com/stretchr/testify/assert"

	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zerologredact"
)

// TestCBORPassesThrough pins the documented limit of the binary_log build:
// CBOR events reach the destination exactly as zerolog encoded them.
func TestCBORPassesThrough(t *testing.T) {
	r := redact.MustNew()
	pw := "hunter2" + "-Qz8"
	logAll := func(l zerolog.Logger) {
		l.Info().Str("password", pw).Int("n", 1).Msg("cbor event")
	}
	var bare, wrapped bytes.Buffer
	logAll(zerolog.New(&bare))
	logAll(zerolog.New(zerologredact.NewWriter(&wrapped, r)))
	assert.Equal(t, byte(0xbf), bare.Bytes()[0], "zerolog's CBOR events start with an indefinite-length map")
	assert.Equal(t, bare.Bytes(), wrapped.Bytes())
}
