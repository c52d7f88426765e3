package logrusredact

import (
	"maps"
	"sync"

	"github.com/sirupsen/logrus"

	"github.com/logredact/logredact/internal/structval"
	"github.com/logredact/logredact/redact"
)

// walker redacts the values of one log entry: logrus' own part (the copy
// on write of Data) here, every value through the shared walker. It is
// immutable.
type walker struct {
	r    *redact.Redactor
	w    *structval.Walker
	sink structval.Sink
}

func newWalker(r *redact.Redactor, inner logrus.Formatter) walker {
	sink := structval.Any
	switch inner.(type) {
	case *logrus.JSONFormatter:
		sink = structval.JSON
	case *logrus.TextFormatter:
		sink = structval.Text
	}
	return walker{r: r, w: structval.For(r), sink: sink}
}

// defaultRedactor backs a nil *redact.Redactor, built once on first use.
var defaultRedactor = sync.OnceValue(func() *redact.Redactor { return redact.MustNew() })

func orDefault(r *redact.Redactor) *redact.Redactor {
	if r == nil {
		return defaultRedactor()
	}
	return r
}

// entry returns the redacted message and the redacted Data of e. data is
// nil when no field changed; Data is then still e.Data, untouched.
func (w walker) entry(e *logrus.Entry) (msg string, data logrus.Fields, changed bool) {
	msg = w.w.Text(e.Message)
	changed = msg != e.Message
	for k, v := range e.Data {
		nk, tier := w.w.Key(k)
		nv, ch := w.w.Value(v, nk, tier, w.sink)
		if !ch && nk == k {
			continue
		}
		if data == nil {
			// Copy on write: e.Data may be shared (a hook's caller, a parent
			// entry), and its nested values always are; only this new map is
			// ever written to.
			data = maps.Clone(e.Data)
		}
		if nk != k {
			delete(data, k)
		}
		data[nk] = nv
	}
	return msg, data, changed || data != nil
}
