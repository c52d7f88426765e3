package logrusredact_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/logredact/logredact/internal/timebound"
	"github.com/logredact/logredact/logrusredact"
	"github.com/logredact/logredact/redact"
)

// FuzzFormatter plants a secret in a fuzzed message, key and value, in
// every kind of place a field can hold it, and checks through both logrus
// formatters that it never survives, that nothing panics and that the time
// taken stays linear in the input (see checkTimePerByte).
func FuzzFormatter(f *testing.F) {
	f.Add("login ok", "user", "bob", uint8(0))
	f.Add("", "password", "", uint8(1))
	f.Add("dial %s", "dsn", "postgres://x@y", uint8(2))
	f.Add("\n\"quoted\"", "msg", "<html>&", uint8(3))
	f.Add("x", "nested.token", "password=", uint8(4))
	f.Add("ünï", "apiKey", "\x00\xff", uint8(5))
	r := redact.MustNew()
	fmts := []logrus.Formatter{
		logrusredact.NewFormatter(&logrus.JSONFormatter{DisableTimestamp: true}, r),
		logrusredact.NewFormatter(&logrus.TextFormatter{DisableTimestamp: true, DisableColors: true}, r),
	}
	hook := logrusredact.NewHook(r)
	f.Fuzz(func(t *testing.T, msg, key, val string, kind uint8) {
		start := time.Now()
		defer timebound.Check(t, start, len(msg)+len(key)+len(val))
		// Separators around the secret: a token glued to word characters is
		// not a token by the pattern's own definition.
		planted := val + " " + testToken + " "
		var v any
		switch kind % 8 {
		case 0:
			v = planted
		case 1:
			v = []byte(planted)
		case 2:
			v = errors.New(planted)
		case 3:
			v = map[string]any{key: planted, "k": []any{planted}}
		case 4:
			v = userInfo{Name: val, Note: planted}
		case 5:
			v = textStringer{planted}
		case 6:
			v = &withBytes{Name: val, Raw: []byte(planted)}
		default:
			v = logrus.Fields{"inner": map[string]string{key: planted}}
		}
		l := newLogger(io.Discard, nil)
		fields := logrus.Fields{key: v, "other": val}
		for _, fm := range fmts {
			e := l.WithFields(fields)
			e.Message = msg + " " + testToken + " "
			out, err := fm.Format(e)
			if err != nil {
				// Only the JSON encoding of a value can fail, and then for the
				// bare formatter too; the error must not quote the secret.
				if strings.Contains(err.Error(), testToken) {
					t.Fatalf("error quotes the secret: %v", err)
				}
				continue
			}
			checkNoToken(t, out)
		}
		e := l.WithFields(fields)
		e.Message = msg + " " + testToken + " "
		if err := hook.Fire(e); err != nil {
			t.Fatal(err)
		}
		if s := e.Message + fmt.Sprint(e.Data); strings.Contains(s, testToken) {
			t.Fatalf("secret survived the hook: %q", s)
		}
	})
}

func checkNoToken(t *testing.T, out []byte) {
	t.Helper()
	if bytes.Contains(out, []byte(testToken)) {
		t.Fatalf("secret survived: %q", out)
	}
	// JSON writes []byte as base64; the secret must not be inside either.
	if bytes.HasPrefix(out, []byte("{")) {
		for _, s := range decodedStrings(t, out) {
			if strings.Contains(s, testToken) {
				t.Fatalf("secret survived in base64: %q", out)
			}
		}
	}
}
