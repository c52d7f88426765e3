package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/logredact/logredact/internal/filter"
	"github.com/logredact/logredact/redact"
)

// A finding is one secret the filter would redact. It holds where and
// which rule, never the secret: reports are written to CI logs and code
// scanning services.
type finding struct {
	Path        string `json:"path"`
	Line        int    `json:"line"`
	Column      int    `json:"column"`              // 1-based, in characters of the decoded text
	EndColumn   int    `json:"endColumn,omitempty"` // exclusive; 0 when not known
	Rule        string `json:"rule"`
	Description string `json:"description"`
}

// A notice is an input that was not scanned: skipped (binary files met in
// a directory) or not passed (unreadable, binary when named, zstd).
type notice struct {
	Path    string `json:"path"`
	Reason  string `json:"reason"`
	Skipped bool   `json:"skipped"` // false: not passed, the exit status says so
}

// scanResult is what a scan found, in the order of the inputs.
type scanResult struct {
	Findings []finding `json:"findings"`
	Notices  []notice  `json:"notices"`
	Files    int       `json:"files"` // inputs scanned
}

// pemRule is the rule the filter reports for the body of a multi-line
// private key, which only it masks (see internal/filter).
const pemRule = "private-key"

// scanner finds what the filter would redact in each input.
type scanner struct {
	f *filter.Filter
	r *redact.Redactor
	// fa redacts with ra, whose observer records the rules that changed
	// one line: that names the rule of a change Find cannot place, such as
	// a value masked because of its JSON key.
	fa    *filter.Filter
	rules []string
	desc  map[string]string
	tmp   string // directory for the scan's temporary files
	res   scanResult
	// gitignore: skip what .gitignore files in walked directories ignore;
	// ignored counts what was skipped so.
	gitignore bool
	ignored   int
}

func newScanner(c *config, stderr io.Writer) (*scanner, error) {
	s := &scanner{}
	r, err := buildRedactor(c, nil, stderr)
	if err != nil {
		return nil, err
	}
	ra, err := buildRedactor(c, func(rule string) { s.rules = append(s.rules, rule) }, io.Discard)
	if err != nil {
		return nil, err
	}
	pemLines := c.pemLines
	if pemLines == 0 {
		pemLines = -1
	}
	opts := &filter.Options{Format: c.format, Workers: c.workers, MaxLine: c.maxLine, PEMLines: pemLines}
	if s.f, err = filter.New(r, opts); err != nil {
		return nil, err
	}
	one := *opts
	one.Workers = 1
	if s.fa, err = filter.New(ra, &one); err != nil {
		return nil, err
	}
	s.r = r
	s.desc = map[string]string{redact.KeyRule: "Value of a sensitive key", pemRule: "Private key"}
	for _, p := range r.Patterns() {
		if p.Description != "" {
			s.desc[p.ID] = p.Description
		} else if _, ok := s.desc[p.ID]; !ok {
			s.desc[p.ID] = p.ID
		}
	}
	return s, nil
}

// scanPath scans a file, standard input ("-"), or every file under a
// directory, in lexical order. Symbolic links met in a directory and
// .git directories are not followed.
func (s *scanner) scanPath(path string, stdin io.Reader) error {
	if path == "-" {
		return s.scanReader("-", stdin, false)
	}
	fi, err := os.Stat(path)
	if err != nil {
		s.notPassed(path, err)
		return nil
	}
	if !fi.IsDir() {
		return s.scanFile(path, false)
	}
	var ig ignoreRules
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			s.notPassed(p, err)
			return nil
		}
		if s.gitignore {
			rel, _ := filepath.Rel(path, p)
			if rel != "." && ig.ignored(rel, d.IsDir()) {
				s.ignored++
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				ig.load(p, rel)
			}
		}
		switch {
		case d.IsDir() && d.Name() == ".git" && p != path:
			return filepath.SkipDir
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			s.res.Notices = append(s.res.Notices, notice{Path: p, Reason: "symbolic link, not followed", Skipped: true})
			return nil
		case !d.Type().IsRegular():
			return nil
		}
		return s.scanFile(p, true)
	})
}

func (s *scanner) scanFile(path string, walked bool) error {
	fh, err := os.Open(path)
	if err != nil {
		s.notPassed(path, err)
		return nil
	}
	defer fh.Close()
	return s.scanReader(path, fh, walked)
}

func (s *scanner) notPassed(path string, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	s.res.Notices = append(s.res.Notices, notice{Path: path, Reason: err.Error()})
}

// scanReader scans one input. A binary input met in a directory is
// skipped; one named on the command line is not passed.
func (s *scanner) scanReader(path string, src io.Reader, walked bool) error {
	text, info, err := decodeInput(src, true)
	if err != nil {
		s.notPassed(path, err)
		return nil
	}
	if info.binary {
		s.res.Notices = append(s.res.Notices, notice{Path: path, Reason: "binary file, not scanned", Skipped: walked})
		return nil
	}
	orig, err := os.CreateTemp(s.tmp, "scan-in-*")
	if err != nil {
		return err
	}
	defer os.Remove(orig.Name())
	defer orig.Close()
	out, err := os.CreateTemp(s.tmp, "scan-out-*")
	if err != nil {
		return err
	}
	defer os.Remove(out.Name())
	defer out.Close()

	if _, err := filterToFile(s.f, text, out, orig); err != nil {
		var re *filter.ReadError
		if errors.As(err, &re) {
			s.notPassed(path, re.Err)
			return nil
		}
		return err
	}
	s.res.Files++
	_, err = eachChange(orig, out, func(n int, in, red []byte) error {
		s.locate(path, n, in, red)
		return nil
	})
	return err
}

// locate adds the findings of line n, which the filter changed from in to
// out. Find places what it reads as text; a change it does not explain (a
// value masked because of its key, the body of a multi-line private key)
// is placed at the first byte that differs and named by the rules the
// filter reports for the line.
func (s *scanner) locate(path string, n int, in, out []byte) {
	line := string(in)
	ms := s.r.Find(line)
	s.rules = s.rules[:0]
	s.fa.AppendLine(nil, in)
	left := slices.Clone(s.rules)
	for _, m := range ms {
		s.res.Findings = append(s.res.Findings, finding{
			Path: path, Line: n,
			Column:    utf8.RuneCountInString(line[:m.Start]) + 1,
			EndColumn: utf8.RuneCountInString(line[:m.End]) + 1,
			Rule:      m.Rule, Description: s.desc[m.Rule],
		})
		if i := slices.Index(left, m.Rule); i >= 0 {
			left = slices.Delete(left, i, i+1)
		}
	}
	if len(ms) > 0 && len(left) == 0 {
		return
	}
	if len(left) == 0 {
		left = []string{pemRule} // only the filter's private-key state changes such a line
	}
	d := 0
	for d < len(in) && d < len(out) && in[d] == out[d] {
		d++
	}
	col := utf8.RuneCount(in[:d]) + 1
	for _, m := range ms {
		if m.Start <= d && d < m.End {
			return // the same value, read as text and by its key: one finding
		}
	}
	slices.Sort(left)
	for _, rule := range slices.Compact(left) {
		s.res.Findings = append(s.res.Findings, finding{Path: path, Line: n, Column: col, Rule: rule, Description: s.desc[rule]})
	}
}

// runScan is `logredact scan`: see scanUsage.
func runScan(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, code := parseScanArgs(args, stdout, stderr)
	if c == nil {
		return code
	}
	s, err := newScanner(c, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "logredact: %v\n", err)
		return exitUsage
	}
	tmp, err := os.MkdirTemp("", "logredact-scan-")
	if err != nil {
		fmt.Fprintf(stderr, "logredact: %v\n", err)
		return exitFailure
	}
	defer os.RemoveAll(tmp)
	s.tmp = tmp
	s.gitignore = c.gitignore
	paths := c.files
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	for _, p := range paths {
		if err := s.scanPath(p, stdin); err != nil {
			fmt.Fprintf(stderr, "logredact: %v\n", err)
			return exitFailure
		}
	}

	w := stdout
	var out *os.File
	if c.output != "" {
		out, err = os.Create(c.output)
		if err != nil {
			fmt.Fprintf(stderr, "logredact: %v\n", err)
			return exitFailure
		}
		w = out
	}
	werr := writeReport(w, c.report, &s.res)
	if out != nil {
		if cerr := out.Close(); werr == nil {
			werr = cerr
		}
	}
	if werr != nil && !isBrokenPipe(werr) {
		fmt.Fprintf(stderr, "logredact: %v\n", werr)
		return exitFailure
	}
	return s.summary(stderr)
}

// summary prints the notices and totals to stderr and returns the exit
// status: 3 when anything was found, else 1 when an input was not passed.
func (s *scanner) summary(stderr io.Writer) int {
	failed := 0
	for _, n := range s.res.Notices {
		kind := "not scanned"
		if !n.Skipped {
			failed++
			kind = "error"
		}
		fmt.Fprintf(stderr, "logredact: %s: %s: %s\n", kind, n.Path, n.Reason)
	}
	files := map[string]bool{}
	for _, f := range s.res.Findings {
		files[f.Path] = true
	}
	fmt.Fprintf(stderr, "logredact: %d %s in %d of %d files scanned", len(s.res.Findings), plural(len(s.res.Findings), "finding", "findings"), len(files), s.res.Files)
	if failed > 0 {
		fmt.Fprintf(stderr, "; %d %s not passed", failed, plural(failed, "input", "inputs"))
	}
	if s.ignored > 0 {
		fmt.Fprintf(stderr, "; %d %s ignored by .gitignore", s.ignored, plural(s.ignored, "path", "paths"))
	}
	fmt.Fprintln(stderr)
	switch {
	case len(s.res.Findings) > 0:
		return exitFound
	case failed > 0:
		return exitFailure
	}
	return exitOK
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// reportFormats are the values of --report.
var reportFormats = []string{"text", "json", "sarif"}

type reportFlag struct{ v *string }

func (r reportFlag) String() string {
	if r.v == nil {
		return ""
	}
	return *r.v
}

func (r reportFlag) Set(v string) error {
	if !slices.Contains(reportFormats, v) {
		return fmt.Errorf("want %s", strings.Join(reportFormats, ", "))
	}
	*r.v = v
	return nil
}
