package bench

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/logredact/logredact/bench/loggen"
	"github.com/logredact/logredact/internal/filter"
	"github.com/logredact/logredact/redact"
)

// filterStreamSize is the length of the generated input of BenchmarkFilter:
// realistic mixed JSON, logfmt and text lines, 1% of them holding a secret.
const (
	filterStreamSize     = 64 << 20
	filterSecretFraction = 0.01
	filterSeed           = 20261127
)

var (
	filterStreamOnce sync.Once
	filterStream     []byte
)

// filterInput generates the benchmark stream once per process.
func filterInput() []byte {
	filterStreamOnce.Do(func() {
		filterStream = loggen.Stream(filterSeed, filterSecretFraction, filterStreamSize)
	})
	return filterStream
}

// BenchmarkFilter measures the throughput of the logredact command's core
// (package internal/filter) from an in-memory stream to io.Discard, with
// one and two workers. MB/s is the figure to read.
func BenchmarkFilter(b *testing.B) {
	stream := filterInput()
	r := redact.MustNew()
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			f, err := filter.New(r, &filter.Options{Workers: workers})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(stream)))
			b.ReportAllocs()
			start := cpuNow()
			for b.Loop() {
				if _, err := f.Run(io.Discard, bytes.NewReader(stream)); err != nil {
					b.Fatal(err)
				}
			}
			cpuMetric(b, start, int64(len(stream)))
		})
	}
}

// The stream must be at least 50 MiB: this fails to compile otherwise.
var _ [filterStreamSize - 50<<20]struct{}

// TestFilterStream checks what BenchmarkFilter measures on the first MiBs
// of the same stream: about 1% of lines hold a secret, and the filter
// removes every one while keeping the line count.
func TestFilterStream(t *testing.T) {
	g := loggen.New(filterSeed, filterSecretFraction)
	var stream []byte
	var secrets []string
	for len(stream) < 4<<20 {
		var s string
		stream, s = g.AppendLine(stream)
		if s != "" {
			secrets = append(secrets, s)
		}
	}
	lines := bytes.Count(stream, []byte{'\n'})
	frac := float64(len(secrets)) / float64(lines)
	if frac < 0.007 || frac > 0.013 {
		t.Fatalf("%d of %d lines hold a secret (%.4f), want about 1%%", len(secrets), lines, frac)
	}
	f, err := filter.New(redact.MustNew(), &filter.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := f.Run(&out, bytes.NewReader(stream)); err != nil {
		t.Fatal(err)
	}
	if got := bytes.Count(out.Bytes(), []byte{'\n'}); got != lines {
		t.Fatalf("output has %d lines, input %d", got, lines)
	}
	for _, s := range secrets {
		if bytes.Contains(out.Bytes(), []byte(s)) {
			t.Fatalf("a planted secret survived")
		}
	}
}
