// Command e2e measures the logredact command end to end, as a user runs
// it, against GNU sed and, when a gitleaks binary is at hand, gitleaks, and
// prints the figures with the ratios.
//
// Usage (from the repository root):
//
//	go run ./bench/cmd/e2e [-size 50] [-runs 5] [-starts 20] [-gitleaks path]
//
// What it does:
//
//   - Builds cmd/logredact into a temporary directory (or takes -logredact).
//   - Generates a stream of -size MiB with bench/loggen: JSON, logfmt and
//     text lines, 1% of them holding a secret, into a temporary file.
//   - Runs, -runs times interleaved (logredact, sed, gitleaks, logredact,
//     ...), each tool with the file as standard input and /dev/null as
//     output, pinned to one core with taskset -c 0 when taskset exists. It
//     prints each tool's median wall and CPU (user+sys) time, throughput
//     per wall and per CPU second, and logredact's throughput as a multiple
//     of the others'. On a shared machine the CPU figures vary less; the
//     ratios come from runs interleaved in one invocation, which is the
//     fairest comparison such a machine allows.
//   - Reports recall on the planted secrets for logredact and sed (gitleaks
//     reports findings instead of rewriting the stream).
//   - Measures process start: -starts executions of the built binary on one
//     short line, printing the median and minimum CPU time (user+sys) of a
//     run.
//
// sed is given two naive rules, the kind a team writes before adopting a
// tool: a case-insensitive "name=value" rule for a few key names and a rule
// for a few token prefixes. gitleaks runs as `gitleaks stdin` with its
// default configuration. A gitleaks binary is looked for in $PATH and in
// $(go env GOPATH)/bin; `go install github.com/zricethezav/gitleaks/v8@v8.30.1`
// provides one. Timings are reports, never pass/fail: the command exits 0
// unless a tool cannot be run.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/logredact/logredact/bench/loggen"
)

// sedRules are the naive rules GNU sed is given.
var sedRules = []string{
	`s/(password|passwd|pwd|secret|token|api[_-]?key)([=:] *"?)[^ ",&]+/\1\2[REDACTED]/Ig`,
	`s/(ghp_|gho_|github_pat_|xox[bp]-|AKIA|eyJ)[A-Za-z0-9_.-]+/[REDACTED]/g`,
}

// tool is one command measured.
type tool struct {
	name  string
	argv  []string
	input string // the file read; "" means the whole stream
	size  int    // its length
	runs  []sample
	out   string // the output of the first run, for recall; empty when not kept
	keep  bool
}

type sample struct{ wall, cpu time.Duration }

func main() {
	size := flag.Int("size", 50, "stream size in MiB")
	runs := flag.Int("runs", 5, "runs of each tool, interleaved")
	starts := flag.Int("starts", 20, "process-start runs of logredact on one short line")
	bin := flag.String("logredact", "", "logredact binary to measure (default: build ./cmd/logredact)")
	gitleaks := flag.String("gitleaks", "", "gitleaks binary (default: look in $PATH and $(go env GOPATH)/bin; \"none\" to skip)")
	gitleaksSize := flag.Int("gitleaks-size", 5, "MiB of the stream gitleaks scans (it is slow: its throughput is computed on this prefix)")
	core := flag.Int("core", 0, "core to pin every run to with taskset (-1: do not pin)")
	flag.Parse()

	dir, err := os.MkdirTemp("", "logredact-e2e-")
	check(err)
	defer os.RemoveAll(dir)

	if *bin == "" {
		*bin = filepath.Join(dir, "logredact")
		build := exec.Command("go", "build", "-o", *bin, "./cmd/logredact")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		check(build.Run())
	}

	// The stream and its planted secrets.
	g := loggen.New(20261127, 0.01)
	stream := make([]byte, 0, *size<<20+1024)
	var secrets []planted
	for line := 0; len(stream) < *size<<20; line++ {
		var s string
		stream, s = g.AppendLine(stream)
		if s != "" {
			secrets = append(secrets, planted{line, s})
		}
	}
	input := filepath.Join(dir, "stream.log")
	check(os.WriteFile(input, stream, 0o600))
	prefix := stream[:min(len(stream), *gitleaksSize<<20)]
	prefix = prefix[:bytes.LastIndexByte(prefix, '\n')+1]
	prefixFile := filepath.Join(dir, "prefix.log")
	check(os.WriteFile(prefixFile, prefix, 0o600))

	pin := func(argv ...string) []string {
		if *core < 0 {
			return argv
		}
		if _, err := exec.LookPath("taskset"); err != nil {
			return argv
		}
		return append([]string{"taskset", "-c", fmt.Sprint(*core)}, argv...)
	}
	tools := []*tool{
		{name: "logredact", argv: pin(*bin), keep: true},
		{name: "sed -E", argv: pin(append([]string{"sed", "-E"}, sedArgs()...)...), keep: true},
	}
	if gl := findGitleaks(*gitleaks); gl != "" {
		tools = append(tools, &tool{name: "gitleaks stdin", input: prefixFile, size: len(prefix), argv: pin(gl, "stdin", "--no-banner", "--log-level", "error", "--exit-code", "0", "--report-path", filepath.Join(dir, "gitleaks.json"))})
	}

	fmt.Printf("logredact end to end: %s, %s/%s, %d CPUs, Go %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	fmt.Printf("stream: %.1f MiB, %d lines, %d planted secrets; %d runs each, interleaved; pinned: %v\n\n",
		float64(len(stream))/(1<<20), bytes.Count(stream, []byte{'\n'}), len(secrets), *runs, tools[0].argv[0] == "taskset")
	for _, t := range tools {
		if t.input == "" {
			t.input, t.size = input, len(stream)
		}
	}
	for i := range *runs {
		for _, t := range tools {
			s, out := runOnce(t.argv, t.input, t.keep && i == 0)
			t.runs = append(t.runs, s)
			if out != "" {
				t.out = out
			}
		}
	}

	fmt.Println("| tool | input | median wall | median CPU | MB/s (wall) | MB/s (CPU) | logredact speed-up (wall) | logredact speed-up (CPU) | recall |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	lw, lc := rates(tools[0])
	for _, t := range tools {
		w, c := rates(t)
		mw, mc := medians(t.runs)
		rec := "–"
		if t.out != "" {
			rec = fmt.Sprintf("%.2f", recall(t.out, secrets))
		}
		fmt.Printf("| %s | %.1f MiB | %.3f s | %.3f s | %.1f | %.1f | %.2f× | %.2f× | %s |\n",
			t.name, float64(t.size)/(1<<20), mw.Seconds(), mc.Seconds(), w, c, lw/w, lc/c, rec)
	}

	// Process start: one short line.
	short := filepath.Join(dir, "short.log")
	check(os.WriteFile(short, []byte("hello\n"), 0o600))
	var cpus []time.Duration
	for range *starts {
		s, _ := runOnce(pin(*bin), short, false)
		cpus = append(cpus, s.cpu)
	}
	slices.Sort(cpus)
	start := cpus[len(cpus)/2]
	fmt.Printf("\nprocess start (`logredact` on one short line, %d runs): CPU user+sys median %.1f ms, min %.1f ms\n",
		*starts, ms(start), ms(cpus[0]))
	if _, c := medians(tools[0].runs); c > start {
		fmt.Printf("logredact net of process start: %.0f MB/s (CPU)\n", float64(len(stream))/1e6/(c-start).Seconds())
	}
}

// rates returns t's median throughput in MB per wall second and per CPU
// second.
func rates(t *tool) (wall, cpu float64) {
	w, c := medians(t.runs)
	mb := float64(t.size) / 1e6
	return mb / w.Seconds(), mb / c.Seconds()
}

func sedArgs() []string {
	var a []string
	for _, r := range sedRules {
		a = append(a, "-e", r)
	}
	return a
}

// findGitleaks returns the gitleaks binary to run, or "".
func findGitleaks(flagValue string) string {
	switch flagValue {
	case "none":
		return ""
	case "":
	default:
		return flagValue
	}
	if p, err := exec.LookPath("gitleaks"); err == nil {
		return p
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		p := filepath.Join(strings.TrimSpace(string(out)), "bin", "gitleaks")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// runOnce runs argv with the file input as standard input and returns its
// wall and CPU time, and its output when keep is set (else it goes to
// /dev/null).
func runOnce(argv []string, input string, keep bool) (sample, string) {
	in, err := os.Open(input)
	check(err)
	defer in.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin = in
	var out bytes.Buffer
	if keep {
		cmd.Stdout = &out
	} else {
		devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		check(err)
		defer devnull.Close()
		cmd.Stdout = devnull
	}
	cmd.Stderr = os.Stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %s: %v\n", strings.Join(argv, " "), err)
		os.Exit(1)
	}
	st := cmd.ProcessState
	return sample{wall: wall, cpu: st.UserTime() + st.SystemTime()}, out.String()
}

func medians(s []sample) (wall, cpu time.Duration) {
	w := make([]time.Duration, len(s))
	c := make([]time.Duration, len(s))
	for i, x := range s {
		w[i], c[i] = x.wall, x.cpu
	}
	slices.Sort(w)
	slices.Sort(c)
	return w[len(w)/2], c[len(c)/2]
}

// planted is a secret and the line, counted from 0, that holds it.
type planted struct {
	line   int
	secret string
}

// recall returns the fraction of the planted secrets absent from their
// line of out (both tools keep the lines of their input).
func recall(out string, secrets []planted) float64 {
	if len(secrets) == 0 {
		return 1
	}
	gone, line := 0, 0
	for _, p := range secrets {
		for line < p.line {
			i := strings.IndexByte(out, '\n')
			if i < 0 {
				out = ""
				break
			}
			out, line = out[i+1:], line+1
		}
		text := out
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			text = text[:i]
		}
		if !strings.Contains(text, p.secret) {
			gone++
		}
	}
	return float64(gone) / float64(len(secrets))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
}
