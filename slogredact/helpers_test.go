package slogredact_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/slogredact"
)

// Test secrets are built at run time so no file holds one.
var (
	ghToken  = "ghp_" + madeUp(36, 11)
	password = "hunter2-" + "Xy9" + "q"
	dbURL    = "postgres://app:" + password + "@db:5432/x"
	jwtish   = "eyJ" + madeUp(40, 5)
	bearer   = "Authorization: Bearer " + jwtish
	// keyOnly is a value that no pattern finds: only a sensitive key can
	// tell it is secret.
	keyOnly = "plain" + "Value" + "4711"
	// cred looks like a generated credential (long, mixed, high entropy)
	// but matches no provider pattern: only a key, weak or strong, can
	// tell it is secret.
	cred = "q7" + madeUp(22, 3)
)

// madeUp returns n computed characters that look random: the catalog's
// entropy checks reject regular strings such as a repeated "a1B2".
func madeUp(n, seed int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[(i*37+seed)%len(alphabet)]
	}
	return string(b)
}

// testRedactor is shared: building a Redactor compiles the whole catalog.
var testRedactor = redact.MustNew()

// allSecrets are the secret parts that must never appear in output.
var allSecrets = []string{ghToken, password, jwtish, keyOnly, cred}

func noTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	return a
}

type format struct {
	name string
	new  func(w *bytes.Buffer, opts *slog.HandlerOptions) slog.Handler
}

var formats = []format{
	{"json", func(w *bytes.Buffer, o *slog.HandlerOptions) slog.Handler { return slog.NewJSONHandler(w, o) }},
	{"text", func(w *bytes.Buffer, o *slog.HandlerOptions) slog.Handler { return slog.NewTextHandler(w, o) }},
}

// newLogger returns a logger redacting with r into a fresh buffer, without
// time, in format f.
func newLogger(f format, r *redact.Redactor) (*slog.Logger, *bytes.Buffer) {
	var buf bytes.Buffer
	return slog.New(slogredact.NewHandler(f.new(&buf, &slog.HandlerOptions{ReplaceAttr: noTime}), r)), &buf
}

func bareLogger(f format) (*slog.Logger, *bytes.Buffer) {
	var buf bytes.Buffer
	return slog.New(f.new(&buf, &slog.HandlerOptions{ReplaceAttr: noTime})), &buf
}

func requireNoSecret(t *testing.T, out string) {
	t.Helper()
	for _, s := range allSecrets {
		require.NotContains(t, out, s, "secret leaked into output")
	}
}

// decodeJSON decodes one JSON log line.
func decodeJSON(t *testing.T, line string) map[string]any {
	t.Helper()
	var m map[string]any
	dec := json.NewDecoder(strings.NewReader(line))
	require.NoError(t, dec.Decode(&m), "output: %s", line)
	return m
}

// parseText turns one line of slog.TextHandler output into the nested maps
// slogtest expects: "g.a=b" becomes {"g": {"a": "b"}}. Values stay strings.
func parseText(t *testing.T, line string) map[string]any {
	t.Helper()
	m := map[string]any{}
	s := strings.TrimSuffix(line, "\n")
	for len(s) > 0 {
		eq := strings.IndexByte(s, '=')
		require.GreaterOrEqual(t, eq, 0, "no '=' in %q", s)
		key := s[:eq]
		s = s[eq+1:]
		var val string
		if strings.HasPrefix(s, `"`) {
			q, err := strconv.QuotedPrefix(s)
			require.NoError(t, err, "bad quoting in %q", s)
			val, err = strconv.Unquote(q)
			require.NoError(t, err)
			s = s[len(q):]
		} else {
			end := strings.IndexByte(s, ' ')
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], s[end:]
		}
		s = strings.TrimPrefix(s, " ")
		cur := m
		parts := strings.Split(key, ".")
		for _, p := range parts[:len(parts)-1] {
			next, ok := cur[p].(map[string]any)
			if !ok {
				next = map[string]any{}
				cur[p] = next
			}
			cur = next
		}
		cur[parts[len(parts)-1]] = val
	}
	return m
}

// capture is a slog.Handler that keeps what it is given, to check the
// kinds and types of the values the wrapper passes on.
type capture struct {
	mu      *sync.Mutex
	records *[]slog.Record
	attrs   []slog.Attr
}

func newCapture() *capture {
	return &capture{mu: new(sync.Mutex), records: new([]slog.Record)}
}

func (c *capture) Enabled(context.Context, slog.Level) bool { return true }
func (c *capture) Handle(_ context.Context, r slog.Record) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	*c.records = append(*c.records, r.Clone())
	return nil
}
func (c *capture) WithAttrs(as []slog.Attr) slog.Handler {
	c2 := *c
	c2.attrs = append(append([]slog.Attr(nil), c.attrs...), as...)
	return &c2
}
func (c *capture) WithGroup(string) slog.Handler { return c }

func (c *capture) last(t *testing.T) slog.Record {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	require.NotEmpty(t, *c.records)
	return (*c.records)[len(*c.records)-1]
}

func attrsOf(r slog.Record) map[string]slog.Value {
	m := map[string]slog.Value{}
	r.Attrs(func(a slog.Attr) bool {
		m[a.Key] = a.Value
		return true
	})
	return m
}

// Value types exercising each path.

type secretValuer struct{ v string }

func (s secretValuer) LogValue() slog.Value { return slog.StringValue(s.v) }

type groupValuer struct{}

func (groupValuer) LogValue() slog.Value {
	return slog.GroupValue(slog.String("user", "ada"), slog.Any("inner", secretValuer{"token " + ghToken}))
}

type panicValuer struct{ secret string }

func (p panicValuer) LogValue() slog.Value { panic("cannot log " + p.secret) }

type endlessValuer struct{}

func (e endlessValuer) LogValue() slog.Value { return slog.AnyValue(e) }

type stringer struct{ secret string }

func (s stringer) String() string { return "conn to " + s.secret }

type panicStringer struct{ secret string }

func (p panicStringer) String() string { panic("bad " + p.secret) }

type panicError struct{ secret string }

func (p panicError) Error() string { panic("bad " + p.secret) }

type panicMarshaler struct{ Secret string }

func (p panicMarshaler) MarshalJSON() ([]byte, error) { panic("bad " + p.Secret) }

type hiddenField struct {
	Name  string
	token string
}

type account struct {
	ID       int               `json:"id"`
	Name     string            `json:"name"`
	Password string            `json:"password"`
	DSN      string            `json:"dsn"`
	Tags     []string          `json:"tags"`
	Meta     map[string]string `json:"meta"`
}

var errSentinel = fmt.Errorf("sentinel")

// slogUser is a clean struct.
type slogUser struct {
	ID    int
	Name  string
	Roles []string
}

// blob is a named byte slice, rendered as bytes like []byte.
type blob []byte

// recursiveValuer resolves to a group holding itself, without end.
type recursiveValuer struct{}

func (r recursiveValuer) LogValue() slog.Value { return slog.GroupValue(slog.Any("r", r)) }
