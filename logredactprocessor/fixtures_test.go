package logredactprocessor

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"
)

// Test secrets are built at run time from parts, so that the repository
// holds nothing that looks like a live credential.
var (
	ghToken  = "ghp_" + strings.Repeat("a1B2", 9)
	awsKeyID = "AKIA" + "J5X2" + "WQ7R" + "ZK3M" + "4N6P"
	bearer   = "Bearer " + "f8Kq2" + strings.Repeat("Zr7Lw", 6)
	jwt      = "eyJhbGciOiJIUzI1NiJ9" + "." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0" + "." + "dBjftJeZ4CVP" + "mB92K27uhbUJU1p1r" + "_wW1gFWFOEjXk"
	pw       = "Tr0ub4dor" + "-" + "x9Q2mZ"
	acme     = "acme_" + strings.Repeat("0f1e", 8)
)

// cloneURL is a Git remote with secret as its password, as CI logs leak
// them.
func cloneURL(secret string) string {
	return "https://x-access-" + "token:" + secret + "@github.com/acme/app.git"
}

// allSecrets lists every planted value, for checks that none survives.
func allSecrets() []string {
	return []string{ghToken, awsKeyID, strings.TrimPrefix(bearer, "Bearer "), jwt, pw}
}

// defaultProcessor is a processor with the default configuration, built
// once: building a Redactor compiles the whole catalog.
var defaultProcessor = sync.OnceValues(func() (*redactProcessor, error) {
	return newProcessor(createDefaultConfig().(*Config), zap.NewNop())
})

func mustDefault(t testing.TB) *redactProcessor {
	t.Helper()
	p, err := defaultProcessor()
	require.NoError(t, err)
	return p
}

// cleanLogs is a batch of n realistic records with nothing to redact.
func cleanLogs(n int) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	ra := rl.Resource().Attributes()
	ra.PutStr("service.name", "checkout")
	ra.PutStr("service.version", "1.42.0")
	ra.PutStr("host.name", "ip-10-0-3-17.eu-west-1.compute.internal")
	ra.PutStr("k8s.pod.name", "checkout-7d9f8b6c5-x2x9q")
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().SetName("github.com/acme/checkout/http")
	sl.Scope().Attributes().PutStr("library.language", "go")
	for i := range n {
		lr := sl.LogRecords().AppendEmpty()
		lr.SetSeverityText("INFO")
		lr.SetSeverityNumber(plog.SeverityNumberInfo)
		a := lr.Attributes()
		a.PutStr("http.request.method", "POST")
		a.PutStr("url.path", fmt.Sprintf("/api/v1/orders/%d/items", 1000+i))
		a.PutInt("http.response.status_code", 200)
		a.PutDouble("http.server.request.duration", 0.0123)
		a.PutStr("user.id", fmt.Sprintf("u-%06d", i))
		a.PutStr("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
		a.PutInt("max_tokens", 4096)
		switch i % 3 {
		case 0:
			lr.Body().SetStr(fmt.Sprintf("order %d accepted for customer u-%06d in 12.3ms, 3 items, total 41.90 EUR", 1000+i, i))
		case 1:
			lr.Body().SetStr(fmt.Sprintf(`{"level":"info","msg":"payment authorised","order":%d,"amount":"41.90","currency":"EUR","provider":"adyen"}`, 1000+i))
		default:
			m := lr.Body().SetEmptyMap()
			m.PutStr("msg", "inventory reserved")
			m.PutInt("order", int64(1000+i))
			m.PutStr("warehouse", "ams-2")
			m.PutEmptySlice("skus").FromRaw([]any{"SKU-1", "SKU-22"})
		}
	}
	return ld
}

// secretLog appends, to the first scope of ld, a record that carries the
// secret of kind i in its body and attributes, as real leaks do.
func secretLog(ld plog.Logs, i int) {
	lr := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().AppendEmpty()
	a := lr.Attributes()
	a.PutStr("http.request.method", "GET")
	a.PutStr("url.path", "/api/v1/repos")
	switch i % 4 {
	case 0:
		lr.Body().SetStr("git clone failed: " + cloneURL(ghToken))
	case 1:
		lr.Body().SetStr(`{"msg":"s3 upload","aws_access_key_id":"` + awsKeyID + `","bucket":"acme-logs"}`)
	case 2:
		lr.Body().SetStr("upstream call failed")
		a.PutStr("http.request.header.authorization", bearer)
	default:
		m := lr.Body().SetEmptyMap()
		m.PutStr("msg", "session restored")
		m.PutStr("id_token", jwt)
	}
}

// marshalLogs is the exact encoding of ld, to compare batches.
func marshalLogs(t testing.TB, ld plog.Logs) []byte {
	t.Helper()
	b, err := (&plog.ProtoMarshaler{}).MarshalLogs(ld)
	require.NoError(t, err)
	return b
}

func jsonLogs(t testing.TB, ld plog.Logs) string {
	t.Helper()
	b, err := (&plog.JSONMarshaler{}).MarshalLogs(ld)
	require.NoError(t, err)
	return string(b)
}

func jsonTraces(t testing.TB, td ptrace.Traces) string {
	t.Helper()
	b, err := (&ptrace.JSONMarshaler{}).MarshalTraces(td)
	require.NoError(t, err)
	return string(b)
}

func jsonMetrics(t testing.TB, md pmetric.Metrics) string {
	t.Helper()
	b, err := (&pmetric.JSONMarshaler{}).MarshalMetrics(md)
	require.NoError(t, err)
	return string(b)
}

// requireNoSecret fails when any planted secret survives in s.
func requireNoSecret(t testing.TB, s string) {
	t.Helper()
	for _, secret := range allSecrets() {
		require.NotContains(t, s, secret)
	}
}

// strAttr reads a string attribute.
func strAttr(t testing.TB, m pcommon.Map, k string) string {
	t.Helper()
	v, ok := m.Get(k)
	require.True(t, ok, "attribute %q missing", k)
	return v.AsString()
}
