package slogredact_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/slogredact"
)

// FuzzHandler plants a secret, separated by spaces from text the fuzzer
// chooses, in the message, an attribute, a nested group, an error, a
// struct (in a string and in a []byte field), a []byte, a MarshalText
// method and a group name, plus a value under a sensitive key, and checks
// that none reaches the output (as text, base64 or byte numbers), that
// JSON output stays valid, that nothing panics, and that the time spent
// stays linear: an input of 1 KiB or more that takes more than 50µs per
// byte, past a fixed 20ms of slack, fails (smaller inputs are not timed:
// scheduling noise on a busy machine dwarfs their cost).
func FuzzHandler(f *testing.F) {
	f.Add("connect", "dsn", "req", 0)
	f.Add("", "", "", 1)
	f.Add("x=\"", "password", "auth", 2)
	f.Add("\xff\x00{", "a.b", "", 3)
	f.Add("Bearer", "Authorization", "headers", 4)
	// Openings of placeholder forms ($VAR, <token>, {{ x }}, %(x)s,
	// `code`, a partial mask, a marker): glued to a password they must
	// not make it pass for one.
	for i, p := range []string{"$", "${", "$(", "<", "{{", "%(", "`", "***", "REDACTED", "[", "%"} {
		f.Add(p, "0", "0", i)
	}
	r := redact.MustNew()
	perByte, slack := 50*time.Microsecond, 20*time.Millisecond
	if race.Enabled {
		perByte, slack = 10*perByte, 10*slack // the race detector slows everything
	}
	f.Fuzz(func(t *testing.T, text, key, group string, which int) {
		start := time.Now()
		defer func() {
			n := len(text) + len(key) + len(group)
			if d := time.Since(start); n >= 1<<10 && d > slack+time.Duration(n)*perByte {
				t.Fatalf("%d input bytes took %v: over %v per byte", n, d, perByte)
			}
		}()
		planted := []string{
			dbURL, bearer, "password=" + password, "token " + ghToken, ghToken,
		}
		secret := planted[uint(which)%uint(len(planted))]
		for _, s := range allSecrets {
			for _, in := range []string{text, key, group} {
				if strings.Contains(in, s) {
					t.Skip("the fuzzer's own text holds a secret")
				}
			}
		}
		v := text + " " + secret + " " + text
		type payload struct {
			Note string
			Args []string
			Raw  []byte
		}
		for _, mk := range []func(*bytes.Buffer) slog.Handler{
			func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
			func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		} {
			var buf bytes.Buffer
			l := slog.New(slogredact.NewHandler(mk(&buf), r))
			l.With(key, v).WithGroup(group).Info(v,
				key, v,
				slog.Group(group, slog.Group(key, key, v)),
				slog.Any("err", errors.New(v)),
				slog.Any("p", payload{Note: v, Args: []string{key, v}, Raw: []byte(v)}),
				slog.Any("tm", textOnlySecret{v}),
				slog.Any("b", []byte(v)),
				slog.Group(key, "apiKey", text+keyOnly),
			)
			l.WithGroup(group+" "+ghToken).Info(text, key, text)
			out := buf.String()
			requireNoEncodedSecret(t, out)
			if buf.Len() > 0 && out[0] == '{' {
				for line := range strings.Lines(out) {
					if !json.Valid([]byte(line)) {
						t.Fatalf("invalid JSON line %q", line)
					}
				}
			}
		}
	})
}
