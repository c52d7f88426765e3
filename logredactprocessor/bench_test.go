package logredactprocessor

import (
	"context"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/redactionprocessor"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/processor/processortest"
)

// benchRecords and benchSecretEvery shape the benchmark batch: 1,000
// records of which 1% carry a secret.
const (
	benchRecords     = 1000
	benchSecretEvery = 100
)

// benchLogs is one batch of realistic records (text, JSON-in-string and map
// bodies, HTTP attributes), one in benchSecretEvery with a secret.
func benchLogs() plog.Logs {
	ld := cleanLogs(benchRecords - benchRecords/benchSecretEvery)
	for i := range benchRecords / benchSecretEvery {
		secretLog(ld, i)
	}
	// Spread the secret records through the batch.
	lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	out := plog.NewLogs()
	ld.ResourceLogs().At(0).Resource().CopyTo(out.ResourceLogs().AppendEmpty().Resource())
	sl := out.ResourceLogs().At(0).ScopeLogs().AppendEmpty()
	ld.ResourceLogs().At(0).ScopeLogs().At(0).Scope().CopyTo(sl.Scope())
	clean, secret := 0, lrs.Len()-benchRecords/benchSecretEvery
	for i := range benchRecords {
		if i%benchSecretEvery == benchSecretEvery/2 {
			lrs.At(secret).CopyTo(sl.LogRecords().AppendEmpty())
			secret++
		} else {
			lrs.At(clean).CopyTo(sl.LogRecords().AppendEmpty())
			clean++
		}
	}
	return out
}

// contribBlockedValues are the token regexes users typically paste into
// the contrib redactionprocessor: GitHub PAT, AWS access key ID, Bearer
// header, JWT, Slack token.
var contribBlockedValues = []string{
	`ghp_[A-Za-z0-9]{36}`,
	`AKIA[0-9A-Z]{16}`,
	`Bearer [A-Za-z0-9\-._~+/]+=*`,
	`eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+`,
	`xox[baprs]-[0-9A-Za-z-]{10,}`,
}

// BenchmarkLogs processes one batch of 1,000 records (1% with secrets)
// without a processor, with logredact (whole catalog, default config) and
// with contrib's redactionprocessor (allow_all_keys and five
// blocked_values), in the same run. Each iteration gets a fresh copy of the
// batch, made inside the timed loop: stopping the timer around it would make
// the "none" case, which costs about nothing, run billions of untimed copies
// before a second of timed work adds up. So every row includes the copy, and
// "none" is that copy alone: subtract it to get a processor's own cost.
func BenchmarkLogs(b *testing.B) {
	ctx := context.Background()
	ours, err := NewFactory().CreateLogs(ctx, processortest.NewNopSettings(componentType), createDefaultConfig(), consumertest.NewNop())
	require.NoError(b, err)

	cf := redactionprocessor.NewFactory()
	ccfg := cf.CreateDefaultConfig().(*redactionprocessor.Config)
	ccfg.AllowAllKeys = true
	ccfg.BlockedValues = contribBlockedValues
	ccfg.Summary = "silent"
	contrib, err := cf.CreateLogs(ctx, processortest.NewNopSettings(cf.Type()), ccfg, consumertest.NewNop())
	require.NoError(b, err)

	batch := benchLogs()
	for _, bc := range []struct {
		name string
		c    consumer.Logs
	}{
		{"none", consumertest.NewNop()},
		{"logredact", ours},
		{"redactionprocessor", contrib},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ld := plog.NewLogs()
				batch.CopyTo(ld)
				if err := bc.c.ConsumeLogs(ctx, ld); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchRecords, "ns/record")
		})
	}
}

// BenchmarkLogsClean is BenchmarkLogs' logredact case on a batch with no
// secret, processed in place: no copy is needed since nothing changes.
func BenchmarkLogsClean(b *testing.B) {
	p := mustDefault(b)
	ld := cleanLogs(benchRecords)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.processLogs(context.Background(), ld); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchRecords, "ns/record")
}
