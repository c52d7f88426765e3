package redact

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/logredact/logredact/internal/kwmatch"
	"github.com/logredact/logredact/patterns"
)

// Keyword groups in the prefilter: a hit tells which kind of rule may apply.
const (
	groupPattern uint8 = 1 << iota // a pattern keyword
	groupKey                       // the last word of a sensitive key name
)

// Redactor finds and replaces secrets. Build one with [New]; it is immutable
// and safe for concurrent use by any number of goroutines.
type Redactor struct {
	pats        []*lazyPattern
	kw          *kwmatch.Matcher
	kwPatterns  [][]int32 // keyword index -> patterns that own it
	keywordText []string  // keyword index -> lower-cased keyword
	// keywordGroups: keyword index -> the groups (groupPattern,
	// groupKey) it belongs to.
	keywordGroups []uint8
	always        []int32 // patterns without keywords: run on every input
	// glue: keyword index -> when CleanLines may ignore a hit of it inside
	// a longer word (see gluedOnly).
	glue []glueRule
	keys keySet
	g    grammar // the assignment grammar (assign.go)

	mode        Mode
	mask        string
	labelPrefix string
	labelSuffix string
	hmacKey     []byte
	allow       []*regexp.Regexp
	observer    func(string)
	structTag   string // see WithStructTag
	// ctx: pattern index -> its allowlists on the match or line (rules
	// files); shorter than pats, or nil, where patterns have none.
	ctx []*contextAllow
}

type compiled struct {
	patterns.Pattern
	re       *regexp.Regexp
	allow    []*regexp.Regexp
	maxWidth int // longest possible match in bytes, or -1 if unbounded
	plan     plan
	// reach is the most text after its start that one try sees:
	// maxWidth, or maxReach if that is less; capped says it is less.
	reach  int
	capped bool

	// literal is the fixed text every secret of this pattern starts with
	// (lower-cased), such as "ghp_". Partial mode keeps a keyword only when
	// it is part of this: a generic pattern whose keyword is a key name
	// ("password") must never keep the first letters of a value that
	// happens to start with the same word.
	literal string
}

// New builds a Redactor. With no options it uses every built-in pattern of
// package patterns, the [DefaultSensitiveKeys] and [Mask] mode with the
// mask "[REDACTED]".
//
// New validates everything it is given and reports all problems at once,
// each naming the pattern ID or option at fault. Error messages quote IDs
// and describe causes; they never contain text a pattern could match.
func New(opts ...Option) (*Redactor, error) {
	s := settings{mask: "[REDACTED]", labelFormat: "[REDACTED:%s]"}
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	s.check()

	var all []*lazyPattern
	if !s.noBuiltins {
		all = slices.Clone(builtinPatterns())
	}
	if len(s.drop) > 0 {
		known := make(map[string]bool, len(all))
		for _, p := range builtinPatterns() {
			known[p.ID] = true
		}
		drop := make(map[string]bool, len(s.drop))
		for i, id := range s.drop {
			if !known[id] {
				// The argument is not quoted: a mistyped argument can be
				// anything, a secret pasted in the wrong place included.
				s.errs = append(s.errs, fmt.Errorf("redact: WithoutPatterns: argument %d is not a built-in pattern ID", i+1))
			}
			drop[id] = true
		}
		all = slices.DeleteFunc(all, func(p *lazyPattern) bool { return drop[p.ID] })
	}
	nBuiltin := len(all)
	for _, p := range s.custom {
		all = append(all, lazyFor(p))
	}

	r := &Redactor{
		mode:      s.mode,
		mask:      s.mask,
		hmacKey:   s.hmacKey,
		observer:  s.observer,
		structTag: s.structTag,
	}
	r.labelPrefix, r.labelSuffix, _ = strings.Cut(s.labelFormat, "%s")

	seen := make(map[string]bool, len(all))
	var keywords []string
	var groups []uint8
	kwIndex := map[string]int{}
	addKeyword := func(k string, g uint8) int {
		lk := asciiLower(k) // the prefilter folds ASCII only
		if i, ok := kwIndex[lk]; ok {
			groups[i] |= g
			return i
		}
		kwIndex[lk] = len(keywords)
		keywords = append(keywords, lk)
		groups = append(groups, g)
		r.kwPatterns = append(r.kwPatterns, nil)
		return len(keywords) - 1
	}
	for i, p := range all {
		var err error
		if i >= nBuiltin {
			err = validate(p.Pattern)
		}
		if err == nil && seen[p.ID] {
			err = fmt.Errorf("redact: pattern %q: duplicate ID", p.ID)
		}
		seen[p.ID] = true
		if err != nil {
			s.errs = append(s.errs, err)
			continue
		}
		idx := int32(len(r.pats))
		r.pats = append(r.pats, p)
		if a := s.contextAllow[p.ID]; a != nil && i >= nBuiltin {
			r.ctx = append(r.ctx, make([]*contextAllow, int(idx)+1-len(r.ctx))...)
			r.ctx[idx] = a
		}
		if len(p.Keywords) == 0 {
			r.always = append(r.always, idx)
		}
		for _, k := range p.Keywords {
			i := addKeyword(k, groupPattern)
			if !slices.Contains(r.kwPatterns[i], idx) {
				r.kwPatterns[i] = append(r.kwPatterns[i], idx)
			}
		}
	}
	for i, a := range s.allow {
		re, err := regexp.Compile(a)
		if err != nil {
			s.errs = append(s.errs, fmt.Errorf("redact: WithAllow: regex %d: %s", i+1, regexErr(err)))
			continue
		}
		r.allow = append(r.allow, re)
	}

	r.keys = keySet{}
	for _, k := range defaultSensitiveKeys {
		r.keys[k] = tierStrong
	}
	for _, k := range defaultWeakKeys {
		r.keys[k] = tierWeak
	}
	for _, k := range s.addWeakKeys {
		n := string(normalizeKey(nil, k))
		if n == "" {
			s.errs = append(s.errs, errors.New("redact: WithWeakKeys: empty key name"))
			continue
		}
		r.keys[n] = tierWeak
	}
	for _, k := range s.addKeys {
		n := string(normalizeKey(nil, k))
		if n == "" {
			s.errs = append(s.errs, errors.New("redact: WithSensitiveKeys: empty key name"))
			continue
		}
		r.keys[n] = tierStrong
	}
	for _, k := range s.removeKeys {
		delete(r.keys, string(normalizeKey(nil, k)))
	}
	// In a fixed order, so that equal options give equal keyword lists and
	// share one prefilter (see matcherFor).
	for _, k := range slices.Sorted(maps.Keys(r.keys)) {
		addKeyword(lastWord(k), keyGroups(lastWord(k)))
	}
	r.initGrammar(groups, addKeyword)

	if len(s.errs) > 0 {
		return nil, errors.Join(s.errs...)
	}
	r.keywordText = keywords
	r.keywordGroups = groups
	r.glue = r.glueRules()
	kw, err := matcherFor(keywords, groups)
	if err != nil {
		return nil, err
	}
	r.kw = kw
	return r, nil
}

// matchers maps a keyword list with its groups to its prefilter: building
// the automaton of the whole catalog costs milliseconds, and programs build
// several Redactors from the same options (one per logger, or per test).
var matchers sync.Map // string -> *kwmatch.Matcher

func matcherFor(keywords []string, groups []uint8) (*kwmatch.Matcher, error) {
	n := len(groups)
	for _, k := range keywords {
		n += len(k) + 1
	}
	key := make([]byte, 0, n)
	key = append(key, groups...)
	for _, k := range keywords {
		key = append(key, 0)
		key = append(key, k...)
	}
	if m, ok := matchers.Load(string(key)); ok {
		return m.(*kwmatch.Matcher), nil
	}
	m, err := kwmatch.New(keywords, groups)
	if err != nil {
		return nil, err
	}
	matchers.Store(string(key), m)
	return m, nil
}

// MustNew is like [New] but panics on error. It suits package-level
// variables built from options known to be valid.
func MustNew(opts ...Option) *Redactor {
	r, err := New(opts...)
	if err != nil {
		panic(err)
	}
	return r
}

// regexErr describes a regexp compile error by its cause alone: the
// expression, which syntax.Error quotes, may hold a literal secret (an
// allowlist entry, say), and errors never print input.
func regexErr(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		return string(se.Code)
	}
	return "cannot compile"
}

// safeText quotes a pattern's description, which is prose, when it is
// short printable ASCII, so that the faulty pattern can be found.
func safeText(s string) string {
	if s == "" || len(s) > 80 {
		return "(none)"
	}
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return "(not shown)"
		}
	}
	return strconv.Quote(s)
}

func isKebab(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// validate checks what New promises to report about a pattern: its ID,
// regex syntax, secret group, entropy floor, keywords and allow list. It
// parses but does not compile: compiling waits for the first keyword hit
// (see lazyPattern). New skips it for built-in patterns, which this
// package's tests check.
func validate(p patterns.Pattern) error {
	if !isKebab(p.ID) {
		// An ID that is not kebab-case is not quoted: it may be anything.
		return errors.New("redact: a pattern ID is not kebab-case (a-z, 0-9 and single '-'); its description: " + safeText(p.Description))
	}
	if p.Regex == "" {
		return fmt.Errorf("redact: pattern %q: empty regex", p.ID)
	}
	if p.Entropy < 0 || p.Entropy > 8 {
		return fmt.Errorf("redact: pattern %q: Entropy %g out of range [0, 8]", p.ID, p.Entropy)
	}
	for i, k := range p.Keywords {
		if k == "" {
			return fmt.Errorf("redact: pattern %q: keyword %d is empty", p.ID, i)
		}
	}
	// regexp.Compile reports exactly the errors of syntax.Parse with the
	// Perl flags, which is a fraction of its cost.
	re, err := syntax.Parse(p.Regex, syntax.Perl)
	if err != nil {
		return fmt.Errorf("redact: pattern %q: invalid regex: %s", p.ID, regexErr(err))
	}
	if n := re.MaxCap(); p.SecretGroup < 0 || p.SecretGroup > n {
		return fmt.Errorf("redact: pattern %q: SecretGroup %d out of range (the regex has %d groups)", p.ID, p.SecretGroup, n)
	}
	for _, a := range p.Allow {
		if _, err := syntax.Parse(a, syntax.Perl); err != nil {
			return fmt.Errorf("redact: pattern %q: invalid allow regex: %s", p.ID, regexErr(err))
		}
	}
	return nil
}

// compile derives everything the confirm step needs from a validated
// pattern. It runs once per pattern and process, on the first keyword hit.
func compile(p patterns.Pattern) (*compiled, error) {
	c := &compiled{Pattern: p}
	re, err := compileCached(p.Regex)
	if err != nil {
		return c, fmt.Errorf("redact: pattern %q: invalid regex: %s", p.ID, regexErr(err))
	}
	if p.SecretGroup < 0 || p.SecretGroup > re.NumSubexp() {
		return c, fmt.Errorf("redact: pattern %q: SecretGroup %d out of range (the regex has %d groups)", p.ID, p.SecretGroup, re.NumSubexp())
	}
	for _, a := range p.Allow {
		are, err := compileCached(a)
		if err != nil {
			return c, fmt.Errorf("redact: pattern %q: invalid allow regex: %s", p.ID, regexErr(err))
		}
		c.allow = append(c.allow, are)
	}
	c.re = re
	c.literal = groupLiteralPrefix(p.Regex, p.SecretGroup)
	c.maxWidth = maxWidth(re.String())
	c.plan = newPlan(re.String(), p.Keywords, p.Allow)
	c.reach, c.capped = c.maxWidth, false
	if c.maxWidth == unboundedWidth || c.maxWidth > maxReach {
		c.reach, c.capped = maxReach, true
	}
	c.Keywords = slices.Clone(p.Keywords)
	c.Allow = slices.Clone(p.Allow)
	return c, nil
}

// lazyPattern is a validated pattern whose compiled form is built on first
// use. Starting a program must not cost a compile of every one of several
// hundred regexes (tens of milliseconds per hundred) when a log stream
// only ever fires a few of them. Like compiled regexps, the compiled form
// is immutable and shared by every Redactor of the process that holds the
// same pattern (see lazyPatterns).
type lazyPattern struct {
	patterns.Pattern
	c  atomic.Pointer[compiled]
	mu sync.Mutex
}

// get returns the compiled pattern; after the first call it is one atomic
// load. A pattern that cannot be compiled (validate lets no such pattern
// through; the tests compile every built-in) never matches.
func (l *lazyPattern) get() *compiled {
	if c := l.c.Load(); c != nil {
		return c
	}
	return l.build()
}

func (l *lazyPattern) build() *compiled {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c := l.c.Load(); c != nil {
		return c
	}
	c, err := compile(l.Pattern)
	if err != nil {
		c = neverMatches(l.Pattern)
	}
	l.c.Store(c)
	return c
}

// neverMatches stands in for a pattern that failed to compile after
// validation passed.
func neverMatches(p patterns.Pattern) *compiled {
	c, _ := compile(patterns.Pattern{ID: p.ID, Regex: `\z\A.`, Keywords: p.Keywords})
	return c
}

// builtinPatterns is the built-in catalog, made once per process.
var builtinPatterns = sync.OnceValue(makeBuiltinPatterns)

func makeBuiltinPatterns() []*lazyPattern {
	ps := patterns.Builtin()
	out := make([]*lazyPattern, len(ps))
	for i, p := range ps {
		// patterns.Builtin returns fresh slices: nothing to clone, and
		// nothing to share with (lazyFor is for custom patterns).
		out[i] = &lazyPattern{Pattern: p}
	}
	return out
}

// lazyPatterns maps a pattern's definition to its one lazyPattern per
// process.
var lazyPatterns sync.Map // string -> *lazyPattern

func lazyFor(p patterns.Pattern) *lazyPattern {
	var b strings.Builder
	b.Grow(len(p.ID) + len(p.Regex) + 64)
	b.WriteString(p.ID)
	b.WriteByte(0)
	b.WriteString(p.Regex)
	b.WriteByte(0)
	b.WriteString(strconv.Itoa(p.SecretGroup))
	b.WriteByte(0)
	b.WriteString(strconv.FormatFloat(p.Entropy, 'g', -1, 64))
	b.WriteByte(0)
	b.WriteString(p.Description)
	for _, k := range p.Keywords {
		b.WriteByte(1)
		b.WriteString(k)
	}
	for _, a := range p.Allow {
		b.WriteByte(2)
		b.WriteString(a)
	}
	key := b.String()
	if l, ok := lazyPatterns.Load(key); ok {
		return l.(*lazyPattern)
	}
	l := &lazyPattern{Pattern: p}
	l.Keywords = slices.Clone(p.Keywords)
	l.Allow = slices.Clone(p.Allow)
	actual, _ := lazyPatterns.LoadOrStore(key, l)
	return actual.(*lazyPattern)
}

// regexCache maps regular expression source to its compiled form. Programs
// commonly build several Redactors from the same catalog (one per logger, or
// per test), and compiling a hundred patterns costs tens of milliseconds;
// a compiled *regexp.Regexp is safe to share between goroutines.
var regexCache sync.Map // string -> *regexp.Regexp

func compileCached(expr string) (*regexp.Regexp, error) {
	if re, ok := regexCache.Load(expr); ok {
		return re.(*regexp.Regexp), nil
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	regexCache.Store(expr, re)
	return re, nil
}

// IsSensitiveKey reports whether key is a sensitive name, strong or weak
// (see [WithWeakKeys]). A value under a strong name is masked whole unless
// it is a placeholder; under a weak name only when it looks like a
// credential: [Redactor.MasksValue] decides for one value.
//
// Keys are normalised before comparison: ASCII letters are lower-cased and
// words are joined by '_', where a word ends at '_', '-', '.', ' ', '/', ':'
// or a camelCase boundary. A key is sensitive when its normalised form is a
// sensitive name or ends with '_' and a sensitive name. So with the default
// names "apiKey", "X-Api-Key", "API_KEY", "db.password" and "DB_PASSWORD"
// are sensitive, while "api_key_id", "max_tokens", "keyboard", "secret_name"
// and "passwordless" are not.
func (r *Redactor) IsSensitiveKey(key string) bool {
	if len(key) == 0 || !r.kw.Any(key, groupKey) {
		return false
	}
	var buf [maxKeyLen]byte
	return r.keys.matches(normalizeKey(buf[:0], key))
}

// MasksValue reports whether [Redactor.Field] replaces value whole when it
// is logged under key: key is a strong sensitive name and value is not a
// placeholder, or key is a weak name (see [WithWeakKeys]) and value looks
// like a credential. For a value that is not a string, pass the text the
// logger will print (the digits of a number, say). Adapters use it to
// decide about scalars; a structured value under a weak key is walked, not
// masked, so that the keys inside it decide.
func (r *Redactor) MasksValue(key, value string) bool {
	return masksValue(r.keyTier(key), value)
}

// String returns s with every secret replaced. When s holds no secret it is
// returned as it is, without allocating.
func (r *Redactor) String(s string) string {
	if !r.mayHold(s) && !r.mayHideInEscapes(s) {
		return s
	}
	return r.redactString(s)
}

// redactString is String's slow path, for input the prefilter flagged. Most
// flagged log lines hold no secret (they merely mention "token" or "key"),
// so nothing is copied until a secret is known to exist.
func (r *Redactor) redactString(s string) (out string) {
	defer func() {
		if recover() != nil {
			out = r.mask
		}
	}()
	if starts := newJSONStarts(s); starts.next(0) < 0 {
		sps := r.textSpans(s)
		if len(sps) == 0 {
			return s
		}
		b := r.appendSpans(make([]byte, 0, len(s)+32*len(sps)), s, sps)
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	pooled := embedPool.Get().(*[]byte)
	b, changed := r.redactText((*pooled)[:0], s, 0)
	if changed {
		out = string(b)
	} else {
		out = s
	}
	if cap(b) <= maxEmbedBuf {
		*pooled = b
		embedPool.Put(pooled)
	}
	return out
}

// Field returns value redacted as the value of a field named key: wholly
// replaced when key is sensitive (see [Redactor.IsSensitiveKey]) and not
// empty, otherwise with the patterns applied as by [Redactor.String].
func (r *Redactor) Field(key, value string) string {
	if masksValue(r.keyTier(key), value) {
		if r.mode == Mask {
			// The common case needs no buffer.
			if r.observer != nil {
				r.observer(KeyRule)
			}
			return r.mask
		}
		return string(r.appendWhole(nil, value))
	}
	return r.String(value)
}

// AppendBytes appends src to dst with every secret replaced and returns the
// extended slice. It does not retain src.
func (r *Redactor) AppendBytes(dst, src []byte) []byte {
	s := unsafe.String(unsafe.SliceData(src), len(src))
	if !r.mayHold(s) && !r.mayHideInEscapes(s) {
		return append(dst, src...)
	}
	return r.appendText(dst, s)
}

// Match is one secret found by [Redactor.Find]: s[Start:End] is the secret
// and Rule the ID of the pattern that found it. A Match never holds the
// secret itself.
type Match struct {
	Rule       string
	Start, End int
}

// Find reports the secrets in s in order of position, as [Redactor.String]
// would replace them (overlapping findings merged), escapes decoded. It
// reads s as text: values that String masks because a JSON object inside s
// names them with a sensitive key are not reported. It returns nil, without
// allocating, when s holds none. Find suits statistics and check modes.
func (r *Redactor) Find(s string) (ms []Match) {
	if !r.mayHold(s) && !r.mayHideInEscapes(s) {
		return nil
	}
	defer func() {
		if recover() != nil {
			ms = []Match{{Rule: "internal-error", Start: 0, End: len(s)}}
		}
	}()
	for _, sp := range r.textSpans(s) {
		ms = append(ms, Match{Rule: r.pats[sp.pat].ID, Start: sp.start, End: sp.end})
	}
	return ms
}

// Patterns returns a copy of the active patterns, built-in and custom, in
// the order they were registered.
func (r *Redactor) Patterns() []patterns.Pattern {
	out := make([]patterns.Pattern, len(r.pats))
	for i, c := range r.pats {
		out[i] = c.Pattern
		out[i].Keywords = slices.Clone(c.Keywords)
		out[i].Allow = slices.Clone(c.Allow)
	}
	return out
}

// Marker returns the text that replaces a value whole when redaction cannot
// decide, for example when a value's String method panics or a structure is
// too deep to walk: the mask (see [WithMask]) whatever the mode. Adapters use
// it to fail closed.
func (r *Redactor) Marker() string { return r.mask }

// mayHold is the prefilter: false means s certainly holds no secret.
func (r *Redactor) mayHold(s string) bool {
	if len(s) == 0 {
		return false
	}
	return len(r.always) > 0 || r.kw.Any(s, groupPattern)
}

// appendWhole appends the replacement for a value masked because of its key.
func (r *Redactor) appendWhole(dst []byte, value string) []byte {
	if r.observer != nil {
		r.observer(KeyRule)
	}
	return r.appendReplacement(dst, KeyRule, value, "")
}

// redact appends s to dst with secrets replaced and reports whether anything
// was. A panic while matching masks the whole of s (fail closed).
func (r *Redactor) redact(dst []byte, s string) (out []byte, changed bool) {
	start := len(dst)
	defer func() {
		if recover() != nil {
			out = append(dst[:start], r.mask...)
			changed = true
		}
	}()
	sps := r.textSpans(s)
	if len(sps) == 0 {
		return append(dst, s...), false
	}
	return r.appendSpans(dst, s, sps), true
}

// appendText is AppendBytes' slow path: redactText, failing closed.
func (r *Redactor) appendText(dst []byte, s string) (out []byte) {
	start := len(dst)
	defer func() {
		if recover() != nil {
			out = append(dst[:start], r.mask...)
		}
	}()
	out, _ = r.redactText(dst, s, 0)
	return out
}

// appendSpans appends s to dst with each of the sorted, disjoint spans sps
// replaced.
func (r *Redactor) appendSpans(dst []byte, s string, sps []span) []byte {
	last := 0
	for _, sp := range sps {
		dst = append(dst, s[last:sp.start]...)
		c := r.pats[sp.pat].get()
		secret := s[sp.start:sp.end]
		prefix := ""
		if r.mode == Partial {
			prefix = publicPrefix(c, secret)
		}
		if r.observer != nil {
			r.observer(c.ID)
		}
		dst = r.appendReplacement(dst, c.ID, secret, prefix)
		last = sp.end
	}
	return append(dst, s[last:]...)
}

// publicPrefix returns the longest keyword that begins secret (ignoring
// case), is shorter than it, and is part of the literal text every secret of
// the pattern starts with; it is returned in the secret's own case.
func publicPrefix(c *compiled, secret string) string {
	best := 0
	for _, k := range c.Keywords {
		if len(k) > best && len(k) < len(secret) && len(k) <= len(c.literal) &&
			strings.EqualFold(secret[:len(k)], k) && strings.EqualFold(c.literal[:len(k)], k) {
			best = len(k)
		}
	}
	return secret[:best]
}

// groupLiteralPrefix returns, lower-cased, the literal text that every match
// of capture group n (0: the whole regex) of expr starts with, or "".
func groupLiteralPrefix(expr string, n int) string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return ""
	}
	if n > 0 {
		re = findCapture(re, n)
		if re == nil {
			return ""
		}
		re = re.Sub[0]
	}
	var b strings.Builder
	literalPrefix(re, &b)
	return strings.ToLower(b.String())
}

func findCapture(re *syntax.Regexp, n int) *syntax.Regexp {
	if re.Op == syntax.OpCapture && re.Cap == n {
		return re
	}
	for _, s := range re.Sub {
		if c := findCapture(s, n); c != nil {
			return c
		}
	}
	return nil
}

// literalPrefix writes the leading literal of re to b and reports whether
// the whole of re was literal (so a concatenation may continue).
func literalPrefix(re *syntax.Regexp, b *strings.Builder) bool {
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
		return true
	case syntax.OpCapture:
		return literalPrefix(re.Sub[0], b)
	case syntax.OpBeginText, syntax.OpBeginLine, syntax.OpWordBoundary, syntax.OpEmptyMatch:
		return true
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !literalPrefix(s, b) {
				return false
			}
		}
		return true
	}
	return false
}
