package logredactprocessor

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processorhelper"
	"go.uber.org/zap"
)

// componentType is the name of the processor in a collector configuration.
var componentType = component.MustNewType("logredact")

const stability = component.StabilityLevelAlpha

// NewFactory returns the factory of the logredact processor, for logs,
// traces and metrics (data point attributes), all at alpha stability.
func NewFactory() processor.Factory {
	return processor.NewFactory(
		componentType,
		createDefaultConfig,
		processor.WithLogs(createLogs, stability),
		processor.WithTraces(createTraces, stability),
		processor.WithMetrics(createMetrics, stability),
	)
}

// mutates tells the pipeline that the processor changes data in place, so
// it is handed a copy it may change when the data fans out.
var mutates = processorhelper.WithCapabilities(consumer.Capabilities{MutatesData: true})

func createLogs(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Logs) (processor.Logs, error) {
	p, err := newProcessor(cfg.(*Config), set.Logger)
	if err != nil {
		return nil, err
	}
	return processorhelper.NewLogs(ctx, set, cfg, next, p.processLogs, mutates)
}

func createTraces(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Traces) (processor.Traces, error) {
	p, err := newProcessor(cfg.(*Config), set.Logger)
	if err != nil {
		return nil, err
	}
	return processorhelper.NewTraces(ctx, set, cfg, next, p.processTraces, mutates)
}

func createMetrics(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Metrics) (processor.Metrics, error) {
	p, err := newProcessor(cfg.(*Config), set.Logger)
	if err != nil {
		return nil, err
	}
	return processorhelper.NewMetrics(ctx, set, cfg, next, p.processMetrics, mutates)
}

// newProcessor builds the redactor of cfg; the rules file's warnings go to
// the collector's log.
func newProcessor(cfg *Config, logger *zap.Logger) (*redactProcessor, error) {
	warn := func(msg string) { logger.Warn("logredact rules file", zap.String("warning", msg)) }
	r, err := cfg.newRedactor(warn)
	if err != nil {
		return nil, err
	}
	return &redactProcessor{
		w:         newWalker(r, cfg.Summary),
		propagate: cfg.ErrorMode == errorModePropagate,
		logger:    logger,
	}, nil
}
