package logredactprocessor

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/processor/processortest"
)

func TestFactory(t *testing.T) {
	f := NewFactory()
	assert.Equal(t, "logredact", f.Type().String())
	assert.Equal(t, stability, f.LogsStability())
	assert.Equal(t, stability, f.TracesStability())
	assert.Equal(t, stability, f.MetricsStability())
	require.NoError(t, componenttest.CheckConfigStruct(f.CreateDefaultConfig()))
	require.NoError(t, f.CreateDefaultConfig().(*Config).Validate())
}

// TestLifecycle creates each signal's processor, starts it, passes a batch
// through to the next consumer and shuts it down; VerifyShutdown checks
// nothing is produced after shutdown.
func TestLifecycle(t *testing.T) {
	f := NewFactory()
	cfg := f.CreateDefaultConfig()
	ctx := context.Background()
	set := processortest.NewNopSettings(componentType)
	host := componenttest.NewNopHost()

	logsSink := new(consumertest.LogsSink)
	lp, err := f.CreateLogs(ctx, set, cfg, logsSink)
	require.NoError(t, err)
	assert.True(t, lp.Capabilities().MutatesData)
	require.NoError(t, lp.Start(ctx, host))
	ld := cleanLogs(3)
	secretLog(ld, 0)
	require.NoError(t, lp.ConsumeLogs(ctx, ld))
	require.NoError(t, lp.Shutdown(ctx))
	require.Len(t, logsSink.AllLogs(), 1)
	requireNoSecret(t, jsonLogs(t, logsSink.AllLogs()[0]))

	tracesSink := new(consumertest.TracesSink)
	tp, err := f.CreateTraces(ctx, set, cfg, tracesSink)
	require.NoError(t, err)
	require.NoError(t, tp.Start(ctx, host))
	require.NoError(t, tp.Shutdown(ctx))

	metricsSink := new(consumertest.MetricsSink)
	mp, err := f.CreateMetrics(ctx, set, cfg, metricsSink)
	require.NoError(t, err)
	require.NoError(t, mp.Start(ctx, host))
	require.NoError(t, mp.Shutdown(ctx))

	processortest.VerifyShutdown(t, f, cfg)
}

func TestCreateWithBadConfig(t *testing.T) {
	f := NewFactory()
	cfg := f.CreateDefaultConfig().(*Config)
	cfg.Disable = []string{"no-such-rule"}
	_, err := f.CreateLogs(context.Background(), processortest.NewNopSettings(componentType), cfg, consumertest.NewNop())
	require.ErrorContains(t, err, "disable:")
}
