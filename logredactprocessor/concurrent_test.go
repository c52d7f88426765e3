package logredactprocessor

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/processor/processortest"
)

// TestConcurrentBatches sends batches from several goroutines through one
// processor, as several receivers feeding one pipeline do; run with -race.
func TestConcurrentBatches(t *testing.T) {
	f := NewFactory()
	cfg := f.CreateDefaultConfig().(*Config)
	cfg.Summary = summaryDebug
	ctx := context.Background()
	sink := new(consumertest.LogsSink)
	lp, err := f.CreateLogs(ctx, processortest.NewNopSettings(componentType), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, lp.Start(ctx, componenttest.NewNopHost()))

	const goroutines, batches = 4, 5
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for b := range batches {
				ld := cleanLogs(20)
				secretLog(ld, g+b)
				assert.NoError(t, lp.ConsumeLogs(ctx, ld))
			}
		})
	}
	wg.Wait()
	require.NoError(t, lp.Shutdown(ctx))
	require.Len(t, sink.AllLogs(), goroutines*batches)
	for _, ld := range sink.AllLogs() {
		assert.Equal(t, 21, ld.LogRecordCount())
		requireNoSecret(t, jsonLogs(t, ld))
	}
}
