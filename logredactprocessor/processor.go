package logredactprocessor

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"
)

// redactProcessor walks logs, traces and metrics and redacts them in place.
// It is safe for concurrent batches.
//
// What it redacts:
//
//   - logs: resource and scope attributes, each record's body, attributes
//     and event name;
//   - traces: resource and scope attributes, each span's name, attributes,
//     status message, and its events' names and attributes and its links'
//     attributes;
//   - metrics: resource and scope attributes and the attributes of every
//     data point (no summary attributes there: they would change the
//     series).
//
// A value that fails to redact is masked whole (see walker). A failure
// outside any value, which would leave unknown data unredacted, drops the
// batch with an error whatever the error mode.
type redactProcessor struct {
	w         *walker
	propagate bool
	logger    *zap.Logger
}

// errBatch reports a failure outside any single value.
var errBatch = errors.New("logredact: redaction failed; the batch was dropped rather than passed on unredacted")

func (p *redactProcessor) processLogs(_ context.Context, ld plog.Logs) (_ plog.Logs, err error) {
	defer p.recoverBatch(&err)
	failed := 0
	for _, rl := range ld.ResourceLogs().All() {
		failed += p.resource(rl.Resource())
		for _, sl := range rl.ScopeLogs().All() {
			failed += p.scope(sl.Scope())
			for _, lr := range sl.LogRecords().All() {
				var t tally
				p.w.body(lr.Body(), &t)
				p.w.attrs(lr.Attributes(), &t, 0)
				if out, changed := p.w.text(lr.EventName(), &t); changed {
					lr.SetEventName(out)
				}
				failed += p.w.finish(lr.Attributes(), &t)
			}
		}
	}
	return ld, p.failures(failed)
}

func (p *redactProcessor) processTraces(_ context.Context, td ptrace.Traces) (_ ptrace.Traces, err error) {
	defer p.recoverBatch(&err)
	failed := 0
	for _, rs := range td.ResourceSpans().All() {
		failed += p.resource(rs.Resource())
		for _, ss := range rs.ScopeSpans().All() {
			failed += p.scope(ss.Scope())
			for _, span := range ss.Spans().All() {
				failed += p.span(span)
			}
		}
	}
	return td, p.failures(failed)
}

// span redacts one span with its events and links; the summary goes on the
// span's attributes.
func (p *redactProcessor) span(span ptrace.Span) int {
	var t tally
	if out, changed := p.w.text(span.Name(), &t); changed {
		span.SetName(out)
	}
	p.w.attrs(span.Attributes(), &t, 0)
	if out, changed := p.w.text(span.Status().Message(), &t); changed {
		span.Status().SetMessage(out)
	}
	for _, ev := range span.Events().All() {
		if out, changed := p.w.text(ev.Name(), &t); changed {
			ev.SetName(out)
		}
		p.w.attrs(ev.Attributes(), &t, 0)
	}
	for _, l := range span.Links().All() {
		p.w.attrs(l.Attributes(), &t, 0)
	}
	return p.w.finish(span.Attributes(), &t)
}

func (p *redactProcessor) processMetrics(_ context.Context, md pmetric.Metrics) (_ pmetric.Metrics, err error) {
	defer p.recoverBatch(&err)
	failed := 0
	for _, rm := range md.ResourceMetrics().All() {
		failed += p.resource(rm.Resource())
		for _, sm := range rm.ScopeMetrics().All() {
			failed += p.scope(sm.Scope())
			for _, m := range sm.Metrics().All() {
				failed += p.dataPoints(m)
			}
		}
	}
	return md, p.failures(failed)
}

// dataPoints redacts the attributes of every data point of m. No summary
// is written: an added attribute would make a new series.
func (p *redactProcessor) dataPoints(m pmetric.Metric) int {
	var t tally
	switch m.Type() {
	case pmetric.MetricTypeGauge:
		for _, dp := range m.Gauge().DataPoints().All() {
			p.w.attrs(dp.Attributes(), &t, 0)
		}
	case pmetric.MetricTypeSum:
		for _, dp := range m.Sum().DataPoints().All() {
			p.w.attrs(dp.Attributes(), &t, 0)
		}
	case pmetric.MetricTypeHistogram:
		for _, dp := range m.Histogram().DataPoints().All() {
			p.w.attrs(dp.Attributes(), &t, 0)
		}
	case pmetric.MetricTypeExponentialHistogram:
		for _, dp := range m.ExponentialHistogram().DataPoints().All() {
			p.w.attrs(dp.Attributes(), &t, 0)
		}
	case pmetric.MetricTypeSummary:
		for _, dp := range m.Summary().DataPoints().All() {
			p.w.attrs(dp.Attributes(), &t, 0)
		}
	}
	return t.failed
}

func (p *redactProcessor) resource(r pcommon.Resource) int {
	var t tally
	p.w.attrs(r.Attributes(), &t, 0)
	return p.w.finish(r.Attributes(), &t)
}

func (p *redactProcessor) scope(s pcommon.InstrumentationScope) int {
	var t tally
	p.w.attrs(s.Attributes(), &t, 0)
	return p.w.finish(s.Attributes(), &t)
}

// failures reports values masked because redaction failed: logged, and an
// error in propagate mode. Neither names or quotes a value.
func (p *redactProcessor) failures(n int) error {
	if n == 0 {
		return nil
	}
	p.logger.Warn("logredact: redaction failed; the values were masked whole", zap.Int("values", n))
	if p.propagate {
		return fmt.Errorf("logredact: redaction failed for %d values; they were masked whole", n)
	}
	return nil
}

// recoverBatch turns a panic outside any value into errBatch.
func (p *redactProcessor) recoverBatch(err *error) {
	if recover() != nil {
		p.logger.Error(errBatch.Error())
		*err = errBatch
	}
}
