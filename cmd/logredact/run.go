package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
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

const usageText = `Usage: logredact [flags] [file ...]

Copies log lines from the files, or from standard input, to standard output
with secrets redacted. Each line is redacted by its format: a JSON object
key-aware (values of sensitive keys such as "password" or "apiKey" are
replaced whole, every other string is scanned), a logfmt line (k=v k2="v 2")
likewise, any other line as text. Lines with nothing to redact are written
byte for byte.

Examples:
  tail -f /var/log/app.log | logredact
  kubectl logs -f deploy/api | logredact --replace label
  journalctl -o json -f | logredact --keys session_id,x-internal-auth
  logredact --check --stats build.log >/dev/null   # exit status 3 if secrets
  LOGREDACT_HMAC_KEY=$(cat /run/secrets/hmac) logredact --replace hmac < app.log
  logredact --config gitleaks.toml --list-patterns
  logredact --demo                                  # before/after on sample lines

Flags (one or two dashes, -stats or --stats; flags and files may mix):
`

const usageTail = `  -h, --help
    	print this help

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
first); 2 bad flag or configuration; 3 with --check when anything was
redacted. A closed output pipe (| head) ends the run quietly.
`

// config is the parsed command line.
type config struct {
	format       filter.Format
	workers      int
	maxLine      int
	pemLines     int
	configFile   string
	strict       bool
	replace      string
	keys         string
	noBuiltins   bool
	listPatterns bool
	stats        bool
	check        bool
	version      bool
	demo         bool
	files        []string
}

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

// parseArgs parses args; flags and file names may be interleaved, and "--"
// ends the flags. A nil config with a zero status means help was printed.
func parseArgs(args []string, stdout, stderr io.Writer) (*config, int) {
	c := &config{maxLine: filter.DefaultMaxLine, pemLines: filter.DefaultPEMLines}
	fs := flag.NewFlagSet("logredact", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Var(formatFlag{&c.format}, "format", "line format: `auto`, json, logfmt or text")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "redact batches of lines on `N` goroutines (output order is kept)")
	fs.Var(sizeFlag{&c.maxLine}, "max-line", "lines longer than `SIZE` (65536, 64KiB, 64MiB…) are redacted as text in windows overlapping by 64KiB (less for small sizes), in bounded memory")
	fs.IntVar(&c.pemLines, "pem-lines", filter.DefaultPEMLines, "after a line holding \"-----BEGIN … PRIVATE KEY-----\", mask the base64 body of up to `N` lines until the END line (lines may carry the log's prefix); 0 turns it off")
	fs.StringVar(&c.configFile, "config", "", "load custom rules from `FILE` (gitleaks TOML schema plus a [logredact] table)")
	fs.BoolVar(&c.strict, "strict", false, "with --config, fail on rules whose regex Go cannot compile instead of skipping them")
	fs.StringVar(&c.replace, "replace", "", "replacement `MODE`: mask (the default), label, partial or hmac")
	fs.StringVar(&c.keys, "keys", "", "extra sensitive key `names`, comma-separated: their values are replaced whole in JSON and logfmt lines")
	fs.BoolVar(&c.noBuiltins, "no-builtins", false, "drop the built-in patterns (sensitive keys still apply)")
	fs.BoolVar(&c.listPatterns, "list-patterns", false, "print the ID and description of every active pattern and exit")
	fs.BoolVar(&c.stats, "stats", false, "print per-rule redaction counts to standard error at exit")
	fs.BoolVar(&c.check, "check", false, "exit with status 3 when anything was redacted")
	fs.BoolVar(&c.version, "version", false, "print the version and exit")
	fs.BoolVar(&c.demo, "demo", false, "show a before/after on realistic log lines generated now, and exit")
	fs.Usage = func() {}
	helpRequested := false
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			helpRequested = true
			break
		}
		if err != nil {
			fmt.Fprintln(stderr, "Run 'logredact -h' for usage.")
			return nil, exitUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			c.files = append(c.files, rest...)
			break
		}
		c.files = append(c.files, rest[0])
		args = rest[1:]
	}
	if helpRequested {
		fmt.Fprint(stdout, usageText)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		fmt.Fprint(stdout, usageTail)
		return nil, exitOK
	}
	if c.workers < 1 {
		fmt.Fprintln(stderr, "logredact: --workers must be at least 1")
		return nil, exitUsage
	}
	if c.pemLines < 0 {
		fmt.Fprintln(stderr, "logredact: --pem-lines must be at least 0")
		return nil, exitUsage
	}
	return c, exitOK
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
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
	if limitMemory && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit(c.maxLine))
	}
	if c.demo {
		if err := demo(stdout, f); err != nil && !isBrokenPipe(err) {
			fmt.Fprintf(stderr, "logredact: %v\n", err)
			return exitFailure
		}
		return exitOK
	}

	code = exitOK
	var total filter.Stats
	inputs := c.files
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	for _, name := range inputs {
		st, err := filterOne(f, name, stdin, stdout)
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
// garbage collector settings.
var limitMemory bool

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

// filterOne runs f over the file name ("-" is stdin).
func filterOne(f *filter.Filter, name string, stdin io.Reader, stdout io.Writer) (filter.Stats, error) {
	src := stdin
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			return filter.Stats{}, err
		}
		defer fh.Close()
		src = fh
	}
	st, err := f.Run(stdout, src)
	var re *filter.ReadError
	if errors.As(err, &re) && name != "-" {
		err = fmt.Errorf("%s: %w", name, re.Err)
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
		copts, err := loadConfig(c.configFile, c.strict, stderr)
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
	if err != nil && key == "" && strings.Contains(err.Error(), "hmac") {
		err = fmt.Errorf("%w (the key is read from $%s)", err, hmacKeyEnv)
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
