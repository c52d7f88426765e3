package main

import (
	"bufio"
	"bytes"
	"io"

	"github.com/logredact/logredact/bench/loggen"
	"github.com/logredact/logredact/internal/filter"
)

// demoLines is how many sample lines --demo shows.
const demoLines = 12

// demo prints realistic log lines, generated now with random secrets (none
// of them real), next to what the filter makes of them: "-" marks an input
// line that was changed, "+" its output, and unchanged lines are shown once.
func demo(w io.Writer, f *filter.Filter) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("logredact demo: log lines generated just now; the secrets in them are random, not real.\n")
	bw.WriteString("'-' is an input line, '+' what logredact writes for it; unchanged lines are shown once.\n\n")
	g := loggen.New(20261127, 0.6)
	var line, out []byte
	for range demoLines {
		line, _ = g.AppendLine(line[:0])
		line = bytes.TrimSuffix(line, []byte("\n"))
		out = f.AppendLine(out[:0], line)
		if bytes.Equal(out, line) {
			bw.WriteString("  ")
			bw.Write(line)
			bw.WriteByte('\n')
			continue
		}
		bw.WriteString("- ")
		bw.Write(line)
		bw.WriteString("\n+ ")
		bw.Write(out)
		bw.WriteString("\n")
	}
	bw.WriteString("\nTry it on your own logs: tail -f app.log | logredact\n")
	return bw.Flush()
}
