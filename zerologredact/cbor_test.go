//go:build binary_log

package zerologredact_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zerologredact"
)

var (
	cborGH  = "ghp_" + strings.Repeat("a1B2", 9)
	cborPW  = "hunter2" + "-Qz8"
	cborDSN = "postgres://app:" + cborPW + "@db:5432/x"
)

type cborStringer string

func (s cborStringer) String() string { return string(s) }

// TestCBORFields logs each event through the Writer and, bare, the event
// the Writer should make of it (the secrets replaced by hand): the CBOR
// must match byte for byte.
func TestCBORFields(t *testing.T) {
	const m = "[REDACTED]"
	tests := []struct {
		name      string
		log, want func(l zerolog.Logger)
	}{
		{"Str sensitive key",
			func(l zerolog.Logger) { l.Info().Str("password", cborPW).Str("user", "bob").Send() },
			func(l zerolog.Logger) { l.Info().Str("password", m).Str("user", "bob").Send() }},
		{"Str pattern",
			func(l zerolog.Logger) { l.Info().Str("note", "token "+cborGH+" ok").Send() },
			func(l zerolog.Logger) { l.Info().Str("note", "token "+m+" ok").Send() }},
		{"secret as key",
			func(l zerolog.Logger) { l.Info().Str(cborGH, "v").Send() },
			func(l zerolog.Logger) { l.Info().Str(m, "v").Send() }},
		{"Strs",
			func(l zerolog.Logger) { l.Info().Strs("list", []string{"a", cborGH}).Send() },
			func(l zerolog.Logger) { l.Info().Strs("list", []string{"a", m}).Send() }},
		{"Bytes",
			func(l zerolog.Logger) { l.Info().Bytes("raw", []byte("dsn "+cborDSN)).Send() },
			func(l zerolog.Logger) {
				l.Info().Bytes("raw", []byte("dsn postgres://app:"+m+"@db:5432/x")).Send()
			}},
		{"Msg and Err",
			func(l zerolog.Logger) { l.Error().Err(errors.New("auth " + cborGH)).Msg("clone " + cborGH) },
			func(l zerolog.Logger) { l.Error().Err(errors.New("auth " + m)).Msg("clone " + m) }},
		{"Stringer",
			func(l zerolog.Logger) { l.Info().Stringer("db", cborStringer(cborDSN)).Send() },
			func(l zerolog.Logger) { l.Info().Str("db", "postgres://app:"+m+"@db:5432/x").Send() }},
		{"Interface (embedded JSON)",
			func(l zerolog.Logger) {
				l.Info().Interface("cfg", map[string]any{"apiKey": 12345, "url": cborDSN}).Send()
			},
			func(l zerolog.Logger) {
				l.Info().RawJSON("cfg", []byte(`{"apiKey":"`+m+`","url":"postgres://app:`+m+`@db:5432/x"}`)).Send()
			}},
		{"RawJSON",
			func(l zerolog.Logger) { l.Info().RawJSON("body", []byte(`{"password":"`+cborPW+`"}`)).Send() },
			func(l zerolog.Logger) { l.Info().RawJSON("body", []byte(`{"password":"`+m+`"}`)).Send() }},
		{"Dict, and Dict under a sensitive key",
			func(l zerolog.Logger) {
				l.Info().Dict("login", zerolog.Dict().Str("client_secret", cborPW).Int("n", 1)).
					Dict("auth", zerolog.Dict().Str("user", "bob")).Send()
			},
			func(l zerolog.Logger) {
				l.Info().Dict("login", zerolog.Dict().Str("client_secret", m).Int("n", 1)).Str("auth", m).Send()
			}},
		{"other types under sensitive keys",
			func(l zerolog.Logger) {
				l.Info().Int("token", 123456).Bool("password", true).Float64("secret", 1.5).
					Hex("apiKey", []byte{1, 2}).Interface("auth", nil).Str("pwd", "").Send()
			},
			func(l zerolog.Logger) {
				l.Info().Str("token", m).Str("password", m).Str("secret", m).
					Str("apiKey", m).Interface("auth", nil).Str("pwd", "").Send()
			}},
		{"With context and a time",
			func(l zerolog.Logger) {
				cl := l.With().Str("token", "t-1").Time("at", time.Unix(1e9, 0)).Logger()
				cl.Info().Msg("hi")
			},
			func(l zerolog.Logger) {
				cl := l.With().Str("token", m).Time("at", time.Unix(1e9, 0)).Logger()
				cl.Info().Msg("hi")
			}},
		{"long string (two-byte length)",
			func(l zerolog.Logger) { l.Info().Str("note", strings.Repeat("x", 300)+" "+cborGH).Send() },
			func(l zerolog.Logger) { l.Info().Str("note", strings.Repeat("x", 300)+" "+m).Send() }},
	}
	r := redact.MustNew()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got, want bytes.Buffer
			tc.log(zerolog.New(zerologredact.NewWriter(&got, r)))
			tc.want(zerolog.New(&want))
			if diff := cmp.Diff(want.Bytes(), got.Bytes()); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
			assert.NotContains(t, got.String(), cborGH)
			assert.NotContains(t, got.String(), cborPW)
		})
	}
}

// TestCBORClean: events with nothing to redact are written as zerolog
// made them, without allocating.
func TestCBORClean(t *testing.T) {
	r := redact.MustNew()
	logAll := func(l zerolog.Logger) {
		l = l.With().Str("service", "orders").Int("shard", 3).Logger()
		l.Info().Str("method", "GET").Int("status", 200).Float64("ms", 1.25).Bool("cached", true).Msg("request served")
		l.Warn().Strs("tags", []string{"a", "b"}).Interface("user", map[string]any{"id": 42}).Send()
		l.Error().Err(errors.New("dial tcp: i/o timeout")).Dict("d", zerolog.Dict().Int("n", -7)).Msg("")
	}
	var bare, wrapped bytes.Buffer
	logAll(zerolog.New(&bare))
	logAll(zerolog.New(zerologredact.NewWriter(&wrapped, r)))
	assert.Equal(t, byte(0xbf), bare.Bytes()[0], "zerolog's CBOR events start with an indefinite-length map")
	assert.Equal(t, bare.Bytes(), wrapped.Bytes())

	if race.Enabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	l := zerolog.New(zerologredact.NewWriter(io.Discard, r)).With().Str("service", "orders").Logger()
	allocs := testing.AllocsPerRun(200, func() {
		l.Info().Str("method", "GET").Int("status", 200).Str("path", "/api/v1/orders").Msg("request served")
	})
	assert.Zero(t, allocs)
}

// TestCBORShapeOnly: only a write shaped like a whole CBOR map (0xbf ...
// 0xff), while no line is held, is read as CBOR; anything else starting
// with 0xbf, or CBOR that does not parse, is redacted as text.
func TestCBORShapeOnly(t *testing.T) {
	r := redact.MustNew()
	tests := []struct {
		name  string
		parts [][]byte
	}{
		{"0xbf without the break byte", [][]byte{append([]byte{0xbf}, "token "+cborGH+"\n"...)}},
		{"0xbf ... 0xff that is not CBOR", [][]byte{append(append([]byte{0xbf, 0x1c}, "token "+cborGH...), 0xff)}},
		{"string length past the end", [][]byte{append(append([]byte{0xbf, 0x64, 'n', 'o', 't', 'e', 0x7a, 0xff, 0, 0, 0}, "token "+cborGH...), 0xff)}},
		{"0xbf continuing a held line", func() [][]byte {
			ev := []byte("¿ token " + cborGH + " \xff")
			i := bytes.IndexByte(ev, 0xbf)
			return [][]byte{ev[:i], ev[i:]}
		}()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			w := zerologredact.NewWriter(&out, r)
			for _, p := range tc.parts {
				_, err := w.Write(p)
				require.NoError(t, err)
			}
			require.NoError(t, w.Flush())
			assert.NotContains(t, out.String(), cborGH)
			assert.Contains(t, out.String(), "[REDACTED]")
		})
	}
}

// FuzzCBOR writes the fuzzer's bytes, framed as a CBOR map, to the Writer
// (nothing panics, time per byte stays bounded), and logs a planted secret
// next to them: it never survives.
func FuzzCBOR(f *testing.F) {
	f.Add([]byte{0x65, 'l', 'e', 'v', 'e', 'l', 0x64, 'i', 'n', 'f', 'o'}, "note")
	f.Add([]byte{0xd9, 0x01, 0x06, 0x42, '{', '}'}, "password")
	f.Add([]byte{0xd8, 0x3f, 0x43, 0xbf, 0x60, 0xff}, "")
	r := redact.MustNew()
	f.Fuzz(func(t *testing.T, body []byte, key string) {
		start := time.Now()
		in := append(append([]byte{0xbf}, body...), 0xff)
		if _, err := zerologredact.NewWriter(io.Discard, r).Write(in); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		l := zerolog.New(zerologredact.NewWriter(&out, r))
		l.Info().Str(key, "token "+cborGH).RawCBOR("raw", body).Msg(key)
		if strings.Contains(key, cborGH) || bytes.Contains(body, []byte(cborGH)) {
			return
		}
		if bytes.Contains(out.Bytes(), []byte(cborGH)) {
			t.Fatalf("secret survived: %q", out.Bytes())
		}
		budget := 250*time.Millisecond + time.Duration(len(body)+len(key))*50*time.Microsecond
		if race.Enabled {
			budget *= 10
		}
		if took := time.Since(start); took > budget {
			t.Fatalf("%d bytes took %v, over %v", len(body)+len(key), took, budget)
		}
	})
}
