package logrusredact_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/logrusredact"
)

// The leak families of issue 12 that reach logrus, through both of
// logrus' formatters and the Hook.

// bodyDoc is a request body as apps log it: a JSON document in a string,
// whose secrets only the key names give away.
func bodyDoc() (body string, secrets []string) {
	v1, v2, v3, v4 := "Vq7"+"dinsxCHMRW16", "Wr8"+"dqDQ3gtGT6jw", "Xs9"+"duL2jAR8pGXe", "Yt0"+"kPw3RtZ8mQ1v"
	inner, _ := json.Marshal(map[string]string{"password": v4})
	doc, _ := json.Marshal(map[string]any{
		"credentials": map[string]string{"value": v1},
		"creds":       []string{v2},
		"pgpassword":  v3,
		"nested":      string(inner), // an escaped document two levels deep
		"user":        "bob",
	})
	return string(doc), []string{v1, v2, v3, v4}
}

// formatAll formats e with each of logrus' formatters wrapped, and fires
// the Hook on a copy: it returns every output, and the hooked Data as fmt
// prints it.
func formatAll(t *testing.T, e func() *logrus.Entry) map[string]string {
	t.Helper()
	r := newRedactor(t)
	outs := map[string]string{}
	for name, mk := range formatters() {
		b, err := logrusredact.NewFormatter(mk(), r).Format(e())
		require.NoError(t, err)
		outs[name] = string(b)
	}
	he := e()
	require.NoError(t, logrusredact.NewHook(r).Fire(he))
	outs["hook"] = he.Message + " " + fmt.Sprint(he.Data)
	return outs
}

// TestJSONDocumentInValues checks that a JSON document logged as a string
// is redacted key-aware, as the core redacts it. It depends on
// redact.Redactor.String rewriting JSON held in a string (issue 12); it
// fails until the core does.
func TestJSONDocumentInValues(t *testing.T) {
	body, secrets := bodyDoc()
	l := newLogger(io.Discard, nil)
	cases := map[string]func() *logrus.Entry{
		"message":  func() *logrus.Entry { e := l.WithField("n", 1); e.Message = body; return e },
		"string":   func() *logrus.Entry { return l.WithField("body", body) },
		"bytes":    func() *logrus.Entry { return l.WithField("body", []byte(body)) },
		"stringer": func() *logrus.Entry { return l.WithField("body", textStringer{body}) },
		"error":    func() *logrus.Entry { return l.WithError(errors.New(body)) },
		"nested":   func() *logrus.Entry { return l.WithField("req", map[string]any{"body": body}) },
		"struct":   func() *logrus.Entry { return l.WithField("req", withBytes{Name: body, Raw: []byte(body)}) },
	}
	for name, e := range cases {
		t.Run(name, func(t *testing.T) {
			for where, out := range formatAll(t, e) {
				texts := out
				if where == "json" { // []byte is written as base64
					texts += strings.Join(decodedStrings(t, []byte(out)), "\n")
				}
				for i, s := range secrets {
					if strings.Contains(texts, s) {
						t.Errorf("%s: value %d of the document survived: %s", where, i+1, out)
						break
					}
				}
				if where == "text" {
					assert.Contains(t, out, "bob", "%s: the clean part stays", where)
				}
			}
		})
	}
}

// flip counts calls to its methods; every call after the first answers
// with the secret.
type flip struct{ calls *int }

func (f flip) text() string {
	*f.calls++
	if *f.calls > 1 {
		return "now " + testToken + " "
	}
	return "clean"
}

type flipStringer struct{ flip }

func (f flipStringer) String() string { return f.text() }

type flipError struct{ flip }

func (f flipError) Error() string { return f.text() }

// flipFormatError prints itself with Format, which fmt (TextFormatter)
// calls instead of Error.
type flipFormatError struct{ flip }

func (f flipFormatError) Error() string { return "fixed" }

func (f flipFormatError) Format(s fmt.State, _ rune) { _, _ = io.WriteString(s, f.text()) }

type flipJSON struct{ flip }

func (f flipJSON) MarshalJSON() ([]byte, error) { return json.Marshal(f.text()) }

type flipText struct{ flip }

func (f flipText) MarshalText() ([]byte, error) { return []byte(f.text()), nil }

// TestCheckThenWrite checks that what is written is what was checked: a
// value whose methods answer differently on a second call must not get
// the secret into the output, and its methods run once per Format.
func TestCheckThenWrite(t *testing.T) {
	cases := map[string]func(c *int) any{
		"stringer":        func(c *int) any { return flipStringer{flip{c}} },
		"error":           func(c *int) any { return flipError{flip{c}} },
		"format error":    func(c *int) any { return flipFormatError{flip{c}} },
		"marshal json":    func(c *int) any { return flipJSON{flip{c}} },
		"marshal text":    func(c *int) any { return struct{ V flipText }{flipText{flip{c}}} },
		"nested stringer": func(c *int) any { return map[string]any{"v": flipStringer{flip{c}}} },
		"nested error":    func(c *int) any { return []any{flipError{flip{c}}} },
	}
	r := newRedactor(t)
	for name, value := range cases {
		for fname, mk := range formatters() {
			t.Run(name+"/"+fname, func(t *testing.T) {
				var calls int
				e := newLogger(io.Discard, nil).WithField("v", value(&calls))
				out, err := logrusredact.NewFormatter(mk(), r).Format(e)
				require.NoError(t, err)
				assert.NotContains(t, string(out), testToken)
				assert.LessOrEqual(t, calls, 1, "the value's method runs once: %s", out)
			})
		}
		t.Run(name+"/hook then formatter", func(t *testing.T) {
			var calls int
			e := newLogger(io.Discard, nil).WithField("v", value(&calls))
			require.NoError(t, logrusredact.NewHook(r).Fire(e))
			for _, mk := range formatters() {
				out, err := logrusredact.NewFormatter(mk(), r).Format(e)
				require.NoError(t, err)
				assert.NotContains(t, string(out), testToken)
			}
			assert.LessOrEqual(t, calls, 1, "the formatter writes what the hook checked")
		})
	}
}

// TestBytesInsideValues checks []byte nested in structs, maps and slices,
// which JSONFormatter writes as base64 and TextFormatter as numbers.
func TestBytesInsideValues(t *testing.T) {
	type inner struct{ Body []byte }
	secret := []byte("token " + testToken + " ")
	cases := map[string]any{
		"struct":  withBytes{Name: "n", Raw: secret},
		"pointer": &inner{Body: secret},
		"deep":    map[string]any{"a": []any{inner{Body: secret}}},
		"map":     map[string][]byte{"body": secret},
	}
	for name, v := range cases {
		t.Run(name, func(t *testing.T) {
			for where, out := range formatAll(t, func() *logrus.Entry { return newLogger(io.Discard, nil).WithField("v", v) }) {
				assert.NotContains(t, out, testToken, where)
				assert.NotContains(t, out, numbers(secret), where)
				if where == "json" {
					checkNoToken(t, []byte(out))
				}
			}
		})
	}
}

// numbers is b as fmt prints a []byte: "[116 111 ...]", without brackets.
func numbers(b []byte) string {
	var buf bytes.Buffer
	for i, c := range b {
		if i > 0 {
			buf.WriteByte(' ')
		}
		fmt.Fprint(&buf, c)
	}
	return buf.String()
}
