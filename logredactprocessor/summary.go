package logredactprocessor

import (
	"slices"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// The attributes the summary adds to a record (or span, resource, scope)
// in which something was redacted. They never hold a redacted value.
const (
	// CountAttribute holds the number of secrets replaced (summary info
	// and debug). A count already there, from a processor earlier in the
	// chain, is added to.
	CountAttribute = "logredact.redacted.count"

	// RulesAttribute holds the IDs of the rules that fired, sorted, as a
	// slice of strings (summary debug); "sensitive-key" for values masked
	// because of their key, "failure" for values masked because redaction
	// failed.
	RulesAttribute = "logredact.redacted.rules"
)

// failureRule names, in the summary, a value masked because redaction
// failed.
const failureRule = "failure"

// tally is what was replaced in one record, span, resource or scope. The
// zero value is an empty tally; it allocates only when something was
// replaced and the summary is at debug.
type tally struct {
	n      int
	failed int
	rules  []string
}

// add counts one replacement by rule.
func (t *tally) add(w *walker, rule string) {
	t.n++
	if w.summary == summaryDebug && !slices.Contains(t.rules, rule) {
		t.rules = append(t.rules, rule)
	}
}

// fail counts one value masked because redaction failed.
func (t *tally) fail() {
	t.n++
	t.failed++
	if !slices.Contains(t.rules, failureRule) {
		t.rules = append(t.rules, failureRule)
	}
}

// finish writes the summary of t into m, as the summary level asks, and
// returns the number of failures.
func (w *walker) finish(m pcommon.Map, t *tally) int {
	if t.n == 0 || w.summary == summarySilent {
		return t.failed
	}
	n := int64(t.n)
	if old, ok := m.Get(CountAttribute); ok && old.Type() == pcommon.ValueTypeInt {
		n += old.Int()
	}
	m.PutInt(CountAttribute, n)
	if w.summary != summaryDebug {
		return t.failed
	}
	rules := t.rules
	if old, ok := m.Get(RulesAttribute); ok && old.Type() == pcommon.ValueTypeSlice {
		for _, v := range old.Slice().All() {
			if s := v.Str(); s != "" && !slices.Contains(rules, s) {
				rules = append(rules, s)
			}
		}
	}
	slices.Sort(rules)
	s := m.PutEmptySlice(RulesAttribute)
	s.EnsureCapacity(len(rules))
	for _, r := range rules {
		s.AppendEmpty().SetStr(r)
	}
	return t.failed
}
