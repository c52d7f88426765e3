package zapredact

import (
	"slices"

	"go.uber.org/zap"

	"github.com/logredact/logredact/redact"
)

// Build builds a logger from cfg as cfg.Build(opts...) does, with its core
// wrapped by [NewCore] (a nil r means the default Redactor) before any
// field is attached: cfg.InitialFields, and zap.Fields options among opts,
// are redacted like every other field. cfg.Build(WrapCore(r)) cannot do
// that: zap encodes InitialFields into the core it builds, before the
// option wraps it.
func Build(cfg zap.Config, r *redact.Redactor, opts ...zap.Option) (*zap.Logger, error) {
	initial := cfg.InitialFields
	cfg.InitialFields = nil
	l, err := cfg.Build(append([]zap.Option{WrapCore(r)}, opts...)...)
	if err != nil {
		return nil, err
	}
	if len(initial) == 0 {
		return l, nil
	}
	// zap adds InitialFields in key order.
	keys := make([]string, 0, len(initial))
	for k := range initial {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fs := make([]zap.Field, 0, len(keys))
	for _, k := range keys {
		fs = append(fs, zap.Any(k, initial[k]))
	}
	return l.With(fs...), nil
}
