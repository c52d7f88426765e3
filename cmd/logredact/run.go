package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"

	"github.com/logredact/logredact/internal/filter"
	"github.com/logredact/logredact/redact"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // reading or writing failed
	exitUsage   = 2 // bad flag, argument or configuration
	exitFound   = 3 // --check: something was redacted
)

// hmacKeyEnv names the environment variable holding the HMAC key: never a
// flag, because the command line of a process is visible to every user.
const hmacKeyEnv = "LOGREDACT_HMAC_KEY"

const usageText = `Usage: logredact [flags] [FILE...]
       logredact scan [flags] PATH...

Copies log lines from the files, or from standard input, to standard output
with secrets redacted. Each line is redacted by its format: a JSON object
key-aware (values of sensitive keys such as "password" or "apiKey" are
replaced whole, every other string is scanned), a logfmt line (k=v k2="v 2")
likewise, any other line as text. Lines with nothing to redact are written
byte for byte. gzip input is decompressed and UTF-16 with a byte order mark
decoded to UTF-8; zstd is not supported.

'logredact scan' is the CI gate: it reports where secrets are, never what
they are, and exits with status 3 when it finds any ('logredact scan -h').

Examples:
  tail -f /var/log/app.log | logredact
  kubectl logs -f deploy/api | logredact --replace label
  journalctl -o json -f | logredact --keys session_id,x-internal-auth
  logredact --check --stats build.log >/dev/null   # exit status 3 if secrets
  logredact -o clean.log app.log                   # write the redacted copy
  logredact --diff app.log                         # what would change, masked
  logredact --in-place app.log app.log.1           # rewrite atomically
  logredact scan --report sarif -o logredact.sarif logs/
  LOGREDACT_HMAC_KEY=$(cat /run/secrets/hmac) logredact --replace hmac < app.log
  logredact --no-builtins --config gitleaks.toml --list-patterns
  logredact --demo                                  # before/after on sample lines
`

const usageTail = `
Replacement modes (--replace):
  mask     [REDACTED]
  label    [REDACTED:rule-id]
  partial  keep a public prefix such as ghp_, mask the rest
  hmac     [REDACTED:hmac:1a2b3c4d], the same for the same secret; the key
           (at least 16 bytes) is read from $LOGREDACT_HMAC_KEY, never argv

Memory: peak RSS stays near 4 × --max-line + 64 MiB whatever --workers is
(a soft limit of the Go heap; $GOMEMLIMIT, when set, replaces it): lines
longer than a batch are redacted one at a time, lines longer than
--max-line in windows of at most 1 MiB. A multi-line private key
(--pem-lines) is masked line by line as it streams: no line is held back.

Exit status: 0 success; 1 read or write error (what was read is written
first), or input --check could not read as text; 2 bad flag or
configuration; 3 with --check or --diff when anything was (or would be)
redacted. A closed output pipe (| head) ends the run quietly.
`

const scanUsageText = `Usage: logredact scan [flags] PATH...

Reports the secrets the filter would redact in files, directories (walked
recursively in lexical order; .git directories and symbolic links are not
followed, binary files are skipped, and with --gitignore what .gitignore
files ignore) and standard input ("-", the default).
gzip is decompressed and UTF-16 with a byte order mark decoded; a zstd file,
an unreadable file or a binary file named on the command line is reported
as not passed. Reports name the path, line, column (in characters, from 1),
rule ID and description of each finding, never the secret.

Examples:
  logredact scan ci-logs/
  logredact scan --report json build.log.gz
  logredact scan --report sarif -o logredact.sarif logs/
  logredact scan --no-builtins --config gitleaks.toml logs/
`

const scanUsageTail = `
Exit status: 3 when anything was found; otherwise 1 when an input was not
passed (not readable, binary when named, zstd); 2 for a bad flag or
configuration; 0 when everything was scanned and nothing found.
`

// config is the parsed command line.
type config struct {
	format          filter.Format
	workers         int
	maxLine         int
	pemLines        int
	configFile      string
	strict          bool
	skipUnsupported bool
	replace         string
	keys            string
	noBuiltins      bool
	listPatterns    bool
	stats           bool
	check           bool
	version         bool
	demo            bool
	output          string // -o: the redacted copy, or scan's report
	inPlace         bool
	diff            bool
	report          string // scan: text, json or sarif
	gitignore       bool   // scan: skip what .gitignore files ignore
	files           []string
	wantHelp        bool
}

// Bounds of --workers: the filter runs at most this many goroutines.
const maxWorkers = 256

// sizeFlag is a byte count written as 1048576, 64KiB, 64MiB, 1GiB (or with
// K, M, G suffixes, also binary).
type sizeFlag struct{ n *int }

func (s sizeFlag) String() string {
	if s.n == nil {
		return ""
	}
	n := *s.n
	switch {
	case n > 0 && n%(1<<30) == 0:
		return strconv.Itoa(n>>30) + "GiB"
	case n > 0 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + "MiB"
	case n > 0 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + "KiB"
	}
	return strconv.Itoa(n)
}

func (s sizeFlag) Set(v string) error {
	t := strings.TrimSuffix(strings.TrimSuffix(strings.ToUpper(strings.TrimSpace(v)), "B"), "I")
	mult := 1
	switch {
	case strings.HasSuffix(t, "K"):
		mult = 1 << 10
	case strings.HasSuffix(t, "M"):
		mult = 1 << 20
	case strings.HasSuffix(t, "G"):
		mult = 1 << 30
	}
	if mult > 1 {
		t = t[:len(t)-1]
	}
	n, err := strconv.Atoi(t)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return errors.New("want a positive size such as 65536, 64KiB or 64MiB")
	}
	*s.n = n * mult
	return nil
}

type formatFlag struct{ f *filter.Format }

func (v formatFlag) String() string {
	if v.f == nil {
		return ""
	}
	return v.f.String()
}

func (v formatFlag) Set(s string) error {
	f, err := filter.ParseFormat(s)
	if err != nil {
		return err
	}
	*v.f = f
	return nil
}

// inputFlags, ruleFlags: the flags the filter and scan share.
func inputFlags(fs *flag.FlagSet, c *config) {
	fs.Var(formatFlag{&c.format}, "format", "line `FORMAT`: auto, json, logfmt or text")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), fmt.Sprintf("redact batches of lines on `N` goroutines, from 1 to %d (output order is kept)", maxWorkers))
	fs.Var(sizeFlag{&c.maxLine}, "max-line", "lines longer than `SIZE`, from 1KiB to 1TiB (65536, 64KiB, 64MiB…), are redacted as text in windows overlapping by 64KiB (less for small sizes), in bounded memory")
	fs.IntVar(&c.pemLines, "pem-lines", filter.DefaultPEMLines, "after a line holding \"-----BEGIN … PRIVATE KEY-----\", mask the base64 body of up to `N` lines until the END line (lines may carry the log's prefix); 0 turns it off")
}

func ruleFlags(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.configFile, "config", "", "load rules from `FILE` (gitleaks TOML schema plus a [logredact] table); every problem in it is an error, listed with its line")
	fs.BoolVar(&c.skipUnsupported, "skip-unsupported-rules", false, "with --config, skip rules and allowlist regexes that use what Go's RE2 lacks (lookaround, backreferences), with a warning, instead of failing")
	fs.BoolVar(&c.strict, "strict", false, "with --config, make every warning about the file an error")
	fs.BoolVar(&c.noBuiltins, "no-builtins", false, "drop the built-in patterns (sensitive keys still apply)")
	fs.StringVar(&c.keys, "keys", "", "extra sensitive key `NAMES`, comma-separated: their values are replaced whole in JSON and logfmt lines")
	fs.BoolVar(&c.listPatterns, "list-patterns", false, "print the ID and description of every active pattern and exit")
}

// Help groups, in the order shown.
var (
	filterGroups = []flagGroup{
		{"Input", []string{"format", "max-line", "pem-lines", "workers"}},
		{"Output", []string{"output", "in-place", "diff", "replace"}},
		{"Rules", []string{"config", "skip-unsupported-rules", "strict", "no-builtins", "keys", "list-patterns"}},
		{"Reports", []string{"check", "stats"}},
		{"Other", []string{"demo", "version", "help"}},
	}
	scanGroups = []flagGroup{
		{"Input", []string{"gitignore", "format", "max-line", "pem-lines", "workers"}},
		{"Rules", []string{"config", "skip-unsupported-rules", "strict", "no-builtins", "keys"}},
		{"Reports", []string{"report", "output", "help"}},
	}
)

// parseArgs parses the filter's args; flags and file names may be
// interleaved, and "--" ends the flags. A nil config with a zero status
// means help was printed.
func parseArgs(args []string, stdout, stderr io.Writer) (*config, int) {
	c := &config{maxLine: filter.DefaultMaxLine, pemLines: filter.DefaultPEMLines}
	fs := flag.NewFlagSet("logredact", flag.ContinueOnError)
	inputFlags(fs, c)
	ruleFlags(fs, c)
	fs.StringVar(&c.output, "output", "", "write the redacted text to `OUT` instead of standard output, atomically (a temporary file beside it, renamed when complete)")
	fs.StringVar(&c.output, "o", "", "short for --output")
	fs.BoolVar(&c.inPlace, "in-place", false, "rewrite each FILE with its secrets redacted, atomically, keeping its mode; a file with nothing to redact is not touched")
	fs.BoolVar(&c.diff, "diff", false, "print the lines that would change instead of the output, the secret masked on both sides (coloured on a terminal unless $NO_COLOR is set); exit status 3 if any")
	fs.StringVar(&c.replace, "replace", "", "replacement `MODE`: mask (the default), label, partial or hmac (see below)")
	fs.BoolVar(&c.stats, "stats", false, "print per-rule redaction counts to standard error at exit")
	fs.BoolVar(&c.check, "check", false, "exit with status 3 when anything was redacted; input that cannot be read as text (binary, zstd) fails with status 1")
	fs.BoolVar(&c.version, "version", false, "print the version and exit")
	fs.BoolVar(&c.demo, "demo", false, "show a before/after on realistic log lines generated now, and exit")
	if done, code := parseCommand(fs, c, args, stdout, stderr, helpText{"logredact", usageText, filterGroups, usageTail}); done {
		return nil, code
	}
	modes := 0
	for _, on := range []bool{c.output != "", c.inPlace, c.diff} {
		if on {
			modes++
		}
	}
	switch {
	case modes > 1:
		fmt.Fprintln(stderr, "logredact: use one of -o/--output, --in-place and --diff")
		return nil, exitUsage
	case c.inPlace && (len(c.files) == 0 || slices.Contains(c.files, "-")):
		fmt.Fprintln(stderr, "logredact: --in-place needs FILE arguments (standard input cannot be rewritten)")
		return nil, exitUsage
	}
	return c, exitOK
}

// helpText is the help of one command: its name, the text before the
// flags, their groups and the text after.
type helpText struct {
	cmd, head string
	groups    []flagGroup
	tail      string
}

// parseCommand parses args into fs and c, prints the help when asked and
// checks the flags that parsed. done says the caller should stop with code.
func parseCommand(fs *flag.FlagSet, c *config, args []string, stdout, stderr io.Writer, h helpText) (done bool, code int) {
	fs.Bool("help", false, "print this help (-h)")
	if !parseInterleaved(fs, c, args, stderr, h.cmd) {
		return true, exitUsage
	}
	if c.help(fs) {
		fmt.Fprint(stdout, h.head)
		printFlags(stdout, fs, h.groups)
		fmt.Fprint(stdout, h.tail)
		return true, exitOK
	}
	if msg := c.check1(); msg != "" {
		fmt.Fprintf(stderr, "logredact: %s\n", msg)
		return true, exitUsage
	}
	return false, exitOK
}

// help reports whether -h, -help or --help was given.
func (c *config) help(fs *flag.FlagSet) bool {
	f := fs.Lookup("help")
	return c.wantHelp || (f != nil && f.Value.String() == "true")
}

// check1 reports the first problem of flags that parsed but do not fit.
func (c *config) check1() string {
	switch {
	case c.workers < 1 || c.workers > maxWorkers:
		return fmt.Sprintf("--workers must be from 1 to %d", maxWorkers)
	case c.maxLine < filter.MinMaxLine:
		return "--max-line must be at least 1KiB (and at most 1TiB)"
	case c.pemLines < 0:
		return "--pem-lines must be at least 0 (0 turns it off)"
	case c.configFile == "" && c.strict:
		return "--strict applies to a rules file: give --config FILE"
	case c.configFile == "" && c.skipUnsupported:
		return "--skip-unsupported-rules applies to a rules file: give --config FILE"
	case c.strict && c.skipUnsupported:
		return "--strict and --skip-unsupported-rules contradict each other: --strict makes the skip warnings errors"
	}
	return ""
}

// parseInterleaved parses args into fs, collecting non-flag arguments as
// files; "--" ends the flags. It reports errors itself.
func parseInterleaved(fs *flag.FlagSet, c *config, args []string, stderr io.Writer, cmd string) bool {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			c.wantHelp = true
			return true
		}
		if err != nil {
			flagError(stderr, err, cmd)
			return false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return true
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			c.files = append(c.files, rest...)
			return true
		}
		c.files = append(c.files, rest[0])
		args = rest[1:]
	}
}

// parseScanArgs parses the arguments of `logredact scan`.
func parseScanArgs(args []string, stdout, stderr io.Writer) (*config, int) {
	c := &config{maxLine: filter.DefaultMaxLine, pemLines: filter.DefaultPEMLines, report: "text"}
	fs := flag.NewFlagSet("logredact scan", flag.ContinueOnError)
	inputFlags(fs, c)
	ruleFlags(fs, c)
	fs.Var(reportFlag{&c.report}, "report", "report `FORMAT`: text (path:line:column: rule: description), json or sarif (SARIF 2.1.0, for code scanning)")
	fs.StringVar(&c.output, "output", "", "write the report to `FILE` instead of standard output")
	fs.BoolVar(&c.gitignore, "gitignore", false, "in directories, skip the files and directories their .gitignore files ignore (as git does, without global excludes); off by default, so everything is scanned")
	fs.StringVar(&c.output, "o", "", "short for --output")
	if done, code := parseCommand(fs, c, args, stdout, stderr, helpText{"logredact scan", scanUsageText, scanGroups, scanUsageTail}); done {
		return nil, code
	}
	if c.listPatterns {
		fmt.Fprintln(stderr, "logredact: --list-patterns is a flag of the filter: logredact --list-patterns")
		return nil, exitUsage
	}
	return c, exitOK
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "scan" {
		return runScan(args[1:], stdin, stdout, stderr)
	}
	c, code := parseArgs(args, stdout, stderr)
	if c == nil {
		return code
	}
	if c.version {
		fmt.Fprintln(stdout, versionString())
		return exitOK
	}

	counts := newCounters()
	r, err := buildRedactor(c, counts.observe, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "logredact: %v\n", err)
		return exitUsage
	}
	if c.listPatterns {
		listPatterns(stdout, r)
		return exitOK
	}
	pemLines := c.pemLines
	if pemLines == 0 {
		pemLines = -1 // off; the filter's zero means its default
	}
	f, err := filter.New(r, &filter.Options{
		Format: c.format, Workers: c.workers, MaxLine: c.maxLine,
		PEMLines: pemLines, Observe: counts.observe,
	})
	if err != nil {
		fmt.Fprintf(stderr, "logredact: %v\n", err)
		return exitUsage
	}
	if limitMemory {
		debug.SetGCPercent(startupGC)
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(memoryLimit(c.maxLine))
		}
	}
	if c.demo {
		if err := demo(stdout, f); err != nil && !isBrokenPipe(err) {
			fmt.Fprintf(stderr, "logredact: %v\n", err)
			return exitFailure
		}
		return exitOK
	}
	switch {
	case c.inPlace:
		return inPlace(c, f, stderr)
	case c.diff:
		return diffInputs(c, f, stdin, stdout, stderr)
	case c.output != "":
		return writeOutput(c, f, counts, stdin, stderr)
	}
	return filterInputs(c, f, counts, stdin, stdout, stderr)
}

// filterInputs is the default command: every input, in order, to out.
func filterInputs(c *config, f *filter.Filter, counts *counters, stdin io.Reader, out io.Writer, stderr io.Writer) int {
	code := exitOK
	var total filter.Stats
	inputs := c.files
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	for _, name := range inputs {
		st, err := filterOne(f, name, stdin, out, c.check)
		total.Bytes += st.Bytes
		total.Lines += st.Lines
		if err == nil {
			continue
		}
		var we *filter.WriteError
		if errors.As(err, &we) {
			if !isBrokenPipe(err) {
				fmt.Fprintf(stderr, "logredact: %v\n", err)
				code = exitFailure
			}
			break // nobody reads any more output
		}
		fmt.Fprintf(stderr, "logredact: %v\n", err)
		code = exitFailure
	}
	if c.stats {
		counts.print(stderr, total)
	}
	if c.check && counts.total() > 0 {
		if !c.stats {
			fmt.Fprintf(stderr, "logredact: %d secrets redacted\n", counts.total())
		}
		if code == exitOK {
			code = exitFound
		}
	}
	return code
}

// limitMemory is set by main: tests that call run in-process keep their own
// garbage collector settings. startupGC is the collector's setting main
// suspended while the redactor is built.
var (
	limitMemory bool
	startupGC   = 100
)

// memoryLimit is the soft limit of the Go heap (see runtime/debug's
// SetMemoryLimit) for a run with the given --max-line: 4 × max-line +
// 64 MiB. The filter's own buffers take about 2.25 × max-line (one line
// being read and its redaction; one such line at a time whatever
// --workers is) plus a few MiB of batches and windows; the rest is room for
// what the redactor allocates while rewriting a line. Without a limit the
// collector lets the heap grow to twice what is live, and a stream of big
// lines then peaks far higher. The limit is soft: a run that needs more
// still gets it, at the cost of more frequent collections.
func memoryLimit(maxLine int) int64 { return 4*int64(maxLine) + 64<<20 }

// filterOne runs f over the file name ("-" is stdin), decoded as
// decodeInput does. Under check, input that is not text (binary, zstd) is
// an error: the check cannot say it is clean.
func filterOne(f *filter.Filter, name string, stdin io.Reader, stdout io.Writer, check bool) (filter.Stats, error) {
	src := stdin
	label := "standard input"
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			return filter.Stats{}, err
		}
		defer fh.Close()
		src, label = fh, name
	}
	text, info, err := decodeInput(src, false)
	if err != nil {
		return filter.Stats{}, fmt.Errorf("%s: %w", label, err)
	}
	st, err := f.Run(stdout, text)
	var re *filter.ReadError
	if errors.As(err, &re) && name != "-" {
		err = fmt.Errorf("%s: %w", name, re.Err)
	}
	if err == nil && check && info.binary {
		// Known only once read: the output is written, but the check
		// cannot call binary input clean.
		err = fmt.Errorf("%s: binary input, not checked (logredact scan reports such files)", label)
	}
	return st, err
}

func isBrokenPipe(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, io.ErrClosedPipe)
}

// buildRedactor assembles the options in order of precedence: the HMAC key
// from the environment first (so a config file may select hmac mode), then
// the config file, then flags, which override both.
func buildRedactor(c *config, observe func(string), stderr io.Writer) (*redact.Redactor, error) {
	var opts []redact.Option
	key := os.Getenv(hmacKeyEnv)
	if key != "" {
		// WithHMACKey also selects hmac mode; reset the mode so that only
		// the config or --replace choose it.
		opts = append(opts, redact.WithHMACKey([]byte(key)), redact.WithMode(redact.Mask))
	}
	if c.configFile != "" {
		copts, err := loadConfig(c.configFile, c.strict, c.skipUnsupported, stderr)
		if err != nil {
			return nil, err
		}
		opts = append(opts, copts...)
	}
	if c.replace != "" {
		m, err := redact.ParseMode(c.replace)
		if err != nil {
			return nil, fmt.Errorf("--replace: unknown mode %q (want mask, label, partial or hmac)", c.replace)
		}
		if m == redact.HMAC && key == "" {
			return nil, fmt.Errorf("--replace hmac: set the key (at least 16 bytes) in $%s", hmacKeyEnv)
		}
		opts = append(opts, redact.WithMode(m))
	}
	if c.keys != "" {
		var ks []string
		for k := range strings.SplitSeq(c.keys, ",") {
			if k = strings.TrimSpace(k); k != "" {
				ks = append(ks, k)
			}
		}
		opts = append(opts, redact.WithSensitiveKeys(ks...))
	}
	if c.noBuiltins {
		opts = append(opts, redact.WithoutBuiltins())
	}
	opts = append(opts, redact.WithObserver(observe))
	r, err := redact.New(opts...)
	if err != nil && strings.Contains(err.Error(), "hmac") {
		if key == "" {
			err = fmt.Errorf("%w: set $%s to a key of at least 16 bytes", err, hmacKeyEnv)
		} else {
			err = fmt.Errorf("%w: $%s holds %d bytes", err, hmacKeyEnv, len(key))
		}
	}
	return r, err
}

// listPatterns prints the active patterns, marking those without keywords,
// which run on every line.
func listPatterns(w io.Writer, r *redact.Redactor) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDESCRIPTION")
	slow := 0
	for _, p := range r.Patterns() {
		desc := p.Description
		if len(p.Keywords) == 0 {
			desc += " [no keywords: runs on every line]"
			slow++
		}
		fmt.Fprintf(tw, "%s\t%s\n", p.ID, desc)
	}
	tw.Flush()
	if slow > 0 {
		fmt.Fprintf(w, "\n%d pattern(s) have no keywords: their regular expression runs on every line, which is much slower than a keyword-gated pattern.\n", slow)
	}
}

// versionString reports the module version and VCS revision the binary was
// built from.
func versionString() string {
	v, rev, dirty := "(devel)", "", false
	goVersion := runtime.Version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		goVersion = bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	out := "logredact " + v
	if rev != "" {
		out += " (" + rev[:min(12, len(rev))]
		if dirty {
			out += ", modified"
		}
		out += ")"
	}
	return out + " " + goVersion
}
