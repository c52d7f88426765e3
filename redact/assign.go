package redact

import (
	"slices"
	"strings"
	"sync"

	"github.com/logredact/logredact/internal/kwmatch"
)

// The assignment grammar. Key-named secrets ("password=…", "token: …",
// `"apiKey":"…"`, "--password …", "<password>…</password>") are found by one
// hand-written scanner rather than by regular expressions: after the keyword
// automaton reports a key-name keyword, the scanner reads the assignment
// around it — the key, the operator and the value — and the key's tier (see
// tier) decides whether the value is a secret.
//
// The catalog keeps its generic-* patterns: their IDs name what the grammar
// finds (labels, statistics, WithoutPatterns, rule files), and their regexes
// remain the reference description of the shapes for other tools. When a
// built-in generic pattern is active with its built-in regex, the engine does
// not run that regex; the grammar reports its findings under that pattern's
// ID. Dropping the pattern (WithoutPatterns) drops those findings; a rule
// file that replaces it with a regex of its own gets that regex run instead.
//
// The rules the scanner follows:
//
//   - Key: the run of key bytes (letters, digits, '_', '-', '.') around the
//     keyword, at most maxKeyRun bytes each way, optionally quoted ("k",
//     'k', `k`, \"k\"), indexed (os.environ["K"], ENV['K']), a function's
//     first argument (System.setProperty("k", "v"), GetEnvOrDefault("k",
//     "v")), an XML element (<k>v</k>, the value possibly on the next line),
//     or a command-line flag (--k, -k). Prefixes such as $, export, + export
//     and var are outside the run and need nothing special. A key that is a
//     segment of a colon path (arn:…:secret:name) or the user of a URL is
//     not assigned to.
//   - Operator: = : := ::= :::= ?= .= += => (and , after a function's first
//     argument), with blanks around; a bare '=' followed by a blank assigns
//     nothing ("password= user=bob"). Blanks alone assign to a
//     command-line flag (--password x), to an SQL PASSWORD followed by a
//     quoted value, and after IDENTIFIED BY. "var k T = v" skips the type.
//   - Value: quoted with the quote (and backslashes) that opened it, so
//     "it's" stays whole inside double quotes, with \" and SQL's '' inside;
//     unclosed at the end of the line, it runs to the end of the line. A
//     bare value ends at a blank, a quote, '\', ',', ';' or '&', and loses
//     closing brackets at its end (the '}' of {User:bob Password:x}).
//   - Decision: see masksValue, plus exceptions for text: prose words after
//     ':' ("password: is required"), counters under "pass", file paths under
//     path-like keys, an auth scheme after Authorization (left to the HTTP
//     patterns), Kubernetes object names under a bare "secret".
//
// Linear time. Every hit costs O(1) work: the key run is scanned once per
// run (a later hit inside the same run is skipped), lookaround is bounded
// by maxKeyRun, the tier rules read at most maxCheck bytes, and the end of
// a value is found by a byte scan whose result is memoised per delimiter
// kind, so hits inside a value that was already scanned do not scan it
// again. A masked value is skipped whole. Values longer than maxValueCheck
// are masked to their natural end without any check (fail closed).

const (
	maxKeyRun     = 128
	maxValueCheck = 4 << 10
)

// Generic families and value styles, the coordinates of a grammar finding's
// pattern ID.
const (
	famPassword = iota
	famSecret
	famToken
	famAPIKey
	famCredential
	numFamilies
)

const (
	styleBare = iota
	styleDouble
	styleSingle
	styleEscaped
	numStyles
)

var (
	familyIDs = [numFamilies]string{"password", "secret", "token", "api-key", "credential"}
	styleIDs  = [numStyles]string{"", "-quoted", "-single-quoted", "-escaped"}
	cliIDs    = [3]string{"generic-cli-flag", "generic-cli-flag-quoted", "generic-cli-flag-single-quoted"}
)

// grammar is a Redactor's compiled view of the assignment grammar.
type grammar struct {
	on    bool
	isKey []bool // keyword index -> it is a key-name keyword
	// special keywords: "identified" (SQL), "sshpass", "redis-cli".
	kwIdentified, kwSSHPass, kwRedisCLI int32
	fam                                 [numFamilies][numStyles]int32 // pattern index, -1: inactive
	cli                                 [3]int32
}

var builtinGeneric = sync.OnceValue(func() map[string]string {
	owned := map[string]bool{}
	for _, f := range familyIDs {
		for _, st := range styleIDs {
			owned["generic-"+f+st] = true
		}
	}
	for _, id := range cliIDs {
		owned[id] = true
	}
	m := map[string]string{}
	for _, p := range builtinPatterns() {
		if owned[p.ID] {
			m[p.ID] = p.Regex
		}
	}
	return m
})

// initGrammar sets up the grammar once every pattern and keyword is known:
// it takes over the active built-in generic patterns (their regexes stop
// running) and records which keywords name keys. kwIndex finds or adds a
// keyword with the given groups and returns its index.
func (r *Redactor) initGrammar(groups []uint8, kwIndex func(k string, g uint8) int) {
	g := &r.g
	g.kwIdentified = int32(kwIndex("identified", groupPattern|groupKey))
	g.kwSSHPass = int32(kwIndex("sshpass", groupPattern|groupKey))
	g.kwRedisCLI = int32(kwIndex("redis-cli", groupPattern|groupKey))
	for f := range g.fam {
		for st := range g.fam[f] {
			g.fam[f][st] = -1
		}
	}
	for i := range g.cli {
		g.cli[i] = -1
	}
	builtin := builtinGeneric()
	owned := map[int32]bool{}
	for i := range r.pats {
		c := r.pats[i]
		if re, ok := builtin[c.ID]; !ok || re != c.Regex {
			continue
		}
		idx := int32(i)
		owned[idx] = true
		for f, fid := range familyIDs {
			for st, sid := range styleIDs {
				if c.ID == "generic-"+fid+sid {
					g.fam[f][st] = idx
				}
			}
		}
		for k, id := range cliIDs {
			if c.ID == id {
				g.cli[k] = idx
			}
		}
	}
	for k, ps := range r.kwPatterns {
		r.kwPatterns[k] = slices.DeleteFunc(ps, func(p int32) bool { return owned[p] })
	}
	// groups was copied before the special keywords were added.
	g.isKey = make([]bool, len(r.kwPatterns))
	for i := range groups {
		g.isKey[i] = groups[i]&groupKey != 0
	}
	g.isKey[g.kwIdentified], g.isKey[g.kwSSHPass], g.isKey[g.kwRedisCLI] = true, true, true
	g.on = true
}

// keyGroups returns the prefilter groups of the keyword for a key name's
// last word: every key name also flags text for the grammar, except "key",
// which is too common alone ("monkey", "publickey"); qualified forms such
// as "api_key" are flagged by the api-key pattern's keywords.
func keyGroups(word string) uint8 {
	if word == "key" {
		return groupKey
	}
	return groupKey | groupPattern
}

// endCache memoises the end of the last value scanned for one delimiter
// kind: a value of that kind starting in [from, end) ends at end too.
type endCache struct{ from, end int }

// Delimiter kinds: bare, XML text, and quotes (three quote bytes by up to
// three levels of backslash escaping).
const (
	kindBare = iota
	kindXML
	kindQuote // + 3*quoteIndex + min(backslashes, 2)
	numKinds  = kindQuote + 9
)

type assignScan struct {
	s     string
	cache [numKinds]endCache
}

func (sc *assignScan) cached(kind, from int) (int, bool) {
	c := sc.cache[kind]
	if c.end > 0 && from >= c.from && from < c.end {
		return c.end, true
	}
	return 0, false
}

func (sc *assignScan) remember(kind, from, end int) {
	sc.cache[kind] = endCache{from, end}
}

var bareStop = func() (t [256]bool) {
	for _, c := range " \t\r\n\v\f\"'`\\,;&" {
		t[c] = true
	}
	return t
}()

// bareEnd returns the end of the bare value starting at i.
func (sc *assignScan) bareEnd(i int) int {
	if e, ok := sc.cached(kindBare, i); ok {
		return e
	}
	s := sc.s
	j := i
	for j < len(s) && !bareStop[s[j]] {
		j++
	}
	sc.remember(kindBare, i, j)
	return j
}

// xmlEnd returns the end of the element text starting at i: the next '<'
// or line break.
func (sc *assignScan) xmlEnd(i int) int {
	if e, ok := sc.cached(kindXML, i); ok {
		return e
	}
	s := sc.s
	j := i
	for j < len(s) && s[j] != '<' && s[j] != '\n' && s[j] != '\r' {
		j++
	}
	sc.remember(kindXML, i, j)
	return j
}

// quotedEnd returns where the value starting at i, opened by q after bs
// backslashes, ends (the offset of the closing backslashes and quote, or
// of the line end when it is not closed) and how long the closing is.
func (sc *assignScan) quotedEnd(i int, q byte, bs int) (end, closeLen int) {
	qi := strings.IndexByte("\"'`", q)
	kind := kindQuote + 3*qi + min(bs, 2)
	s := sc.s
	if e, ok := sc.cached(kind, i); ok {
		return e, closing(s, e, q)
	}
	j := i
	for j < len(s) {
		c := s[j]
		if c == '\n' || c == '\r' {
			break
		}
		if c != q {
			j++
			continue
		}
		// Count the backslashes before this quote.
		r := 0
		for k := j - 1; k >= i && s[k] == '\\'; k-- {
			r++
		}
		if bs == 0 && r%2 == 0 || bs > 0 && r <= bs {
			if q == '\'' && bs == 0 && r == 0 && j+1 < len(s) && s[j+1] == '\'' {
				j += 2 // SQL's doubled quote
				continue
			}
			start := j - min(r, bs)
			sc.remember(kind, i, start)
			return start, j + 1 - start
		}
		j++
	}
	sc.remember(kind, i, j)
	return j, 0
}

// closing returns the length of the closing backslashes and quote q at e, or
// 0 when the value was not closed.
func closing(s string, e int, q byte) int {
	j := e
	for j < len(s) && s[j] == '\\' {
		j++
	}
	if j < len(s) && s[j] == q {
		return j + 1 - e
	}
	return 0
}

func isKeyByte(c byte) bool {
	return isWordByte(c) || c == '-' || c == '.'
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// assignSpans appends the values that the assignment grammar finds secret in
// s, reading the assignment around every key-name keyword hit. hits are the
// prefilter's hits on s, in End order.
func (r *Redactor) assignSpans(out []span, s string, hits []kwmatch.Hit) []span {
	g := &r.g
	if !g.on {
		return out
	}
	sc := assignScan{s: s}
	resume := 0            // hits starting before this lie in a value already decided
	runLo, runHi := -1, -1 // the key run examined last
	for _, h := range hits {
		kw := h.Keyword
		if int(kw) >= len(g.isKey) || !g.isKey[kw] {
			continue
		}
		end := int(h.End)
		start := end - len(r.keywordText[kw])
		special := kw == g.kwIdentified || kw == g.kwSSHPass || kw == g.kwRedisCLI
		if start < resume || !special && start >= runLo && end <= runHi {
			continue
		}
		var a assignment
		var ok bool
		switch kw {
		case g.kwIdentified:
			a, ok = r.sqlIdentified(&sc, end)
		case g.kwSSHPass, g.kwRedisCLI:
			a, ok = r.commandPassword(&sc, end, kw == g.kwSSHPass)
		default:
			lo, hi := keyRun(s, start, end)
			runLo, runHi = lo, hi
			a, ok = r.readAssign(&sc, lo, hi)
		}
		if !ok {
			continue
		}
		if a.mask {
			if a.pat >= 0 {
				if out == nil {
					out = make([]span, 0, 4)
				}
				out = append(out, span{start: a.vs, end: a.ve, pat: a.pat})
			}
			resume = a.ve
		} else {
			// Hits inside a value kept as it is are still examined: a
			// weak key's quoted value may hold "password=…".
			resume = a.vs
		}
	}
	return out
}

// keyRun returns the run of key bytes around s[start:end], at most
// maxKeyRun bytes each way.
func keyRun(s string, start, end int) (int, int) {
	lo := start
	for n := 0; lo > 0 && n < maxKeyRun && isKeyByte(s[lo-1]); n++ {
		lo--
	}
	hi := end
	for n := 0; hi < len(s) && n < maxKeyRun && isKeyByte(s[hi]); n++ {
		hi++
	}
	return lo, hi
}

// assignment is one value the grammar read: s[vs:ve], to be masked (with
// pattern pat, or not reported when pat < 0) or kept.
type assignment struct {
	vs, ve int
	mask   bool
	pat    int32
}

// readAssign reads the assignment whose key is the run s[lo:hi].
func (r *Redactor) readAssign(sc *assignScan, lo, hi int) (assignment, bool) {
	s := sc.s
	// A flag: leading dashes after a blank, a quote or the start.
	ks := lo
	for ks < hi && (s[ks] == '-' || s[ks] == '.') {
		ks++
	}
	ke := hi
	for ke > ks && (s[ke-1] == '-' || s[ke-1] == '.') {
		ke--
	}
	if ks == ke || ke-ks > maxKeyLen {
		return assignment{}, false
	}
	flag := ks > lo && s[lo] == '-' && (lo == 0 || isBlank(s[lo-1]) || s[lo-1] == '"' || s[lo-1] == '\'')
	key := s[ks:ke]
	var buf [maxKeyLen]byte
	n := normalizeKey(buf[:0], key)
	t := r.keys.tier(n)
	if t == tierNone {
		return assignment{}, false
	}
	fam := family(n)

	// Left context.
	p := hi
	if ke < hi && !flag {
		// A trailing '-' or '.' belongs to the text after the key
		// ("password." ends a sentence).
		p = ke
	}
	var lq byte
	lbs := 0
	if lo > 0 {
		switch c := s[lo-1]; c {
		case '"', '\'', '`':
			lq = c
			for k := lo - 2; k >= 0 && s[k] == '\\' && lbs < 8; k-- {
				lbs++
			}
		case '<':
			return r.readXML(sc, t, fam, n, p)
		case '/':
			if lo > 1 && s[lo-2] == '/' {
				return assignment{}, false // a URL's user: url-credentials
			}
		case ':':
			if lo > 1 && isKeyByte(s[lo-2]) && p < len(s) && s[p] == ':' {
				return assignment{}, false // a colon path: arn:…:secret:name
			}
		}
	}
	funcForm := false
	if lq != 0 {
		// A quoted key closes with the same quote.
		j := p
		nb := 0
		for j < len(s) && s[j] == '\\' && nb < 8 {
			j++
			nb++
		}
		if nb == lbs && j < len(s) && s[j] == lq {
			p = j + 1
			k := lo - 2 - lbs
			for k >= 0 && isBlank(s[k]) {
				k--
			}
			funcForm = k >= 0 && s[k] == '('
			if p < len(s) && s[p] == ']' {
				p++ // os.environ["K"]
			}
		}
	}

	// Operator.
	q := p
	for q < len(s) && isBlank(s[q]) && q-p < 16 {
		q++
	}
	blankBefore := q > p
	op, opLen := byte(0), 0
	if funcForm {
		if q < len(s) && s[q] == ',' {
			op, opLen = ',', 1
		} else {
			return assignment{}, false
		}
	} else {
		op, opLen = operator(s, q)
		if opLen == 0 && !flag && isVarDecl(s, lo) {
			// var k T = v: skip the type.
			j := q
			for j < len(s) && j-q < 32 && (isWordByte(s[j]) || s[j] == '.' || s[j] == '*' || s[j] == '[' || s[j] == ']') {
				j++
			}
			for j < len(s) && isBlank(s[j]) && j-q < 48 {
				j++
			}
			if j > q {
				if o, l := operator(s, j); l > 0 && (o == '=' || o == 'w') {
					op, opLen, q = o, l, j
				}
			}
		}
	}
	v := q + opLen
	switch {
	case opLen > 0:
		if op == ':' && v < len(s) && s[v] == ':' {
			return assignment{}, false // C++ scope, IPv6
		}
		if op == '=' && !blankBefore && v < len(s) && isBlank(s[v]) {
			return assignment{}, false // "password= user=bob": empty
		}
		for v < len(s) && isBlank(s[v]) && v-q < 32 {
			v++
		}
	case flag && blankBefore:
		op = ' '
	case blankBefore && q < len(s) && (s[q] == '\'' || s[q] == '"') && strings.EqualFold(string(n), "password"):
		op = ' ' // SQL: PASSWORD 'x'
	default:
		return assignment{}, false
	}
	if v >= len(s) {
		return assignment{}, false
	}
	return r.readValue(sc, t, fam, n, op, flag, v)
}

// isVarDecl reports whether the key at lo follows "var", "const", "val" or
// "let" and a blank.
func isVarDecl(s string, lo int) bool {
	j := lo
	for j > 0 && isBlank(s[j-1]) && lo-j < 8 {
		j--
	}
	if j == lo {
		return false
	}
	for _, w := range []string{"var", "const", "val", "let"} {
		if j >= len(w) && s[j-len(w):j] == w && (j == len(w) || !isWordByte(s[j-len(w)-1])) {
			return true
		}
	}
	return false
}

// operator returns the assignment operator at s[i:] and its length; the
// byte returned is '=' or ':' for the plain ones and 'w' for the others.
func operator(s string, i int) (byte, int) {
	if i >= len(s) {
		return 0, 0
	}
	rest := s[i:]
	switch rest[0] {
	case ':':
		switch {
		case strings.HasPrefix(rest, ":::="):
			return 'w', 4 // GNU make's POSIX-style immediate expansion
		case strings.HasPrefix(rest, "::="):
			return 'w', 3
		case strings.HasPrefix(rest, ":="):
			return 'w', 2
		}
		return ':', 1
	case '=':
		switch {
		case strings.HasPrefix(rest, "=>"):
			return 'w', 2
		case strings.HasPrefix(rest, "=="):
			return 0, 0 // a comparison
		}
		return '=', 1
	case '?', '.', '+':
		if len(rest) > 1 && rest[1] == '=' {
			return 'w', 2
		}
	}
	return 0, 0
}

// readValue reads the value at v and decides it.
func (r *Redactor) readValue(sc *assignScan, t tier, fam int, n []byte, op byte, flag bool, v int) (assignment, bool) {
	s := sc.s
	bs := 0
	for v+bs < len(s) && s[v+bs] == '\\' && bs < 8 {
		bs++
	}
	style := styleBare
	var vs, ve int
	if v+bs < len(s) && (s[v+bs] == '"' || s[v+bs] == '\'' || s[v+bs] == '`') {
		q := s[v+bs]
		vs = v + bs + 1
		ve, _ = sc.quotedEnd(vs, q, bs) // the closing quote stays outside the span
		switch {
		case bs > 0:
			style = styleEscaped
		case q == '\'':
			style = styleSingle
		default:
			style = styleDouble
		}
	} else if bs > 0 {
		return assignment{}, false
	} else {
		vs = v
		switch s[v] {
		case '{', '(', '<', '[':
			// A template, a placeholder or a structure, not a value; a
			// bracketed list such as Go's map[k:[v]] holds one.
			close := map[byte]byte{'{': '}', '(': ')', '<': '>', '[': ']'}[s[v]]
			lim := min(len(s), v+128)
			if s[v] == '{' && v+1 < len(s) && s[v+1] == '{' {
				if j := strings.Index(s[v:lim], "}}"); j > 0 {
					return assignment{vs: v, ve: v + j + 2}, true
				}
			}
			j := strings.IndexByte(s[v:lim], close)
			if j > 0 && isPlaceholder(s[v:v+j+1]) {
				return assignment{vs: v, ve: v + j + 1}, true
			}
			if s[v] != '[' {
				return assignment{}, false
			}
			vs = v + 1
		case '=', ']', '}', ')', '>', '|':
			return assignment{}, false
		}
		ve = sc.bareEnd(vs)
		for ve > vs && strings.IndexByte(")]}>", s[ve-1]) >= 0 {
			ve--
		}
	}
	if ve <= vs {
		return assignment{}, false
	}
	a := assignment{vs: vs, ve: ve, pat: r.grammarPat(fam, style, flag && op == ' ')}
	if ve-vs > maxValueCheck {
		a.mask = true // fail closed: too long to judge
		return a, true
	}
	val := s[vs:ve]
	a.mask = masksValue(t, val) && !isNextAssignment(val) && !textException(n, op, val)
	return a, true
}

// grammarPat returns the pattern index a finding is reported under.
func (r *Redactor) grammarPat(fam, style int, cliBlank bool) int32 {
	if cliBlank {
		switch style {
		case styleDouble, styleEscaped:
			return r.g.cli[1]
		case styleSingle:
			return r.g.cli[2]
		}
		return r.g.cli[0]
	}
	return r.g.fam[fam][style]
}

// authSchemes are the words that start an Authorization value; the HTTP
// patterns know which part after them is the credential.
var authSchemes = []string{"bearer", "basic", "token", "bot", "digest", "negotiate", "ntlm", "sso-key", "ssws",
	"splunk", "pat", "gitlab-token", "apikey", "api-key", "key", "hmac", "mac", "hoba", "mutual", "vapid", "dpop",
	"aws4-hmac-sha256", "aws4-hmac-sha512", "goog4-rsa-sha256", "goog4-hmac-sha256", "otp", "oauth", "jwt"}

// textException reports the values that masksValue would mask but that, in
// text, are not secrets assigned to the key n.
func textException(n []byte, op byte, val string) bool {
	if (op == ':' || op == ' ') && isProse(val) {
		return true
	}
	ns := string(n)
	last := lastWord(ns)
	if last == "pass" && len(val) <= 3 && isDigits(val) {
		return true // tests: pass=12 fail=0
	}
	if isCleanPath(val) {
		switch last {
		case "pwd", "key", "credentials", "creds", "file", "path", "dir":
			return true
		}
		if pathLike(val) {
			return true
		}
	}
	if strings.HasPrefix(val, "arn:") {
		return true
	}
	if last == "authorization" {
		w := val
		if i := strings.IndexAny(w, " \t"); i >= 0 {
			w = w[:i]
		}
		for _, sch := range authSchemes {
			if strings.EqualFold(w, sch) {
				return true
			}
		}
	}
	if ns == "secret" && isObjectName(val) {
		return true // secret: db-creds (a Kubernetes Secret's name)
	}
	return false
}

// isObjectName reports whether v is a lower-case name of dash-joined words,
// the form of Kubernetes object names.
func isObjectName(v string) bool {
	if !strings.Contains(v, "-") {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// readXML reads <k>v</k>, the key's run ending at p. The value may follow
// on the next line.
func (r *Redactor) readXML(sc *assignScan, t tier, fam int, n []byte, p int) (assignment, bool) {
	s := sc.s
	j := p
	for j < len(s) && j-p < maxKeyRun && s[j] != '>' && s[j] != '<' && s[j] != '\n' {
		j++
	}
	if j >= len(s) || s[j] != '>' || s[j-1] == '/' {
		return assignment{}, false
	}
	v := j + 1
	for v < len(s) && v-j < maxKeyRun && (isBlank(s[v]) || s[v] == '\n' || s[v] == '\r') {
		v++
	}
	if v >= len(s) || s[v] == '<' {
		return assignment{}, false
	}
	ve := sc.xmlEnd(v)
	for ve > v && isBlank(s[ve-1]) {
		ve--
	}
	if ve <= v {
		return assignment{}, false
	}
	a := assignment{vs: v, ve: ve, pat: r.g.fam[fam][styleBare]}
	if ve-v > maxValueCheck {
		a.mask = true
		return a, true
	}
	val := s[v:ve]
	a.mask = masksValue(t, val) && !isNextAssignment(val) && !textException(n, '>', val)
	return a, true
}

// sqlIdentified reads IDENTIFIED BY 'password' after the keyword ending at
// end.
func (r *Redactor) sqlIdentified(sc *assignScan, end int) (assignment, bool) {
	s := sc.s
	j := end
	for j < len(s) && isBlank(s[j]) && j-end < 8 {
		j++
	}
	if j == end || j+2 > len(s) || !strings.EqualFold(s[j:j+2], "by") {
		return assignment{}, false
	}
	j += 2
	k := j
	for k < len(s) && isBlank(s[k]) && k-j < 8 {
		k++
	}
	if k == j || k >= len(s) {
		return assignment{}, false
	}
	if s[k] != '\'' && s[k] != '"' && s[k] != '`' {
		// IDENTIFIED BY PASSWORD 'hash' and IDENTIFIED WITH plugins name
		// no secret of their own; a bare word is a value only if it
		// passes the strong rule.
		if k+8 <= len(s) && strings.EqualFold(s[k:k+8], "password") {
			return assignment{}, false
		}
	}
	return r.readValue(sc, tierStrong, famPassword, []byte("password"), ' ', false, k)
}

// commandPassword reads the password of "sshpass -p PW" and
// "redis-cli -a PW" after the command name ending at end: the option is
// looked for among the next few arguments on the same line.
func (r *Redactor) commandPassword(sc *assignScan, end int, sshpass bool) (assignment, bool) {
	s := sc.s
	if end < len(s) && isKeyByte(s[end]) {
		return assignment{}, false
	}
	lim := min(len(s), end+256)
	flag := "-a"
	if sshpass {
		flag = "-p"
	}
	for i := end; i+len(flag) <= lim; i++ {
		c := s[i]
		if c == '\n' || c == '\r' || c == '|' || c == ';' || c == '&' {
			return assignment{}, false
		}
		if !isBlank(c) || i+1+len(flag) > len(s) || s[i+1:i+1+len(flag)] != flag {
			continue
		}
		v := i + 1 + len(flag)
		if v < len(s) && isBlank(s[v]) {
			for v < len(s) && isBlank(s[v]) && v-i < 16 {
				v++
			}
		} else if !sshpass || v >= len(s) {
			continue
		}
		if v >= len(s) || s[v] == '-' {
			return assignment{}, false
		}
		return r.readValue(sc, tierStrong, famPassword, []byte("password"), ' ', true, v)
	}
	return assignment{}, false
}
