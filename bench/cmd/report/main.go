// Command report runs logredact's logger benchmark matrix and prints, per
// logger and scenario, the bare and wrapped figures side by side with the
// wrapped/bare ratio and whether it is within the overhead budget.
//
// Usage:
//
//	go run ./bench/cmd/report [-benchtime 1s] [-count 1] [-raw bench.txt] [-parallel]
//
// The raw `go test -bench` output is kept (with -raw) so it can be compared
// across runs with benchstat. Ratios come from one run: the bare and wrapped
// variants of a scenario run back to back, which is the fairest comparison a
// noisy machine allows. A figure over budget is marked, never hidden, and
// never fails the command: timings are reports, not tests.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// budgets are the overhead targets for clean records (wrapped/bare ns/op).
var budgets = map[string]float64{"Slog": 1.10, "Zap": 1.10, "Zerolog": 1.30, "Logrus": 1.10}

// zeroExtraAllocs lists loggers whose clean path must not allocate more
// than the bare logger.
var zeroExtraAllocs = map[string]bool{"Slog": true, "Zap": true, "Zerolog": true}

var (
	loggers   = []string{"Slog", "Zap", "Zerolog", "Logrus"}
	scenarios = []string{"disabled", "message", "fields", "context", "varied", "secrets"}
)

type result struct {
	nsPerOp     float64
	allocsPerOp float64
	bytesPerOp  float64
}

func main() {
	benchtime := flag.String("benchtime", "1s", "passed to go test -benchtime")
	count := flag.Int("count", 1, "passed to go test -count; the table uses the median")
	raw := flag.String("raw", "", "also write the raw benchmark output to this file (benchstat input)")
	parallel := flag.Bool("parallel", false, "also run the Benchmark<Logger>Parallel variants")
	pkg := flag.String("pkg", "./bench/", "package holding the benchmarks")
	flag.Parse()

	pattern := "^Benchmark(Slog|Zap|Zerolog|Logrus)$"
	if *parallel {
		pattern = "^Benchmark(Slog|Zap|Zerolog|Logrus)(Parallel)?$"
	}
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", pattern, "-benchmem",
		"-benchtime", *benchtime, "-count", strconv.Itoa(*count), *pkg)
	var out bytes.Buffer
	cmd.Stdout = io.MultiWriter(&out, os.Stderr)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "report: benchmarks failed:", err)
		os.Exit(1)
	}
	if *raw != "" {
		if err := os.WriteFile(*raw, out.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "report:", err)
			os.Exit(1)
		}
	}
	results := parse(&out)
	cpu := cpuName(out.String())
	fmt.Printf("\nMeasured %s, %s, %s, GOMAXPROCS=%d, benchtime=%s\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.Version(), cpu, runtime.GOMAXPROCS(0), *benchtime)
	suffixes := []string{""}
	if *parallel {
		suffixes = append(suffixes, "Parallel")
	}
	misses := 0
	fmt.Println("| logger | scenario | bare ns/op | wrapped ns/op | ratio | bare allocs | wrapped allocs | budget |")
	fmt.Println("|---|---|---:|---:|---:|---:|---:|---|")
	for _, suf := range suffixes {
		for _, lg := range loggers {
			for _, sc := range scenarios {
				name := "Benchmark" + lg + suf + "/" + sc
				bare, ok1 := results[name+"/bare"]
				wrapped, ok2 := results[name+"/wrapped"]
				if !ok1 || !ok2 {
					fmt.Printf("| %s%s | %s | – | – | – | – | – | missing |\n", lg, suffixLabel(suf), sc)
					continue
				}
				ratio := wrapped.nsPerOp / bare.nsPerOp
				verdict := "n/a (secrets are redacted)"
				if sc != "secrets" {
					verdict = "ok"
					var why []string
					if ratio > budgets[lg] {
						why = append(why, fmt.Sprintf("over %.2f×", budgets[lg]))
					}
					if zeroExtraAllocs[lg] && wrapped.allocsPerOp > bare.allocsPerOp {
						why = append(why, "extra allocs")
					}
					if len(why) > 0 {
						verdict = "MISS: " + strings.Join(why, ", ")
						misses++
					}
				}
				fmt.Printf("| %s%s | %s | %.0f | %.0f | %.2f× | %.0f | %.0f | %s |\n",
					lg, suffixLabel(suf), sc, bare.nsPerOp, wrapped.nsPerOp, ratio,
					bare.allocsPerOp, wrapped.allocsPerOp, verdict)
			}
		}
	}
	fmt.Printf("\nBudgets (clean records): slog, zap and logrus ≤ 1.10×, zerolog ≤ 1.30×; 0 extra allocs for slog, zap, zerolog. %d miss(es).\n", misses)
}

func suffixLabel(s string) string {
	if s == "" {
		return ""
	}
	return " (parallel)"
}

// parse reads `go test -bench` output and returns the median figures of
// every benchmark, keyed by name without the -GOMAXPROCS suffix.
func parse(r io.Reader) map[string]result {
	all := map[string][]result{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		var res result
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				res.nsPerOp = v
			case "allocs/op":
				res.allocsPerOp = v
			case "B/op":
				res.bytesPerOp = v
			}
		}
		all[name] = append(all[name], res)
	}
	med := make(map[string]result, len(all))
	for k, rs := range all {
		sort.Slice(rs, func(i, j int) bool { return rs[i].nsPerOp < rs[j].nsPerOp })
		med[k] = rs[len(rs)/2]
	}
	return med
}

func cpuName(out string) string {
	for _, line := range strings.Split(out, "\n") {
		if after, ok := strings.CutPrefix(line, "cpu: "); ok {
			return strings.TrimSpace(after)
		}
	}
	return runtime.GOARCH
}
