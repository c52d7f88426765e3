package redact

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/logredact/logredact/patterns"
)

// ConfigOptions tunes [LoadConfig] and [ParseConfig]. A nil *ConfigOptions
// means the zero value: every problem that would change what is redacted
// is an error, and warnings are discarded.
type ConfigOptions struct {
	// SkipUnsupported turns the errors for regular expressions that are
	// valid in other engines but not in Go's RE2 (lookaround,
	// backreferences, possessive quantifiers, atomic groups) into
	// warnings: such a rule is skipped, such an allowlist regex ignored.
	// It is for users who accept that those rules do not run; a regex
	// that is wrong in every engine (a missing ')') stays an error.
	SkipUnsupported bool

	// Strict makes every warning an error, SkipUnsupported's included,
	// for files written for logredact, where nothing should be ignored.
	Strict bool

	// Warn receives one message per problem that does not stop loading
	// (a skipped rule, an ignored setting), in file order, after the file
	// has been read. Messages start with the file name and line, like
	// errors. A nil Warn discards them.
	Warn func(msg string)
}

// maxConfigSize bounds what ParseConfig reads; real rule files are a few
// hundred kilobytes.
const maxConfigSize = 16 << 20

// LoadConfig reads the rules file at path and returns the options it
// describes, as [ParseConfig] does; messages name the file by path.
func LoadConfig(path string, opts *ConfigOptions) ([]Option, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseConfig(f, path, opts)
}

// ParseConfig reads a rules file in TOML from r and returns the options it
// describes, to be passed to [New], alone or followed by more options (a
// later option overrides an earlier one, as always with New). name
// identifies the file in messages, usually its path.
//
// The file uses gitleaks' configuration schema, so an existing gitleaks
// file loads unchanged, plus an optional [logredact] table for settings of
// this package:
//
//	title = "my rules"                   # accepted, ignored
//	minVersion = "v8.25.0"               # gitleaks version, checked
//
//	[extend]
//	useDefault = true                    # keep the built-in patterns
//	disabledRules = ["github-pat"]       # built-in IDs to drop
//
//	[[rules]]
//	id = "acme-token"                    # kebab-case, unique
//	description = "ACME API token"
//	regex = '''\b(acme_[0-9a-z]{32})\b''' # Go RE2 syntax
//	secretGroup = 1                      # which group is the secret
//	entropy = 3.5                        # minimum bits per byte
//	keywords = ["acme_"]                 # prefilter, case-insensitive
//	[[rules.allowlists]]
//	regexes = ['''^acme_0+$''']          # secrets that are not secrets
//	stopwords = ["example"]
//
//	[allowlist]                          # applies to every pattern
//	regexes = ['''^\$\{[A-Z_]+\}$''']
//
//	[logredact]
//	mode = "label"                       # mask, label, partial or hmac
//	mask = "***"
//	label_format = "<%s>"
//	sensitive_keys = ["x-acme-session"]
//	remove_sensitive_keys = ["session"]
//	disable = ["jwt"]                    # built-in IDs to drop
//	builtins = true                      # see below
//
// The rules ParseConfig follows:
//
//   - Each [[rules]] entry becomes a pattern (see [patterns.Pattern]) with
//     the same ID, regex, secretGroup, entropy and keywords. Pattern IDs
//     are kebab-case (a-z, 0-9 and single '-'), as gitleaks' default rule
//     IDs are since v8.19; any other ID (v8.18 has "age secret key") is
//     renamed to its kebab-case form with a warning, and disabledRules and
//     targetRules know the rule by either name. IDs must be unique within
//     the file. When the built-ins are kept, a rule
//     with the ID of a built-in pattern replaces it, as a gitleaks file
//     extending the default configuration would, with a warning unless
//     the built-in is also listed in [extend] disabledRules. A rule that is
//     skipped (its regex does not compile) leaves the built-in in place.
//   - A file is honoured whole or not loaded. A regex Go's RE2 rejects,
//     of a rule or an allowlist, is an error naming the construct at
//     fault. With SkipUnsupported, constructs other engines accept
//     (lookaround, backreferences, atomic groups, possessive quantifiers)
//     are warnings instead: the rule is skipped, the allow regex ignored;
//     a plain mistake (a missing ')') stays an error. A rule that has only
//     a path, no regex, is skipped with a warning. Any other problem with
//     a rule is an error naming the rule and its line; every check runs on
//     every rule, so all the problems of a rule are reported together.
//   - Without secretGroup, gitleaks takes the first non-empty capturing
//     group of each match. A pattern needs one fixed group, so when the
//     regex has exactly one capturing group that takes part in every match
//     that group is the secret, and otherwise the whole match is: that may
//     redact more than gitleaks would report, never less.
//   - keywords gate a rule: its regex runs only near an occurrence of one
//     of them, so every match should contain one. A rule without keywords
//     is allowed, but its regex runs over every string logged, which costs
//     far more than the keyword scan that lets other strings through
//     untouched.
//   - Allowlists hold regexes and stopwords. A stopword allows a secret
//     containing it, ignoring case. Allowlist regexes are tested against
//     the secret (regexTarget "secret", the default), the whole match of
//     the rule's regex ("match") or the line that holds the match
//     ("line"; in a string of several lines, the lines the match spans).
//     A global allowlist with target "match" or "line" applies to the
//     rules its targetRules name; without targetRules its regexes are
//     ignored with a warning, which keeps those secrets redacted. With condition "OR" (the default)
//     any regex or stopword allows a secret. With condition "AND" every
//     kind of check listed must hold; an AND allowlist that also lists
//     paths or commits never holds for a log line, and one that combines
//     regexes with stopwords cannot be expressed, so both are dropped with
//     a warning. A regex or stopword that is empty would allow every
//     secret and is an error.
//   - [rules.allowlist] (gitleaks' older single table) is read like one
//     [[rules.allowlists]] entry; a rule may not use both forms. The global
//     [allowlist] table, or the newer [[allowlists]] array (not both),
//     applies to every pattern, built-in ones included (see [WithAllow]);
//     an entry with targetRules applies only to the rules of this file it
//     names.
//   - Whether the built-in patterns stay active is decided by the first
//     of these that is set: [logredact] builtins, then [extend] useDefault.
//     When neither is set, a file with a [logredact] table keeps them
//     (this package's default) and a file without one replaces them, as a
//     gitleaks file without [extend] is a complete rule set.
//   - [extend] disabledRules drops the built-ins it names. gitleaks and
//     this package name their rules differently, so an ID that is not a
//     built-in is only a warning. [logredact] disable drops built-ins too,
//     but an unknown ID there is an error, as with [WithoutPatterns].
//   - What does not apply to log lines is accepted and ignored: title,
//     description, tags, path, the paths and commits of allowlists,
//     [[rules.required]] and skipReport (the rule then applies on its own,
//     which redacts more, never less). minVersion is checked as a version;
//     one newer than the gitleaks schema this loader knows is a warning.
//   - [extend] path names another rules file, read first (relative to the
//     directory of the file naming it, else to the working directory, where
//     gitleaks looks; at most 2 files deep, no cycles): its rules come
//     first, disabledRules drops some of them, and a rule with the ID of
//     one of them is merged into it as in gitleaks (regex, secretGroup,
//     entropy and description replace the base's when set; keywords and
//     allowlists are added; the regex may then be left out). Its global
//     allowlists and [logredact] settings apply, this file's after them,
//     and it decides whether the built-ins stay unless this file says.
//     Problems in it are reported with its name. Only [LoadConfig] and
//     [ParseConfig] with a name that is a path can find it. [extend] url
//     is an error: the rules it names would be missing, which fails open.
//   - mode "hmac" needs a key, which never belongs in the file: the caller
//     adds [WithHMACKey] after the returned options (the logredact command
//     reads it from the LOGREDACT_HMAC_KEY environment variable). Without
//     it [New] reports the missing key. A key in the file is an error.
//   - Any key not listed here, at any level, is an error, so a misspelt
//     name does not silently disable a rule. Key names match
//     case-insensitively when no exact match exists, as in gitleaks.
//   - Everything is checked before ParseConfig returns: the options it
//     returns are accepted by New (given an HMAC key where needed). All
//     problems are reported at once, each starting with name and a line
//     number (line:column for TOML syntax errors) and naming the rule.
//     Messages quote rule IDs, regexes, key names and setting values, but
//     never a value the schema does not know (an HMAC key, a misspelt key's
//     value), and a syntax error quotes at most one character of the file:
//     pointing --config at the wrong file, say a .env, does not print its
//     contents.
func ParseConfig(r io.Reader, name string, opts *ConfigOptions) ([]Option, error) {
	if opts == nil {
		opts = &ConfigOptions{}
	}
	if name == "" {
		name = "config"
	}
	data, err := io.ReadAll(io.LimitReader(r, maxConfigSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxConfigSize {
		return nil, fmt.Errorf("%s: larger than %d MiB", name, maxConfigSize>>20)
	}
	l := &loader{name: name, strict: opts.Strict, skipUnsupp: opts.SkipUnsupported}
	if abs, err := filepath.Abs(name); err == nil {
		l.chain = []string{abs}
	}
	out, err := l.load(string(data))
	if ferr := l.finish(opts.Warn); ferr != nil {
		return nil, ferr
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// The file's schema. Tags name keys as gitleaks writes them; the decoder
// falls back to case-insensitive matching, as gitleaks' (viper) does.
type (
	fileConfig struct {
		Title       string            `toml:"title"`
		MinVersion  string            `toml:"minVersion"`
		Description string            `toml:"description"`
		Extend      *fileExtend       `toml:"extend"`
		Rules       []toml.Primitive  `toml:"rules"`
		Allowlist   *fileGlobalAllow  `toml:"allowlist"`
		Allowlists  []fileGlobalAllow `toml:"allowlists"`
		Logredact   *fileSettings     `toml:"logredact"`
	}
	fileExtend struct {
		UseDefault    *bool    `toml:"useDefault"`
		Path          string   `toml:"path"`
		URL           string   `toml:"url"`
		DisabledRules []string `toml:"disabledRules"`
	}
	fileRule struct {
		ID          string         `toml:"id"`
		Description string         `toml:"description"`
		Regex       string         `toml:"regex"`
		SecretGroup int            `toml:"secretGroup"`
		Entropy     float64        `toml:"entropy"`
		Keywords    []string       `toml:"keywords"`
		Path        string         `toml:"path"`
		Tags        []string       `toml:"tags"`
		Allowlist   *fileAllow     `toml:"allowlist"`
		Allowlists  []fileAllow    `toml:"allowlists"`
		Required    []fileRequired `toml:"required"`
		SkipReport  bool           `toml:"skipReport"`
	}
	fileRequired struct {
		ID            string `toml:"id"`
		WithinLines   int    `toml:"withinLines"`
		WithinColumns int    `toml:"withinColumns"`
	}
	fileAllow struct {
		Description string   `toml:"description"`
		Condition   string   `toml:"condition"`
		RegexTarget string   `toml:"regexTarget"`
		Regexes     []string `toml:"regexes"`
		StopWords   []string `toml:"stopwords"`
		Paths       []string `toml:"paths"`
		Commits     []string `toml:"commits"`
	}
	fileGlobalAllow struct {
		fileAllow
		TargetRules []string `toml:"targetRules"`
	}
	fileSettings struct {
		Mode                string   `toml:"mode"`
		Mask                *string  `toml:"mask"`
		LabelFormat         *string  `toml:"label_format"`
		SensitiveKeys       []string `toml:"sensitive_keys"`
		RemoveSensitiveKeys []string `toml:"remove_sensitive_keys"`
		Disable             []string `toml:"disable"`
		Builtins            *bool    `toml:"builtins"`
	}
)

type loader struct {
	name        string
	depth       int      // 0: the file named; n: reached through n [extend] paths
	chain       []string // absolute paths of the files extending this one, for cycles
	extendName  string   // the file [extend] path named, once read
	strict      bool
	skipUnsupp  bool
	pos         *keyLines
	errs, warns []problem
	ruleID      []string     // index in [[rules]] -> ID, for messages
	failed      map[int]bool // [[rules]] entries that did not decode
}

// A problem is an error or a warning at a line (0: unknown) of a file, the
// one named or one it extends (depth > 0).
type problem struct {
	file  string
	depth int
	line  int
	msg   string
}

func (p problem) String() string {
	if p.file == "" {
		return p.msg // says where itself
	}
	if p.line > 0 {
		return p.file + ":" + strconv.Itoa(p.line) + ": " + p.msg
	}
	return p.file + ": " + p.msg
}

func (l *loader) errorf(line int, format string, args ...any) {
	l.errs = append(l.errs, problem{l.name, l.depth, line, fmt.Sprintf(format, args...)})
}

// warnf records a problem that does not change what is redacted for the
// worse; under Strict it is an error.
func (l *loader) warnf(line int, format string, args ...any) {
	if l.strict {
		l.errorf(line, format, args...)
		return
	}
	l.warns = append(l.warns, problem{l.name, l.depth, line, fmt.Sprintf(format, args...)})
}

// badRegex reports a regular expression Go rejects. One that other engines
// accept (see unsupportedRegex) is an error unless SkipUnsupported makes it
// a warning saying what is done instead; any other is always an error.
// It never quotes the regex whole: the cause quotes the fragment at fault.
func (l *loader) badRegex(line int, expr, what, instead string) {
	unsupp, cause := regexProblem(expr)
	if unsupp && l.skipUnsupp {
		l.warnf(line, "%s uses %s, which Go's RE2 does not support; %s", what, cause, instead)
		return
	}
	if unsupp {
		l.errorf(line, "%s uses %s, which Go's RE2 does not support (--skip-unsupported-rules, ConfigOptions.SkipUnsupported, skips such rules)", what, cause)
		return
	}
	l.errorf(line, "%s does not compile: %s", what, cause)
}

// sorted returns ps in file order, the file named first, then those it
// extends; problems without a line come last in their file.
func sorted(ps []problem) []problem {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b problem) int {
		switch {
		case a.depth != b.depth:
			return a.depth - b.depth
		case a.line == b.line:
			return 0
		case a.line == 0:
			return 1
		case b.line == 0:
			return -1
		}
		return a.line - b.line
	})
	return out
}

// finish emits the warnings in file order and returns every error, in
// file order, as one error (nil if there are none).
func (l *loader) finish(warn func(string)) error {
	if warn != nil {
		for _, w := range sorted(l.warns) {
			warn(w.String())
		}
	}
	if len(l.errs) == 0 {
		return nil
	}
	errs := make([]error, 0, len(l.errs))
	for _, e := range sorted(l.errs) {
		errs = append(errs, errors.New(e.String()))
	}
	return errors.Join(errs...)
}

func (l *loader) ruleName(i int) string {
	if i < len(l.ruleID) && l.ruleID[i] != "" {
		return strconv.Quote(l.ruleID[i])
	}
	return "#" + strconv.Itoa(i+1)
}

func (l *loader) load(src string) ([]Option, error) {
	set, doc, err := l.parse(src)
	if err != nil || set == nil || len(l.errs) > 0 {
		return nil, err // finish reports l.errs
	}
	opts := set.options()
	// Final check: New must accept what the file says. An HMAC key stands in
	// for the one the caller will add.
	check := opts
	if doc.Logredact != nil && strings.EqualFold(doc.Logredact.Mode, "hmac") || set.hmac {
		check = append(slices.Clip(opts), WithHMACKey(make([]byte, 32)))
	}
	if _, err := New(check...); err != nil {
		return nil, fmt.Errorf("%s: %w", l.name, err)
	}
	return opts, nil
}

// parse reads one file, and the files it extends, into a rule set. It
// returns a nil set when the file cannot be read as TOML (the error) or
// has errors of its own (in l.errs).
func (l *loader) parse(src string) (*ruleSet, *fileConfig, error) {
	// Parse once untyped so that every error here is a syntax error with a
	// column; type errors come from the typed pass below.
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, nil, fmt.Errorf("%s:%d:%d: TOML syntax error: %s", l.name, pe.Position.Line, pe.Position.Col, scrubTOMLMessage(pe.Message))
		}
		return nil, nil, fmt.Errorf("%s: TOML syntax error: %s", l.name, scrubTOMLMessage(err.Error()))
	}
	l.pos = scanKeyLines(src)

	var doc fileConfig
	md, err := toml.Decode(src, &doc)
	if err != nil {
		l.decodeError(err, -1)
		return nil, &doc, nil // finish reports l.errs
	}
	rules := make([]fileRule, len(doc.Rules))
	l.ruleID = make([]string, len(doc.Rules))
	l.failed = map[int]bool{}
	for i, p := range doc.Rules {
		if err := md.PrimitiveDecode(p, &rules[i]); err != nil {
			var id struct {
				ID string `toml:"id"`
			}
			if md.PrimitiveDecode(p, &id) == nil {
				l.ruleID[i] = id.ID
			}
			l.decodeError(err, i)
			l.failed[i] = true
			continue
		}
		l.ruleID[i] = rules[i].ID
	}
	// The other rules are still checked, so that every problem is reported
	// at once; keys of a rule that failed to decode look undecoded, and are
	// not called unknown.
	l.unknownKeys(md.Undecoded())
	l.minVersion(doc.MinVersion)

	set := l.translate(&doc, rules)
	if len(l.errs) > 0 {
		return nil, &doc, nil // finish reports l.errs
	}
	return set, &doc, nil
}

// A ruleSet is what a file, with the files it extends, stands for.
type ruleSet struct {
	useBuiltins bool
	drop        []string // built-ins to drop
	pats        []patterns.Pattern
	allow       []string            // global allowlist
	settings    []Option            // of [logredact] tables, the extended files' first
	ctx         map[string]allowSet // rule ID -> match and line allowlists
	hmac        bool                // a [logredact] table selects mode hmac
}

func (set *ruleSet) options() []Option {
	var out []Option
	if !set.useBuiltins {
		out = append(out, WithoutBuiltins())
	}
	if len(set.drop) > 0 {
		out = append(out, WithoutPatterns(set.drop...))
	}
	if len(set.pats) > 0 {
		out = append(out, WithPatterns(set.pats...))
	}
	for _, p := range set.pats {
		if c := set.ctx[p.ID]; len(c.match)+len(c.line) > 0 {
			out = append(out, withContextAllow(p.ID, c.match, c.line))
		}
	}
	if len(set.allow) > 0 {
		out = append(out, WithAllow(set.allow...))
	}
	return append(out, set.settings...)
}

// gitleaksSchema is the newest gitleaks release whose configuration schema
// this loader was checked against, key by key. gitleaks' minVersion says
// which release a file needs; every key is checked anyway (an unknown one
// is an error), so a newer minVersion only warns, as gitleaks does.
const gitleaksSchema = "v8.30.1"

func (l *loader) minVersion(v string) {
	if v == "" {
		return
	}
	line := l.pos.lineOf("minVersion")
	want, ok := parseVersion(v)
	if !ok {
		l.errorf(line, "minVersion %q: want a version such as \"v8.25.0\"", v)
		return
	}
	have, _ := parseVersion(gitleaksSchema)
	if slices.Compare(want, have) > 0 {
		l.warnf(line, "minVersion %q is newer than the gitleaks schema logredact knows (%s): every key is still checked", v, gitleaksSchema)
	}
}

// parseVersion reads "v8.25.0" or "8.25" into its numbers.
func parseVersion(v string) ([]int, bool) {
	parts := strings.Split(strings.TrimPrefix(strings.TrimSpace(v), "v"), ".")
	if len(parts) > 3 {
		return nil, false
	}
	out := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return nil, false
		}
		out[i] = n
	}
	return out, true
}

// maxExtendDepth is how many [extend] paths may be followed in a row, as
// in gitleaks.
const maxExtendDepth = 2

func (l *loader) translate(doc *fileConfig, rules []fileRule) *ruleSet {
	builtin := map[string]bool{}
	for _, p := range patterns.Builtin() {
		builtin[p.ID] = true
	}

	var base *ruleSet
	if ext := doc.Extend; ext != nil {
		if ext.URL != "" {
			// The rules it names would be missing, which is failing open.
			l.errorf(l.pos.lineOf("extend", "url"), "[extend] url: logredact loads local files and does not fetch the rules it names")
		}
		if ext.Path != "" {
			line := l.pos.lineOf("extend", "path")
			if ext.UseDefault != nil && *ext.UseDefault {
				l.errorf(line, "[extend] path and useDefault = true cannot both be set (as in gitleaks)")
			} else {
				base = l.extend(line, ext.Path)
			}
		}
	}

	useBuiltins := doc.Logredact != nil
	switch {
	case doc.Logredact != nil && doc.Logredact.Builtins != nil:
		useBuiltins = *doc.Logredact.Builtins
	case doc.Extend != nil && doc.Extend.UseDefault != nil:
		useBuiltins = *doc.Extend.UseDefault
	case base != nil:
		useBuiltins = base.useBuiltins
	}

	// Built-ins to drop, in file order without repeats.
	var drop []string
	dropped := map[string]bool{}
	addDrop := func(id string) {
		if !dropped[id] {
			dropped[id] = true
			drop = append(drop, id)
		}
	}
	inherited := map[string]int{} // rule ID of an extended file -> index in base.pats
	if base != nil {
		for _, id := range base.drop {
			addDrop(id)
		}
		for i, p := range base.pats {
			inherited[p.ID] = i
		}
	}
	if ext := doc.Extend; ext != nil {
		line := l.pos.lineOf("extend", "disabledRules")
		if len(ext.DisabledRules) > 0 && !useBuiltins && base == nil {
			l.warnf(line, "[extend] disabledRules has no effect: this file replaces the built-in patterns")
		}
		for _, id := range ext.DisabledRules {
			id = ruleIDOf(id)
			if i, ok := inherited[id]; ok {
				base.pats[i].ID = "" // removed below
				delete(inherited, id)
				continue
			}
			if !useBuiltins {
				if base != nil {
					l.warnf(line, "[extend] disabledRules: %q is not a rule of %s, ignored", id, l.extendName)
				}
				continue
			}
			if !builtin[id] {
				l.warnf(line, "[extend] disabledRules: %q is not a logredact built-in pattern ID, ignored (gitleaks names its rules differently; logredact --list-patterns lists the built-ins)", id)
				continue
			}
			addDrop(id)
		}
	}
	if s := doc.Logredact; s != nil {
		for _, id := range s.Disable {
			if !builtin[id] {
				l.errorf(l.pos.lineOf("logredact", "disable"), "[logredact] disable: %q is not a built-in pattern ID (logredact --list-patterns lists them)", id)
				continue
			}
			addDrop(id)
		}
	}

	var basePats []patterns.Pattern
	if base != nil {
		basePats = base.pats
	}
	ctx := map[string]allowSet{} // rule ID -> its match and line allowlists
	if base != nil {
		for id, c := range base.ctx {
			if _, ok := inherited[id]; ok {
				ctx[id] = c
			}
		}
	}
	pats := l.rules(rules, useBuiltins, builtin, dropped, addDrop, basePats, ctx)
	byID := map[string]int{}
	for i, p := range pats {
		byID[p.ID] = i
	}

	if doc.Allowlist != nil && len(doc.Allowlists) > 0 {
		l.errorf(l.pos.lineOf("allowlist"), "use either [allowlist] or [[allowlists]], not both")
	}
	globals := doc.Allowlists
	globalPath := func(j int) []string { return []string{"allowlists", elemPiece(j)} }
	if doc.Allowlist != nil {
		globals = []fileGlobalAllow{*doc.Allowlist}
		globalPath = func(int) []string { return []string{"allowlist"} }
	}
	set := &ruleSet{useBuiltins: useBuiltins}
	if base != nil {
		set.allow = base.allow // gitleaks appends the allowlists it extends
		set.settings = base.settings
		set.hmac = base.hmac
	}
	for j := range globals {
		g := &globals[j]
		path := globalPath(j)
		what := "[allowlist]"
		if doc.Allowlist == nil {
			what = fmt.Sprintf("[[allowlists]] #%d", j+1)
		}
		res := l.allowlist(what, path, &g.fileAllow)
		if len(g.TargetRules) == 0 {
			set.allow = append(set.allow, res.secret...)
			if len(res.match)+len(res.line) > 0 {
				l.warnf(l.pos.lineOf(append(path, "regexTarget")...), "%s: regexTarget %q applies only to the rules named in targetRules; its regexes are ignored (what they would allow stays redacted)", what, g.RegexTarget)
			}
			continue
		}
		for _, id := range g.TargetRules {
			k, ok := byID[ruleIDOf(id)]
			if !ok {
				l.warnf(l.pos.lineOf(append(path, "targetRules")...), "%s targetRules: %q is not a rule of this file, ignored", what, id)
				continue
			}
			pats[k].Allow = append(pats[k].Allow, res.secret...)
			c := ctx[id]
			c.add(allowSet{match: res.match, line: res.line})
			ctx[id] = c
		}
	}
	set.drop, set.pats, set.ctx = drop, pats, ctx
	if s := doc.Logredact; s != nil {
		set.settings = append(slices.Clip(set.settings), l.settings(s)...)
		set.hmac = set.hmac || strings.EqualFold(s.Mode, "hmac")
	}
	return set
}

// extend loads the file an [extend] path names, written at line: relative
// to the directory of this file, or else to the working directory (where
// gitleaks looks). Its problems are reported with its own name.
func (l *loader) extend(line int, path string) *ruleSet {
	name := path
	if !filepath.IsAbs(path) {
		near := filepath.Join(filepath.Dir(l.name), path)
		if _, err := os.Stat(near); err == nil || !errors.Is(err, os.ErrNotExist) {
			name = near
		} else if _, err := os.Stat(path); err != nil {
			l.errorf(line, "[extend] path %q: not found beside this file (%s) nor in the working directory", path, near)
			return nil
		}
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		l.errorf(line, "[extend] path %q: %v", path, err)
		return nil
	}
	if slices.Contains(l.chain, abs) {
		l.errorf(line, "[extend] path %q: the files extend each other in a cycle", path)
		return nil
	}
	if l.depth+1 > maxExtendDepth {
		l.errorf(line, "[extend] path %q: files extend each other more than %d deep", path, maxExtendDepth)
		return nil
	}
	data, err := os.ReadFile(name)
	if err == nil && len(data) > maxConfigSize {
		err = fmt.Errorf("larger than %d MiB", maxConfigSize>>20)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		l.errorf(line, "[extend] path %q: %v", path, err)
		return nil
	}
	sub := &loader{name: name, depth: l.depth + 1, chain: append(slices.Clip(l.chain), abs), strict: l.strict, skipUnsupp: l.skipUnsupp}
	set, _, perr := sub.parse(string(data))
	l.errs = append(l.errs, sub.errs...)
	l.warns = append(l.warns, sub.warns...)
	if perr != nil { // a syntax error, which names the file already
		l.errs = append(l.errs, problem{depth: sub.depth, msg: perr.Error()})
	}
	l.extendName = name
	return set
}

// rules turns the [[rules]] entries into patterns, after those of the file
// this one extends (base; an empty ID marks one disabled). Every check runs
// on every rule, so that all the problems of a rule are reported at once.
//
// A rule with the ID of a rule of base is merged into it, as gitleaks
// does: its regex, secretGroup, entropy and description replace those of
// base when set, its keywords and allowlists are added.
func (l *loader) rules(rules []fileRule, useBuiltins bool, builtin, dropped map[string]bool, addDrop func(string), base []patterns.Pattern, ctx map[string]allowSet) []patterns.Pattern {
	pats := slices.Clone(base)
	inBase := map[string]int{}
	for i, p := range pats {
		if p.ID != "" {
			inBase[p.ID] = i
		}
	}
	firstLine := map[string]int{}
	for i := range rules {
		if l.failed[i] {
			continue
		}
		fr := &rules[i]
		line := func(key ...string) int { return l.pos.ruleLine(i, key...) }
		id := fr.ID
		name := strconv.Quote(id)
		ok := true
		switch {
		case strings.TrimSpace(id) == "":
			l.errorf(line(), "rule #%d: id is missing or empty", i+1)
			name, ok = "#"+strconv.Itoa(i+1), false
		default:
			if !isKebab(id) {
				// gitleaks once had IDs such as "age secret key"; labels
				// and statistics need kebab-case, and the name changes
				// nothing of what is redacted.
				k := ruleIDOf(id)
				l.warnf(line("id"), "rule %q: logredact needs kebab-case IDs (a-z, 0-9 and single '-'), so it is named %q", id, k)
				id, name = k, strconv.Quote(k)
			}
			if first, dup := firstLine[id]; dup {
				l.errorf(line("id"), "rule %q: duplicate ID (first defined at line %d)", id, first)
				ok = false
			} else {
				firstLine[id] = line("id")
			}
		}
		b, extending := inBase[id]
		regex, sg := fr.Regex, fr.SecretGroup
		if extending {
			if regex == "" {
				regex = pats[b].Regex
			}
			if sg == 0 {
				sg = pats[b].SecretGroup
			}
		}
		if regex == "" {
			if fr.Path != "" {
				l.warnf(line(), "rule %s has only a path, which does not apply to log lines; skipped", name)
			} else {
				l.errorf(line(), "rule %s: regex is missing or empty", name)
			}
			continue
		}
		re, err := regexp.Compile(regex)
		if err != nil {
			// Without SkipUnsupported this is an error; with it the rule
			// is skipped, which leaves a built-in with its ID in place.
			l.badRegex(line("regex"), fr.Regex, "rule "+name+": regex", "rule skipped")
			ok = false
		} else if sg < 0 || sg > re.NumSubexp() {
			l.errorf(line("secretGroup"), "rule %s: secretGroup %d out of range (the regex has %d capturing groups)", name, sg, re.NumSubexp())
			ok = false
		} else if sg == 0 {
			sg = impliedSecretGroup(regex)
		}
		if fr.Entropy < 0 || fr.Entropy > 8 {
			l.errorf(line("entropy"), "rule %s: entropy %g out of range [0, 8]", name, fr.Entropy)
			ok = false
		}
		if slices.Contains(fr.Keywords, "") {
			l.errorf(line("keywords"), "rule %s: empty keyword", name)
			ok = false
		}

		var allow allowSet
		if fr.Allowlist != nil && len(fr.Allowlists) > 0 {
			l.errorf(line("allowlist"), "rule %s: use either [rules.allowlist] or [[rules.allowlists]], not both", name)
			ok = false
		}
		if fr.Allowlist != nil {
			allow.add(l.allowlist(fmt.Sprintf("rule %s: [rules.allowlist]", name), []string{"rules", elemPiece(i), "allowlist"}, fr.Allowlist))
		}
		for j := range fr.Allowlists {
			allow.add(l.allowlist(fmt.Sprintf("rule %s: allowlist #%d", name, j+1), []string{"rules", elemPiece(i), "allowlists", elemPiece(j)}, &fr.Allowlists[j]))
		}
		if !ok {
			continue
		}

		if extending {
			p := &pats[b]
			p.Regex, p.SecretGroup = regex, sg
			if fr.Description != "" {
				p.Description = fr.Description
			}
			if fr.Entropy != 0 {
				p.Entropy = fr.Entropy
			}
			p.Keywords = append(slices.Clip(p.Keywords), fr.Keywords...)
			p.Allow = append(slices.Clip(p.Allow), allow.secret...)
			c := ctx[id]
			c.add(allowSet{match: allow.match, line: allow.line})
			ctx[id] = c
			continue
		}
		if useBuiltins && builtin[id] && !dropped[id] {
			// gitleaks lets an extending file redefine a default rule by
			// its ID, and many of our IDs are gitleaks' own, so do the
			// same. Only a rule that is used replaces the built-in: one
			// skipped above leaves the built-in in place.
			l.warnf(line("id"), "rule %q replaces the built-in pattern with the same ID", id)
			addDrop(id)
		}
		pats = append(pats, patterns.Pattern{
			ID:          id,
			Description: fr.Description,
			Keywords:    fr.Keywords,
			Regex:       regex,
			SecretGroup: sg,
			Entropy:     fr.Entropy,
			Allow:       allow.secret,
		})
		ctx[id] = allowSet{match: allow.match, line: allow.line}
	}
	return slices.DeleteFunc(pats, func(p patterns.Pattern) bool { return p.ID == "" })
}

// allowlist returns the allow regexes an allowlist stands for; see the
// rules of ParseConfig. what names it in messages and path locates it.
func (l *loader) allowlist(what string, path []string, a *fileAllow) allowSet {
	line := func(key ...string) int {
		if n := l.pos.lineOf(append(slices.Clip(path), key...)...); n > 0 {
			return n
		}
		return l.pos.lineOf(path...)
	}
	ok := true
	var and bool
	switch strings.ToUpper(strings.TrimSpace(a.Condition)) {
	case "", "OR", "||":
	case "AND", "&&":
		and = true
	default:
		l.errorf(line("condition"), "%s: condition %q: want \"OR\" or \"AND\"", what, a.Condition)
		ok = false
	}
	switch a.RegexTarget {
	case "", "secret", "match", "line":
	default:
		l.errorf(line("regexTarget"), "%s: regexTarget %q: want \"secret\", \"match\" or \"line\"", what, a.RegexTarget)
		ok = false
	}
	if len(a.Regexes)+len(a.StopWords)+len(a.Paths)+len(a.Commits) == 0 {
		l.errorf(line(), "%s is empty: give regexes, stopwords, paths or commits", what)
		return allowSet{}
	}

	var regexes []string
	for n, r := range a.Regexes {
		if r == "" {
			l.errorf(line("regexes"), "%s: regex #%d is empty and would allow every secret", what, n+1)
			ok = false
			continue
		}
		if _, err := regexp.Compile(r); err != nil {
			// Ignoring an allow regex redacts more, never less, but the
			// file then does not do what it says: the same rule as for
			// rule regexes applies.
			l.badRegex(line("regexes"), r, fmt.Sprintf("%s: regex #%d", what, n+1), "regex ignored")
			continue
		}
		regexes = append(regexes, r)
	}
	var stops []string
	for n, w := range a.StopWords {
		if w == "" {
			l.errorf(line("stopwords"), "%s: stopword #%d is empty and would allow every secret", what, n+1)
			ok = false
			continue
		}
		stops = append(stops, "(?i)"+regexp.QuoteMeta(w))
	}
	if !ok {
		return allowSet{}
	}

	// What is dropped below only ever keeps more secrets redacted.
	content := len(a.Regexes)+len(a.StopWords) > 0
	if and {
		switch {
		case len(a.Paths)+len(a.Commits) > 0:
			if content {
				l.warnf(line(), "%s: condition AND with paths or commits never holds for a log line; allowlist ignored (what it would allow stays redacted)", what)
			}
			return allowSet{}
		case len(a.Regexes) > 0 && len(a.StopWords) > 0:
			l.warnf(line("condition"), "%s: condition AND of regexes and stopwords is not supported; allowlist ignored (what it would allow stays redacted)", what)
			return allowSet{}
		}
		// AND of one kind of check is that check: any of its entries.
	}
	set := allowSet{secret: stops}
	switch a.RegexTarget {
	case "match":
		set.match = regexes
	case "line":
		set.line = regexes
	default:
		set.secret = append(regexes, stops...)
	}
	return set
}

// allowSet is what one allowlist, or all those of a rule, allow: regexes
// tested against the secret (stopwords become such regexes), against the
// whole match of the rule's regex, and against the line of the match.
type allowSet struct {
	secret, match, line []string
}

func (a *allowSet) add(b allowSet) {
	a.secret = append(a.secret, b.secret...)
	a.match = append(a.match, b.match...)
	a.line = append(a.line, b.line...)
}

func (l *loader) settings(s *fileSettings) []Option {
	line := func(key string) int { return l.pos.lineOf("logredact", key) }
	var out []Option
	if s.Mode != "" {
		m, err := ParseMode(strings.ToLower(s.Mode))
		if err != nil {
			l.errorf(line("mode"), "[logredact] mode %q: want mask, label, partial or hmac", s.Mode)
		} else {
			out = append(out, WithMode(m))
		}
	}
	if s.Mask != nil {
		if *s.Mask == "" {
			l.errorf(line("mask"), "[logredact] mask must not be empty")
		}
		out = append(out, WithMask(*s.Mask))
	}
	if s.LabelFormat != nil {
		if strings.Count(*s.LabelFormat, "%s") != 1 {
			l.errorf(line("label_format"), `[logredact] label_format must contain "%%s" exactly once`)
		}
		out = append(out, WithLabelFormat(*s.LabelFormat))
	}
	for _, k := range s.SensitiveKeys {
		if len(normalizeKey(nil, k)) == 0 {
			l.errorf(line("sensitive_keys"), "[logredact] sensitive_keys: %q is not a key name", k)
		}
	}
	if len(s.SensitiveKeys) > 0 {
		out = append(out, WithSensitiveKeys(s.SensitiveKeys...))
	}
	if len(s.RemoveSensitiveKeys) > 0 {
		out = append(out, WithoutSensitiveKeys(s.RemoveSensitiveKeys...))
	}
	return out
}

// unknownKeys reports the keys the schema does not know, once per place
// they are written, in file order.
func (l *loader) unknownKeys(keys []toml.Key) {
	if len(keys) == 0 {
		return
	}
	unknown := map[string]bool{}
	for _, k := range keys {
		unknown[strings.Join(k, pathSep)] = true
	}
	type report struct {
		line int
		msg  string
	}
	var reps []report
	for _, k := range keys {
		inside := false
		for n := 1; n < len(k); n++ {
			if unknown[strings.Join(k[:n], pathSep)] {
				inside = true // report the table, not each key in it
				break
			}
		}
		if inside {
			continue
		}
		msg := func(indexed []string) string {
			if len(k) >= 2 && k[0] == "rules" && len(indexed) >= 2 {
				i, _ := strconv.Atoi(strings.TrimPrefix(indexed[1], "#"))
				return fmt.Sprintf("rule %s: unknown key %q", l.ruleName(i), toml.Key(k[1:]).String())
			}
			if len(k) == 2 && k[0] == "logredact" && strings.Contains(strings.ToLower(k[1]), "key") && strings.Contains(strings.ToLower(k[1]), "hmac") {
				return fmt.Sprintf("[logredact] %s: the HMAC key must not be stored in the rules file; pass it with redact.WithHMACKey (the logredact command reads LOGREDACT_HMAC_KEY)", k[1])
			}
			return fmt.Sprintf("unknown key %q", k.String())
		}
		plain := strings.Join(k, pathSep)
		found := false
		for _, e := range l.pos.all {
			if e.plain != plain {
				continue
			}
			found = true
			indexed := strings.Split(e.indexed, pathSep)
			if len(indexed) >= 2 && indexed[0] == "rules" {
				if i, err := strconv.Atoi(strings.TrimPrefix(indexed[1], "#")); err == nil && l.failed[i] {
					continue // reported as a decoding error already
				}
			}
			reps = append(reps, report{e.line, msg(indexed)})
		}
		if !found { // inside an inline table in an array: no line known
			reps = append(reps, report{0, msg(nil)})
		}
	}
	sort.SliceStable(reps, func(a, b int) bool { return reps[a].line < reps[b].line })
	for _, r := range reps {
		l.errorf(r.line, "%s", r.msg)
	}
}

// decodeError reports an error of the typed decoding pass; rule is the
// index of the [[rules]] entry being decoded, or -1.
func (l *loader) decodeError(err error, rule int) {
	var key, msg string
	line := 0
	var pe toml.ParseError
	if errors.As(err, &pe) {
		key, msg, line = pe.LastKey, pe.Message, pe.Position.Line
	} else if m := decodeErrRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		key, msg = m[2], m[3]
		if u, uerr := strconv.Unquote(`"` + key + `"`); uerr == nil {
			key = u
		}
	} else {
		l.errorf(0, "%s", scrubTOMLMessage(err.Error()))
		return
	}
	msg = scrubTOMLMessage(msg)
	if rule < 0 {
		l.errorf(line, "key %q: %s", key, msg)
		return
	}
	rel := strings.Split(strings.TrimPrefix(key, "rules."), ".")
	l.errorf(l.pos.ruleLine(rule, rel...), "rule %s: key %q: %s", l.ruleName(rule), strings.Join(rel, "."), msg)
}

var decodeErrRE = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "((?:[^"\\]|\\.)*)"\): (.*)$`)

// scrubTOMLMessage hides text the decoder quotes from the input, such as
// "expected value but found \"hunter2\"": the file may not be a rules file
// at all, and messages must not carry what it holds. Single characters,
// which say what the parser expected, are kept.
func scrubTOMLMessage(msg string) string {
	return quotedRE.ReplaceAllString(msg, `"…"`)
}

var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.){2,}"`)

// impliedSecretGroup picks the group a gitleaks rule without secretGroup
// reports: gitleaks takes the first non-empty group of each match, which
// is always group 1 when that is the only group and takes part in every
// match. Otherwise the whole match is the safe choice.
func impliedSecretGroup(expr string) int {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil || re.MaxCap() != 1 {
		return 0
	}
	if captureAlways(re) {
		return 1
	}
	return 0
}

// captureAlways reports whether a capturing group of re takes part in
// every match of re.
func captureAlways(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpCapture:
		return true
	case syntax.OpConcat:
		return slices.ContainsFunc(re.Sub, captureAlways)
	case syntax.OpPlus:
		return captureAlways(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min > 0 && captureAlways(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !captureAlways(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	default: // OpQuest, OpStar and leaves
		return false
	}
}

// ruleIDOf returns the ID logredact gives a rule written with id: id
// itself when it is kebab-case, else its kebab-case form.
func ruleIDOf(id string) string {
	if isKebab(id) {
		return id
	}
	return kebabCase(id)
}

// kebabCase returns a kebab-case form of a rule ID.
func kebabCase(id string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.TrimSpace(id) {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(c)
	}
	if b.Len() == 0 {
		return "my-rule"
	}
	return b.String()
}
