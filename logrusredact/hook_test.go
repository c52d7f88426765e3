package logrusredact_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/sirupsen/logrus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/logrusredact"
	"github.com/logredact/logredact/redact"
)

// recorder is a hook that keeps what a shipping hook would send: the
// message and fields rendered at Fire time.
type recorder struct {
	mu   sync.Mutex
	seen []string
}

func (*recorder) Levels() []logrus.Level { return logrus.AllLevels }

func (h *recorder) Fire(e *logrus.Entry) error {
	data := make(map[string]any, len(e.Data))
	for k, v := range e.Data {
		if err, ok := v.(error); ok {
			v = err.Error()
		}
		data[k] = v
	}
	b, err := json.Marshal(data)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seen = append(h.seen, e.Message+" "+string(b)+" "+fmt.Sprint(e.Data))
	return nil
}

func (h *recorder) all() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return strings.Join(h.seen, "\n")
}

// secretFields holds a secret in every kind of place, nested maps
// included, which logrus shares between a parent entry and its children.
func secretFields() logrus.Fields {
	return logrus.Fields{
		"password": testPass,
		"dsn":      testURL,
		"nested": map[string]any{
			"token": testToken,
			"inner": map[string]any{"hdr": "Authorization: Bearer " + testBearer},
			"list":  []any{"x", testToken},
		},
		"user":          &userInfo{Name: "bob", APIKey: testPass},
		"body":          []byte("password=" + testPass),
		logrus.ErrorKey: errors.New("dial " + testURL),
	}
}

func TestHookOrder(t *testing.T) {
	r := newRedactor(t)
	before, after := &recorder{}, &recorder{}
	var buf bytes.Buffer
	l := newLogger(&buf, logrusredact.NewFormatter(&logrus.JSONFormatter{}, r))
	l.AddHook(before) // registered before ours: sees the raw entry
	l.AddHook(logrusredact.NewHook(r))
	l.AddHook(after) // registered after ours: sees no secret

	l.WithFields(secretFields()).Warn("login " + testToken)

	assertNoSecret(t, after.all())
	assert.Contains(t, after.all(), r.Marker())
	assertNoSecret(t, buf.String())
	assert.Contains(t, before.all(), testToken, "hooks before the Hook see raw entries: that is why it must be first")
}

func TestHookErrorStaysError(t *testing.T) {
	r := newRedactor(t)
	var got any
	l := newLogger(io.Discard, &logrus.JSONFormatter{})
	l.AddHook(logrusredact.NewHook(r))
	l.AddHook(hookFunc(func(e *logrus.Entry) error { got = e.Data[logrus.ErrorKey]; return nil }))
	l.WithError(errors.New("dial " + testURL)).Error("failed")
	err, ok := got.(error)
	require.True(t, ok, "a shipper that looks for an error must still find one, got %T", got)
	assert.Equal(t, "dial postgres://app:[REDACTED]@db:5432/x", err.Error())
}

type hookFunc func(*logrus.Entry) error

func (hookFunc) Levels() []logrus.Level       { return logrus.AllLevels }
func (f hookFunc) Fire(e *logrus.Entry) error { return f(e) }

func TestHookCleanEntryUntouched(t *testing.T) {
	h := logrusredact.NewHook(newRedactor(t))
	e := newLogger(io.Discard, nil).WithFields(plainFields())
	e.Message = "hello"
	data := e.Data
	require.NoError(t, h.Fire(e))
	assert.Equal(t, fmt.Sprintf("%p", data), fmt.Sprintf("%p", e.Data), "a clean entry keeps its Data map")
	assert.Equal(t, "hello", e.Message)
}

func TestHookFireReplacesData(t *testing.T) {
	h := logrusredact.NewHook(newRedactor(t))
	e := newLogger(io.Discard, nil).WithFields(secretFields())
	e.Message = "login " + testToken
	old := e.Data
	snapshot := deepCopy(old)
	require.NoError(t, h.Fire(e))
	assert.Empty(t, cmp.Diff(snapshot, old, cmpOpts), "Fire must not write into the old Data or its nested maps")
	assert.NotEqual(t, fmt.Sprintf("%p", old), fmt.Sprintf("%p", e.Data))
	assert.Equal(t, "login [REDACTED]", e.Message)
	assertNoSecret(t, fmt.Sprint(e.Data))
}

// TestHookThenFormatter: redacting twice changes nothing more, in every
// mode: a shipper after the Hook and the logger's output show the same
// markers.
func TestHookThenFormatter(t *testing.T) {
	modes := map[string]redact.Option{
		"mask":    nil,
		"label":   redact.WithMode(redact.Label),
		"partial": redact.WithMode(redact.Partial),
		"hmac":    redact.WithHMACKey([]byte(strings.Repeat("test-key-", 3))),
	}
	for name, mode := range modes {
		r := newRedactor(t, mode)
		t.Run(name, func(t *testing.T) { testHookThenFormatter(t, r) })
	}
}

func testHookThenFormatter(t *testing.T, r *redact.Redactor) {
	var one, two bytes.Buffer
	l1 := newLogger(&one, logrusredact.NewFormatter(&logrus.JSONFormatter{DisableTimestamp: true}, r))
	l2 := newLogger(&two, logrusredact.NewFormatter(&logrus.JSONFormatter{DisableTimestamp: true}, r))
	l2.AddHook(logrusredact.NewHook(r))
	l1.WithFields(secretFields()).Info("login " + testToken)
	l2.WithFields(secretFields()).Info("login " + testToken)
	assert.JSONEq(t, one.String(), two.String())
}

var cmpOpts = cmp.Options{cmp.AllowUnexported(withHidden{}), cmpopts.EquateErrors()}

// deepCopy copies the maps and slices of a Fields value, so that a later
// comparison detects writes into the nested ones.
func deepCopy(v any) any {
	switch v := v.(type) {
	case logrus.Fields:
		out := make(logrus.Fields, len(v))
		for k, e := range v {
			out[k] = deepCopy(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = deepCopy(e)
		}
		return out
	case []byte:
		return append([]byte(nil), v...)
	case *userInfo:
		c := *v
		return &c
	}
	return v
}

// TestParentEntryUnchanged: logging through a parent entry, with the
// Formatter and with the Hook, leaves the parent's Data and every nested
// map as they were.
func TestParentEntryUnchanged(t *testing.T) {
	r := newRedactor(t)
	for fname, mk := range formatters() {
		for _, withHook := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/hook=%v", fname, withHook), func(t *testing.T) {
				var buf bytes.Buffer
				l := newLogger(&buf, logrusredact.NewFormatter(mk(), r))
				if withHook {
					l.AddHook(logrusredact.NewHook(r))
				}
				parent := l.WithFields(secretFields())
				nested := parent.Data["nested"].(map[string]any)
				snapshot := deepCopy(parent.Data)

				parent.Info("one " + testToken)
				parent.WithField("k", "password="+testPass).Warn("two")
				child := parent.WithField("extra", map[string]any{"token": testToken})
				child.Error("three")

				assert.Empty(t, cmp.Diff(snapshot, parent.Data, cmpOpts))
				assert.Equal(t, testToken, nested["token"], "nested map written into")
				assert.Equal(t, testToken, child.Data["extra"].(map[string]any)["token"])
				assert.Equal(t, "", parent.Message)
				assertNoSecret(t, buf.String())
				assert.Equal(t, 3, strings.Count(buf.String(), "\n"))
			})
		}
	}
}

// TestConcurrentLoggers runs many goroutines logging through loggers that
// share a parent entry and its nested maps; -race checks the sharing.
func TestConcurrentLoggers(t *testing.T) {
	r := newRedactor(t)
	shared := secretFields()
	var outs [2]lockedBuffer
	loggers := []*logrus.Logger{
		newLogger(&outs[0], logrusredact.NewFormatter(&logrus.JSONFormatter{}, r)),
		newLogger(&outs[1], logrusredact.NewFormatter(&logrus.TextFormatter{DisableColors: true}, r)),
	}
	loggers[1].AddHook(logrusredact.NewHook(r))
	rec := &recorder{}
	loggers[1].AddHook(rec)
	parents := []*logrus.Entry{loggers[0].WithFields(shared), loggers[1].WithFields(shared)}

	const goroutines, perG = 8, 30
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range perG {
				p := parents[(g+i)%2]
				switch i % 3 {
				case 0:
					p.Info("token " + testToken)
				case 1:
					p.WithField("n", i).WithError(errors.New("password=" + testPass)).Error("failed")
				default:
					b, err := p.WithField("dsn2", testURL).Bytes()
					if assert.NoError(t, err) {
						assertNoSecret(t, string(b))
					}
				}
			}
		})
	}
	wg.Wait()
	for i := range outs {
		assertNoSecret(t, outs[i].String())
	}
	assertNoSecret(t, rec.all())
	assert.Equal(t, testToken, shared["nested"].(map[string]any)["token"])
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
