package logredactprocessor

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"
)

const mask = "[REDACTED]"

// pwKey is a strong sensitive key name, spelt in parts so that the
// repository's own scan sees no assignment.
var pwKey = "db." + "pass" + "word"

func TestLogsEveryPlace(t *testing.T) {
	p := mustDefault(t)
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "api")
	rl.Resource().Attributes().PutStr("deploy.note", "rolled out with "+ghToken)
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().Attributes().PutStr("scope.auth", bearer)
	records := sl.LogRecords()

	type check func(t *testing.T, lr plog.LogRecord)
	tests := []struct {
		name  string
		build func(lr plog.LogRecord)
		check check
	}{
		{
			name:  "string body, free text",
			build: func(lr plog.LogRecord) { lr.Body().SetStr("cloning with " + ghToken + " from github.com") },
			check: func(t *testing.T, lr plog.LogRecord) {
				assert.Equal(t, "cloning with "+mask+" from github.com", lr.Body().Str())
			},
		},
		{
			name: "string body holding JSON, rewritten as JSON",
			build: func(lr plog.LogRecord) {
				lr.Body().SetStr(`{"user":"bob","` + pwKey + `":"` + pw + `","n":1}`)
			},
			check: func(t *testing.T, lr plog.LogRecord) {
				assert.JSONEq(t, `{"user":"bob","`+pwKey+`":"`+mask+`","n":1}`, lr.Body().Str())
			},
		},
		{
			name: "map body, key-aware and recursive",
			build: func(lr plog.LogRecord) {
				m := lr.Body().SetEmptyMap()
				m.PutStr("msg", "login")
				m.PutStr(pwKey, pw)
				m.PutInt("password", 123456)
				m.PutBool("secret", true)
				h := m.PutEmptyMap("headers")
				h.PutStr("Authorization", bearer)
				h.PutStr("Accept", "application/json")
				m.PutEmptySlice("list").FromRaw([]any{"fine", "key " + awsKeyID})
				m.PutEmptyMap("credentials").PutStr("user", "bob")
				m.PutInt("max_tokens", 4096)
			},
			check: func(t *testing.T, lr plog.LogRecord) {
				m := lr.Body().Map()
				assert.Equal(t, "login", strAttr(t, m, "msg"))
				assert.Equal(t, mask, strAttr(t, m, pwKey))
				assert.Equal(t, mask, strAttr(t, m, "password"), "a number under a strong key")
				h, _ := m.Get("headers")
				assert.Equal(t, mask, strAttr(t, h.Map(), "Authorization"))
				assert.Equal(t, "application/json", strAttr(t, h.Map(), "Accept"))
				l, _ := m.Get("list")
				assert.Equal(t, []any{"fine", "key " + mask}, l.Slice().AsRaw())
				assert.Equal(t, mask, strAttr(t, m, "credentials"), "a map under a strong key is masked whole")
				v, _ := m.Get("max_tokens")
				assert.Equal(t, int64(4096), v.Int(), "a token count stays a number")
			},
		},
		{
			name: "slice body",
			build: func(lr plog.LogRecord) {
				lr.Body().SetEmptySlice().FromRaw([]any{"a", jwt, int64(3)})
			},
			check: func(t *testing.T, lr plog.LogRecord) {
				assert.Equal(t, []any{"a", mask, int64(3)}, lr.Body().Slice().AsRaw())
			},
		},
		{
			name:  "bytes body",
			build: func(lr plog.LogRecord) { lr.Body().SetEmptyBytes().FromRaw([]byte("key=" + awsKeyID + "\n")) },
			check: func(t *testing.T, lr plog.LogRecord) {
				assert.Equal(t, "key="+mask+"\n", string(lr.Body().Bytes().AsRaw()))
			},
		},
		{
			name: "attributes: sensitive keys, scanned values, bytes, keys holding secrets",
			build: func(lr plog.LogRecord) {
				lr.Body().SetStr("ok")
				a := lr.Attributes()
				a.PutStr("http.request.header.authorization", bearer)
				a.PutStr("error", "auth with "+ghToken+" failed")
				a.PutEmptyBytes("api_key").FromRaw([]byte("k-1"))
				a.PutStr("token_"+ghToken, "value")
				a.PutStr("session", "42")
				a.PutStr("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
			},
			check: func(t *testing.T, lr plog.LogRecord) {
				a := lr.Attributes()
				assert.Equal(t, mask, strAttr(t, a, "http.request.header.authorization"))
				assert.Equal(t, "auth with "+mask+" failed", strAttr(t, a, "error"))
				assert.Equal(t, mask, strAttr(t, a, "api_key"))
				assert.Equal(t, "value", strAttr(t, a, "token_"+mask), "a key holding a secret is rekeyed")
				assert.Equal(t, "42", strAttr(t, a, "session"), "a weak key keeps a value that is no credential")
				assert.Equal(t, "4bf92f3577b34da6a3ce929d0e0e4736", strAttr(t, a, "trace_id"))
			},
		},
		{
			name:  "event name",
			build: func(lr plog.LogRecord) { lr.SetEventName("login " + ghToken) },
			check: func(t *testing.T, lr plog.LogRecord) { assert.Equal(t, "login "+mask, lr.EventName()) },
		},
	}
	for _, tt := range tests {
		tt.build(records.AppendEmpty())
	}
	out, err := p.processLogs(context.Background(), ld)
	require.NoError(t, err)
	requireNoSecret(t, jsonLogs(t, out))
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, records.At(i)) })
	}
	assert.Equal(t, "rolled out with "+mask, strAttr(t, rl.Resource().Attributes(), "deploy.note"))
	assert.Equal(t, "api", strAttr(t, rl.Resource().Attributes(), "service.name"))
	assert.Equal(t, "Bearer "+mask, strAttr(t, sl.Scope().Attributes(), "scope.auth"), "a weak key: the header value is scanned")
}

func TestTracesEveryPlace(t *testing.T) {
	p := mustDefault(t)
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("env.note", "key "+awsKeyID)
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().Attributes().PutStr("api_key", "k-123")
	span := ss.Spans().AppendEmpty()
	span.SetName("GET /repos?access_token=" + ghToken)
	span.Attributes().PutStr("http.request.header.authorization", bearer)
	span.Attributes().PutStr("http.route", "/repos")
	span.Status().SetCode(ptrace.StatusCodeError)
	span.Status().SetMessage("jwt rejected: " + jwt)
	ev := span.Events().AppendEmpty()
	ev.SetName("retry with " + ghToken)
	ev.Attributes().PutStr("exception.message", "bad credentials "+ghToken)
	link := span.Links().AppendEmpty()
	link.Attributes().PutStr(pwKey, pw)

	out, err := p.processTraces(context.Background(), td)
	require.NoError(t, err)
	requireNoSecret(t, jsonTraces(t, out))
	assert.Equal(t, "key "+mask, strAttr(t, rs.Resource().Attributes(), "env.note"))
	assert.Equal(t, mask, strAttr(t, ss.Scope().Attributes(), "api_key"))
	assert.Equal(t, "GET /repos?access_token="+mask, span.Name())
	assert.Equal(t, mask, strAttr(t, span.Attributes(), "http.request.header.authorization"))
	assert.Equal(t, "/repos", strAttr(t, span.Attributes(), "http.route"))
	assert.Equal(t, "jwt rejected: "+mask, span.Status().Message())
	assert.Equal(t, ptrace.StatusCodeError, span.Status().Code())
	assert.Equal(t, "retry with "+mask, ev.Name())
	assert.Equal(t, "bad credentials "+mask, strAttr(t, ev.Attributes(), "exception.message"))
	assert.Equal(t, mask, strAttr(t, link.Attributes(), pwKey))
}

func TestMetricsDataPointAttributes(t *testing.T) {
	p := mustDefault(t)
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	rm.Resource().Attributes().PutStr("note", ghToken)
	sm := rm.ScopeMetrics().AppendEmpty()
	sm.Scope().Attributes().PutStr("api_key", "k-1")
	ms := sm.Metrics()
	var attrs []pcommon.Map
	m := ms.AppendEmpty()
	attrs = append(attrs, m.SetEmptyGauge().DataPoints().AppendEmpty().Attributes())
	m = ms.AppendEmpty()
	attrs = append(attrs, m.SetEmptySum().DataPoints().AppendEmpty().Attributes())
	m = ms.AppendEmpty()
	attrs = append(attrs, m.SetEmptyHistogram().DataPoints().AppendEmpty().Attributes())
	m = ms.AppendEmpty()
	attrs = append(attrs, m.SetEmptyExponentialHistogram().DataPoints().AppendEmpty().Attributes())
	m = ms.AppendEmpty()
	attrs = append(attrs, m.SetEmptySummary().DataPoints().AppendEmpty().Attributes())
	for _, a := range attrs {
		a.PutStr("url.full", cloneURL(ghToken))
		a.PutStr("http.route", "/repos")
	}
	out, err := p.processMetrics(context.Background(), md)
	require.NoError(t, err)
	requireNoSecret(t, jsonMetrics(t, out))
	assert.Equal(t, mask, strAttr(t, rm.Resource().Attributes(), "note"))
	assert.Equal(t, mask, strAttr(t, sm.Scope().Attributes(), "api_key"))
	for i, a := range attrs {
		assert.Equal(t, cloneURL(mask), strAttr(t, a, "url.full"), "metric %d", i)
		assert.Equal(t, "/repos", strAttr(t, a, "http.route"))
		assert.Equal(t, 2, a.Len(), "no summary on data points")
	}
}

// TestCleanBatchesUnchanged checks that batches with nothing to redact
// come out byte for byte as they went in, and cost no allocation: clean
// values are neither copied nor re-encoded.
func TestCleanBatchesUnchanged(t *testing.T) {
	p := mustDefault(t)
	ld := cleanLogs(30)
	before := marshalLogs(t, ld)
	out, err := p.processLogs(context.Background(), ld)
	require.NoError(t, err)
	assert.Equal(t, before, marshalLogs(t, out))

	td := ptrace.NewTraces()
	span := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	span.SetName("GET /api/v1/orders/{id}")
	span.Attributes().PutStr("http.route", "/api/v1/orders/{id}")
	span.Attributes().PutInt("http.response.status_code", 200)
	span.Events().AppendEmpty().SetName("cache miss")
	span.Links().AppendEmpty().Attributes().PutStr("link.kind", "follows")
	tb, err := (&ptrace.ProtoMarshaler{}).MarshalTraces(td)
	require.NoError(t, err)
	_, err = p.processTraces(context.Background(), td)
	require.NoError(t, err)
	ta, err := (&ptrace.ProtoMarshaler{}).MarshalTraces(td)
	require.NoError(t, err)
	assert.Equal(t, tb, ta)

	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	allocs := testing.AllocsPerRun(20, func() {
		if _, err := p.processLogs(context.Background(), ld); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs, "a clean batch allocates nothing")
}

func TestModes(t *testing.T) {
	hmacKey := strings.Repeat("k3y-", 5)
	tests := []struct {
		name string
		cfg  func(*Config)
		want func(t *testing.T, first, second string)
	}{
		{"label", func(c *Config) { c.Mode = "label" }, func(t *testing.T, a, _ string) {
			assert.Equal(t, "push [REDACTED:github-pat]", a)
		}},
		{"partial", func(c *Config) { c.Mode = "partial" }, func(t *testing.T, a, _ string) {
			assert.Equal(t, "push ghp_[REDACTED]", a)
		}},
		{"mask", func(c *Config) { c.Mask = "***" }, func(t *testing.T, a, _ string) {
			assert.Equal(t, "push ***", a)
		}},
		{"hmac", func(c *Config) { c.Mode = "hmac"; c.HMACKey = configopaque.String(hmacKey) }, func(t *testing.T, a, b string) {
			assert.True(t, strings.HasPrefix(a, "push [REDACTED:hmac:"), a)
			assert.Equal(t, a, b, "the same secret gives the same marker")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := createDefaultConfig().(*Config)
			tt.cfg(cfg)
			require.NoError(t, cfg.Validate())
			p, err := newProcessor(cfg, zap.NewNop())
			require.NoError(t, err)
			ld := plog.NewLogs()
			lrs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
			lrs.AppendEmpty().Body().SetStr("push " + ghToken)
			lrs.AppendEmpty().Body().SetStr("push " + ghToken)
			_, err = p.processLogs(context.Background(), ld)
			require.NoError(t, err)
			tt.want(t, lrs.At(0).Body().Str(), lrs.At(1).Body().Str())
		})
	}
}

func TestSummary(t *testing.T) {
	for _, level := range []string{summarySilent, summaryInfo, summaryDebug} {
		t.Run(level, func(t *testing.T) {
			p := &redactProcessor{w: newWalker(mustDefault(t).w.r, level), logger: zap.NewNop()}
			ld := plog.NewLogs()
			lrs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
			lr := lrs.AppendEmpty()
			lr.Body().SetStr("using " + ghToken + " and " + awsKeyID)
			lr.Attributes().PutStr("api_key", "k-1")
			lr.Attributes().PutInt(CountAttribute, 2) // from a processor earlier in the chain
			clean := lrs.AppendEmpty()
			clean.Body().SetStr("all good")
			_, err := p.processLogs(context.Background(), ld)
			require.NoError(t, err)

			assert.Equal(t, 0, clean.Attributes().Len(), "a clean record gets no summary")
			count, _ := lr.Attributes().Get(CountAttribute)
			rules, hasRules := lr.Attributes().Get(RulesAttribute)
			switch level {
			case summarySilent:
				assert.Equal(t, int64(2), count.Int())
				assert.False(t, hasRules)
			case summaryInfo:
				assert.Equal(t, int64(2+3), count.Int())
				assert.False(t, hasRules)
			case summaryDebug:
				assert.Equal(t, int64(2+3), count.Int())
				assert.Equal(t, []any{"aws-access-key-id", "github-pat", "sensitive-key"}, rules.Slice().AsRaw())
			}
		})
	}
}

// TestFailureMasksValue makes redaction panic inside one value: that value
// is masked whole, the rest of the batch is redacted, and only propagate
// turns it into an error.
func TestFailureMasksValue(t *testing.T) {
	for _, propagate := range []bool{false, true} {
		w := newWalker(mustDefault(t).w.r, summaryDebug)
		w.hook = func(v pcommon.Value) {
			if v.Type() == pcommon.ValueTypeStr && strings.HasPrefix(v.Str(), "boom") {
				panic("redaction failed")
			}
		}
		p := &redactProcessor{w: w, propagate: propagate, logger: zap.NewNop()}
		ld := plog.NewLogs()
		lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
		lr.Body().SetStr("boom " + ghToken)
		lr.Attributes().PutStr("other", "x "+ghToken)
		_, err := p.processLogs(context.Background(), ld)
		if propagate {
			require.Error(t, err)
			assert.NotContains(t, err.Error(), ghToken)
		} else {
			require.NoError(t, err)
		}
		assert.Equal(t, mask, lr.Body().Str())
		assert.Equal(t, "x "+mask, strAttr(t, lr.Attributes(), "other"))
		rules, _ := lr.Attributes().Get(RulesAttribute)
		assert.Contains(t, rules.Slice().AsRaw(), failureRule)
	}
}

// TestDeepValueMasked checks that a structure nested past maxDepth is
// masked rather than walked.
func TestDeepValueMasked(t *testing.T) {
	p := mustDefault(t)
	ld := plog.NewLogs()
	lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	m := lr.Body().SetEmptyMap()
	for range maxDepth + 5 {
		m = m.PutEmptyMap("a")
	}
	m.PutStr("x", ghToken)
	_, err := p.processLogs(context.Background(), ld)
	require.NoError(t, err)
	requireNoSecret(t, jsonLogs(t, ld))
	assert.Contains(t, jsonLogs(t, ld), mask)
}

// TestRulesFile loads a gitleaks-schema file as the command's --config
// does: its custom rule applies next to the built-ins.
func TestRulesFile(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.RulesFile = "testdata/rules.toml"
	require.NoError(t, cfg.Validate())
	p, err := newProcessor(cfg, zap.NewNop())
	require.NoError(t, err)
	ld := plog.NewLogs()
	lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.Body().SetStr("calling partner with " + acme + " and " + ghToken)
	lr.Attributes().PutStr("x-acme-session", "s-1")
	_, err = p.processLogs(context.Background(), ld)
	require.NoError(t, err)
	assert.Equal(t, "calling partner with [REDACTED:acme-token] and [REDACTED:github-pat]", lr.Body().Str())
	assert.Equal(t, "[REDACTED:sensitive-key]", strAttr(t, lr.Attributes(), "x-acme-session"))
}

// TestFailureOutsideValueDropsBatch makes even the fail-closed write fail
// (read-only data, which a pipeline never hands a mutating processor): the
// batch is refused with an error instead of passed on unredacted, and
// nothing panics.
func TestFailureOutsideValueDropsBatch(t *testing.T) {
	for _, propagate := range []bool{false, true} {
		p := &redactProcessor{w: mustDefault(t).w, propagate: propagate, logger: zap.NewNop()}
		ld := plog.NewLogs()
		ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty().Body().SetStr("push " + ghToken)
		ld.MarkReadOnly()
		_, err := p.processLogs(context.Background(), ld)
		require.ErrorIs(t, err, errBatch)
		assert.NotContains(t, err.Error(), ghToken)
	}
}
