package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"sync"
	"sync/atomic"
	"text/tabwriter"

	"github.com/logredact/logredact/internal/filter"
)

// counters counts redactions per rule. The observer runs on every worker
// goroutine, so the hot path is a lock-free map load and an atomic add.
type counters struct {
	m   sync.Map // rule ID -> *atomic.Int64
	all atomic.Int64
}

func newCounters() *counters { return &counters{} }

func (c *counters) observe(rule string) {
	c.all.Add(1)
	v, ok := c.m.Load(rule)
	if !ok {
		v, _ = c.m.LoadOrStore(rule, new(atomic.Int64))
	}
	v.(*atomic.Int64).Add(1)
}

func (c *counters) total() int64 { return c.all.Load() }

// print writes the counts, most frequent rule first. It names rules only:
// no secret text ever reaches this report.
func (c *counters) print(w io.Writer, st filter.Stats) {
	type row struct {
		rule string
		n    int64
	}
	var rows []row
	c.m.Range(func(k, v any) bool {
		rows = append(rows, row{k.(string), v.(*atomic.Int64).Load()})
		return true
	})
	slices.SortFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.rule, b.rule))
	})
	fmt.Fprintf(w, "logredact: %d lines, %d bytes read, %d secrets redacted\n", st.Lines, st.Bytes, c.total())
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	for _, r := range rows {
		fmt.Fprintf(tw, "  %d\t  %s\n", r.n, r.rule)
	}
	tw.Flush()
}
