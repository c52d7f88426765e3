package zapredact_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/zapredact"
)

func TestLevelAndEnabled(t *testing.T) {
	r := testRedactor(t)
	for _, lvl := range []zapcore.Level{zapcore.DebugLevel, zapcore.WarnLevel, zapcore.ErrorLevel} {
		inner, _ := bareCore("json", lvl)
		c := zapredact.NewCore(inner, r)
		assert.Equal(t, lvl, zapcore.LevelOf(c))
		assert.Equal(t, inner.Enabled(zapcore.InfoLevel), c.Enabled(zapcore.InfoLevel))

		// Level survives With, and an AtomicLevel change shows through.
		assert.Equal(t, lvl, zapcore.LevelOf(c.With([]zapcore.Field{zap.String("a", "b")})))
	}
	al := zap.NewAtomicLevelAt(zapcore.InfoLevel)
	inner, buf := bareCore("json", al)
	logger := zap.New(zapredact.NewCore(inner, r))
	logger.Debug("hidden")
	al.SetLevel(zapcore.DebugLevel)
	logger.Debug("shown " + planted)
	assert.Equal(t, []string{`{"level":"debug","msg":"shown [REDACTED]"}`}, buf.Lines())
	assert.Equal(t, zapcore.DebugLevel, logger.Level())
}

// TestSampler checks that a wrapped sampler still samples: Check must keep
// the inner core's decision rather than register the wrapper itself.
func TestSampler(t *testing.T) {
	r := testRedactor(t)
	inner, buf := bareCore("json", zapcore.DebugLevel)
	var dropped, sampled int
	hook := zapcore.SamplerHook(func(_ zapcore.Entry, dec zapcore.SamplingDecision) {
		if dec&zapcore.LogDropped != 0 {
			dropped++
		}
		if dec&zapcore.LogSampled != 0 {
			sampled++
		}
	})
	sampler := zapcore.NewSamplerWithOptions(inner, time.Hour, 2, 0, hook)
	logger := zap.New(zapredact.NewCore(sampler, r))
	for i := 0; i < 10; i++ {
		logger.Info("repeated "+planted, zap.Int("i", i))
	}
	logger.Info("other")
	lines := buf.Lines()
	require.Len(t, lines, 3, "first 2 of the repeated message, then the other one")
	assert.Equal(t, `{"level":"info","msg":"repeated [REDACTED]","i":0}`, lines[0])
	assert.Equal(t, `{"level":"info","msg":"repeated [REDACTED]","i":1}`, lines[1])
	assert.Equal(t, `{"level":"info","msg":"other"}`, lines[2])
	assert.Equal(t, 8, dropped)
	assert.Equal(t, 3, sampled)

	// A child logger keeps both the sampling and the redaction.
	buf.buf.Reset()
	child := logger.With(zap.String("note", planted))
	for i := 0; i < 5; i++ {
		child.Warn("child")
	}
	assert.Equal(t, []string{
		`{"level":"warn","msg":"child","note":"[REDACTED]"}`,
		`{"level":"warn","msg":"child","note":"[REDACTED]"}`,
	}, buf.Lines())
}

// TestTee checks that a wrapped Tee still routes each entry by level.
func TestTee(t *testing.T) {
	r := testRedactor(t)
	all, allBuf := bareCore("json", zapcore.DebugLevel)
	errs, errBuf := bareCore("console", zapcore.ErrorLevel)
	logger := zap.New(zapredact.NewCore(zapcore.NewTee(all, errs), r))

	logger.Debug("debug " + planted)
	logger.Info("info", zap.String("auth_token", "t"))
	logger.Error("error "+planted, zap.String("note", planted))

	assert.Equal(t, []string{
		`{"level":"debug","msg":"debug [REDACTED]"}`,
		`{"level":"info","msg":"info","auth_token":"[REDACTED]"}`,
		`{"level":"error","msg":"error [REDACTED]","note":"[REDACTED]"}`,
	}, allBuf.Lines())
	assert.Equal(t, []string{"error\terror [REDACTED]\t{\"note\": \"[REDACTED]\"}"}, errBuf.Lines())
	assert.Equal(t, zapcore.DebugLevel, zapcore.LevelOf(logger.Core()))
}

func TestSugaredLogger(t *testing.T) {
	r := testRedactor(t)
	logger, buf := newLogger("json", r)
	s := logger.Sugar()
	s.Infow("login "+planted, "password", "hunter2", "apiKey", 42, "note", planted,
		"err", fmt.Errorf("bad %s", planted), "cfg", map[string]string{"v": planted})
	s.Infof("dsn=%s", "x "+planted)
	s.Info("joined ", planted)
	s.With("auth_token", "abc").Infow("child", "n", 1)
	s.Infoln("line", planted)
	assert.Equal(t, []string{
		`{"level":"info","msg":"login [REDACTED]","password":"[REDACTED]","apiKey":"[REDACTED]","note":"[REDACTED]",` +
			`"err":"bad [REDACTED]","cfg":{"v":"[REDACTED]"}}`,
		`{"level":"info","msg":"dsn=x [REDACTED]"}`,
		`{"level":"info","msg":"joined [REDACTED]"}`,
		`{"level":"info","msg":"child","auth_token":"[REDACTED]","n":1}`,
		`{"level":"info","msg":"line [REDACTED]"}`,
	}, buf.Lines())
	assert.NotContains(t, buf.String(), "hunter2")
}

func TestReplaceGlobals(t *testing.T) {
	r := testRedactor(t)
	logger, buf := newLogger("json", r)
	undo := zap.ReplaceGlobals(logger)
	defer undo()
	zap.L().Info("global " + planted)
	zap.S().Infow("sugar", "auth_token", "t")
	zap.S().Infof("f %s", planted)
	assert.Equal(t, []string{
		`{"level":"info","msg":"global [REDACTED]"}`,
		`{"level":"info","msg":"sugar","auth_token":"[REDACTED]"}`,
		`{"level":"info","msg":"f [REDACTED]"}`,
	}, buf.Lines())
}

func TestWrapCoreOption(t *testing.T) {
	r := testRedactor(t)
	inner, buf := bareCore("json", zapcore.DebugLevel)

	logger := zap.New(inner, zapredact.WrapCore(r))
	logger.Info("a "+planted, zap.String("password", "p"))

	// Applied to an existing logger; context added before it stays as
	// encoded (wrap at the root), context added after is redacted.
	early := zap.New(inner).With(zap.String("early", "e "+planted))
	late := early.WithOptions(zapredact.WrapCore(r)).With(zap.String("late", "l "+planted))
	late.Info("b " + planted)

	// Wrapping twice with the same Redactor does not stack.
	c := zapredact.NewCore(inner, r)
	assert.Same(t, c, zapredact.NewCore(c, r))

	assert.Equal(t, []string{
		`{"level":"info","msg":"a [REDACTED]","password":"[REDACTED]"}`,
		`{"level":"info","msg":"b [REDACTED]","early":"e ` + planted + `","late":"l [REDACTED]"}`,
	}, buf.Lines())
}

func TestWithKeepsWrapper(t *testing.T) {
	r := testRedactor(t)
	logger, buf := newLogger("json", r)
	child := logger.With(zap.String("a", "1")).With(zap.String("b", "2")).Named("n")
	child.Info("deep "+planted, zap.String("auth_token", "x"))
	lazy := logger.WithLazy(zap.String("lazy", planted))
	lazy.Info("lazy " + planted)
	assert.Equal(t, []string{
		`{"level":"info","logger":"n","msg":"deep [REDACTED]","a":"1","b":"2","auth_token":"[REDACTED]"}`,
		`{"level":"info","msg":"lazy [REDACTED]","lazy":"[REDACTED]"}`,
	}, buf.Lines())
}

// TestContextNamespace checks that a sensitive namespace opened in context
// masks the fields logged later, which land inside it.
func TestContextNamespace(t *testing.T) {
	r := testRedactor(t)
	logger, buf := newLogger("json", r)
	child := logger.With(zap.Namespace("credentials"))
	child.Info("m", zap.String("user", "bob"), zap.Int("n", 1))
	child.With(zap.String("c", "x")).Info("m2")
	assert.Equal(t, []string{
		`{"level":"info","msg":"m","credentials":{"user":"[REDACTED]","n":"[REDACTED]"}}`,
		`{"level":"info","msg":"m2","credentials":{"c":"[REDACTED]"}}`,
	}, buf.Lines())
}

// TestPanicMessage checks that zap's panic value (ce.Message, read after
// the write) is redacted too.
func TestPanicMessage(t *testing.T) {
	r := testRedactor(t)
	logger, buf := newLogger("json", r)
	var recovered any
	func() {
		defer func() { recovered = recover() }()
		logger.Panic("boom " + planted)
	}()
	assert.Equal(t, "boom [REDACTED]", recovered)
	assert.Equal(t, []string{`{"level":"panic","msg":"boom [REDACTED]"}`}, buf.Lines())
}

// TestHooks checks that zap.Hooks, which see only the Entry, see it
// redacted.
func TestHooks(t *testing.T) {
	r := testRedactor(t)
	var seen []string
	logger, _ := newLogger("json", r, zap.Hooks(func(e zapcore.Entry) error {
		seen = append(seen, e.Message)
		return nil
	}))
	logger.Info("hooked " + planted)
	assert.Equal(t, []string{"hooked [REDACTED]"}, seen)
}

func TestWriteDirect(t *testing.T) {
	r := testRedactor(t)
	inner, buf := bareCore("json", zapcore.DebugLevel)
	c := zapredact.NewCore(inner, r)
	err := c.Write(zapcore.Entry{Level: zapcore.InfoLevel, Message: "w " + planted},
		[]zapcore.Field{zap.String("password", "p")})
	require.NoError(t, err)
	require.NoError(t, c.Sync())
	assert.Equal(t, []string{`{"level":"info","msg":"w [REDACTED]","password":"[REDACTED]"}`}, buf.Lines())
}

func TestNilArguments(t *testing.T) {
	c := zapredact.NewCore(nil, nil)
	assert.False(t, c.Enabled(zapcore.FatalLevel))
	logger := zap.New(c)
	logger.Info("nothing") // must not panic

	inner, buf := bareCore("json", zapcore.DebugLevel)
	zap.New(zapredact.NewCore(inner, nil)).Info("m", zap.String("password", "p"))
	assert.Equal(t, []string{`{"level":"info","msg":"m","password":"[REDACTED]"}`}, buf.Lines())
}

// TestConcurrent runs loggers, child loggers and sugared loggers sharing
// one wrapped core from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	r := testRedactor(t)
	logger, buf := newLogger("json", r)
	shared := []zap.Field{zap.String("note", planted), zap.Object("acct", &account{Name: "a", Pw: notReal})}
	child := logger.With(zap.String("token", "t"))
	const goroutines, perG = 8, 50
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < perG; i++ {
				switch i % 4 {
				case 0:
					logger.Info("clean", zap.Int("g", g))
				case 1:
					logger.Info("dirty "+planted, shared...)
				case 2:
					child.With(zap.Int("g", g)).Warn("child", zap.Error(fmt.Errorf("e %s", planted)))
				case 3:
					logger.Sugar().Infow("sugar", "password", "p", "list", []string{planted})
				}
			}
		}(g)
	}
	wg.Wait()
	lines := buf.Lines()
	assert.Len(t, lines, goroutines*perG)
	out := buf.String()
	assert.NotContains(t, out, planted)
	assert.NotContains(t, out, notReal)
	// The shared fields slice was never modified.
	assert.Equal(t, planted, shared[0].String)
}

// TestConfigBuild checks zap.Config.Build with the option: it wraps the
// core that Build made, sampler included.
func TestConfigBuild(t *testing.T) {
	r := testRedactor(t)
	path := filepath.Join(t.TempDir(), "log.json")
	cfg := zap.NewProductionConfig()
	cfg.OutputPaths = []string{path}
	cfg.Sampling = &zap.SamplingConfig{Initial: 1, Thereafter: 0}
	logger, err := cfg.Build(zapredact.WrapCore(r))
	require.NoError(t, err)
	for i := 0; i < 3; i++ {
		logger.Info("sampled "+planted, zap.String("password", notReal))
	}
	require.NoError(t, logger.Sync())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	require.Len(t, lines, 1, "the sampler still drops repeats")
	m := decode(t, lines[0])
	assert.Equal(t, "sampled [REDACTED]", m["msg"])
	assert.Equal(t, mask, m["password"])
}

// TestTeeBranch pins the documented limit of pre-write hooks: a core
// wrapped as one branch of a Tee redacts the entry for every branch that
// accepted it.
func TestTeeBranch(t *testing.T) {
	r := testRedactor(t)
	raw, rawBuf := bareCore("json", zapcore.DebugLevel)
	other, otherBuf := bareCore("json", zapcore.DebugLevel)
	logger := zap.New(zapcore.NewTee(raw, zapredact.NewCore(other, r)))
	logger.Info("m " + planted)
	assert.Equal(t, []string{`{"level":"info","msg":"m [REDACTED]"}`}, rawBuf.Lines())
	assert.Equal(t, []string{`{"level":"info","msg":"m [REDACTED]"}`}, otherBuf.Lines())
}
