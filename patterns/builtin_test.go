package patterns_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/logredact/logredact/internal/cases"
	"github.com/logredact/logredact/patterns"
)

// The tests use the standard library and go-cmp only. testify's assert
// package imports go.yaml.in/yaml/v3, which has no go.sum entry in this
// module, and this package may not edit go.mod or go.sum.

// minPatterns is the floor on the catalog's size: shrinking below it means a
// family was dropped by accident.
const minPatterns = 90

var kebab = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ref is a compiled pattern for the reference matcher below.
type ref struct {
	p     patterns.Pattern
	re    *regexp.Regexp
	allow []*regexp.Regexp
}

// span is one secret found by the reference matcher.
type span struct {
	id         string
	start, end int
}

var (
	compileOnce sync.Once
	compiled    []ref
	compileErr  error
)

func catalog(tb testing.TB) []ref {
	tb.Helper()
	compileOnce.Do(func() {
		for _, p := range patterns.Builtin() {
			re, err := regexp.Compile(p.Regex)
			if err != nil {
				compileErr = fmt.Errorf("%s: %w", p.ID, err)
				return
			}
			r := ref{p: p, re: re}
			for _, a := range p.Allow {
				are, err := regexp.Compile(a)
				if err != nil {
					compileErr = fmt.Errorf("%s: allow %q: %w", p.ID, a, err)
					return
				}
				r.allow = append(r.allow, are)
			}
			compiled = append(compiled, r)
		}
	})
	if compileErr != nil {
		tb.Fatal(compileErr)
	}
	return compiled
}

// find is a small reference matcher that follows the rules on
// patterns.Pattern literally, without the engine's windows or merging: a
// keyword must occur (case-insensitively) in s, the regex runs over all of s,
// and each candidate secret must clear the entropy floor and no Allow regex.
func find(r ref, s string) []span {
	lower := strings.ToLower(s)
	if !slices.ContainsFunc(r.p.Keywords, func(k string) bool { return strings.Contains(lower, strings.ToLower(k)) }) {
		return nil
	}
	var out []span
	for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
		a, b := m[2*r.p.SecretGroup], m[2*r.p.SecretGroup+1]
		if a < 0 || a == b {
			continue
		}
		secret := s[a:b]
		if patterns.Shannon(secret) < r.p.Entropy {
			continue
		}
		if slices.ContainsFunc(r.allow, func(re *regexp.Regexp) bool { return re.MatchString(secret) }) {
			continue
		}
		out = append(out, span{r.p.ID, a, b})
	}
	return out
}

// findAll runs every built-in pattern over s.
func findAll(tb testing.TB, s string) []span {
	var out []span
	for _, r := range catalog(tb) {
		out = append(out, find(r, s)...)
	}
	return out
}

// redact replaces the union of spans the way an engine would, calling repl
// for the text that stands in for each merged span.
func redact(s string, spans []span, repl func(sp span, secret string) string) string {
	if len(spans) == 0 {
		return s
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var b strings.Builder
	last := 0
	cur := spans[0]
	flush := func() {
		b.WriteString(s[last:cur.start])
		b.WriteString(repl(cur, s[cur.start:cur.end]))
		last = cur.end
	}
	for _, sp := range spans[1:] {
		if sp.start <= cur.end {
			cur.end = max(cur.end, sp.end)
			continue
		}
		flush()
		cur = sp
	}
	flush()
	b.WriteString(s[last:])
	return b.String()
}

func TestCatalogInvariants(t *testing.T) {
	ps := patterns.Builtin()
	if len(ps) < minPatterns {
		t.Errorf("Builtin() has %d patterns, want at least %d", len(ps), minPatterns)
	}
	seen := map[string]bool{}
	for _, p := range ps {
		t.Run(p.ID, func(t *testing.T) {
			if !kebab.MatchString(p.ID) {
				t.Errorf("ID %q is not kebab-case", p.ID)
			}
			if seen[p.ID] {
				t.Errorf("duplicate ID %q", p.ID)
			}
			seen[p.ID] = true
			if strings.TrimSpace(p.Description) == "" {
				t.Error("empty Description")
			}
			if len(p.Keywords) == 0 {
				t.Error("no Keywords")
			}
			for i, k := range p.Keywords {
				if k == "" {
					t.Errorf("keyword %d is empty", i)
				}
			}
			re, err := regexp.Compile(p.Regex)
			if err != nil {
				t.Fatalf("regex does not compile: %v", err)
			}
			if p.SecretGroup < 0 || p.SecretGroup > re.NumSubexp() {
				t.Errorf("SecretGroup %d out of range: regex has %d groups", p.SecretGroup, re.NumSubexp())
			}
			if p.Entropy < 0 || p.Entropy > 8 {
				t.Errorf("Entropy %g out of [0, 8]", p.Entropy)
			}
			for _, a := range p.Allow {
				if _, err := regexp.Compile(a); err != nil {
					t.Errorf("allow %q does not compile: %v", a, err)
				}
			}
			// The engine runs regexes on windows, so a pattern must not
			// depend on where the input starts or ends, except for the
			// alternatives (^|x) and (x|$) used as one-character
			// boundaries that also hold at a window edge.
			if strings.HasPrefix(p.Regex, ".*") || strings.HasPrefix(p.Regex, "(?s)") {
				t.Errorf("regex starts with an unanchored scan: %s", p.Regex)
			}
		})
	}
}

func TestBuiltinReturnsFreshCopy(t *testing.T) {
	a := patterns.Builtin()
	want := patterns.Builtin()
	a[0].ID = "changed"
	a[0].Keywords[0] = "changed"
	a[0].Allow[0] = "changed"
	a = append(a[:1], a[2:]...)
	_ = a
	if diff := cmp.Diff(want, patterns.Builtin()); diff != "" {
		t.Errorf("modifying one result of Builtin changed a later one (-want +got):\n%s", diff)
	}
}

func TestEveryPatternHasCase(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range patterns.Builtin() {
		ids[p.ID] = true
	}
	covered := map[string]bool{}
	for _, c := range cases.All() {
		if !ids[c.Pattern] {
			t.Errorf("case names unknown pattern %q: %q", c.Pattern, c.Input)
		}
		covered[c.Pattern] = true
	}
	var missing []string
	for id := range ids {
		if !covered[id] {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("patterns with no case in internal/cases: %v", missing)
	}
	if n := len(cases.NearMisses()); n < 60 {
		t.Errorf("only %d near misses, want at least 60", n)
	}
}

func TestCasesAreFound(t *testing.T) {
	byID := map[string]ref{}
	for _, r := range catalog(t) {
		byID[r.p.ID] = r
	}
	for i, c := range cases.All() {
		t.Run(fmt.Sprintf("%s/%d", c.Pattern, i), func(t *testing.T) {
			r, ok := byID[c.Pattern]
			if !ok {
				t.Fatalf("unknown pattern %q", c.Pattern)
			}
			at := strings.Index(c.Input, c.Secret)
			if at < 0 || c.Secret == "" {
				t.Fatalf("secret %q is not in the input %q", c.Secret, c.Input)
			}
			spans := find(r, c.Input)
			if !slices.ContainsFunc(spans, func(sp span) bool { return sp.start <= at && at+len(c.Secret) <= sp.end }) {
				var got []string
				for _, sp := range spans {
					got = append(got, c.Input[sp.start:sp.end])
				}
				t.Errorf("pattern did not find the secret\ninput:  %q\nsecret: %q\nfound:  %q", c.Input, c.Secret, got)
			}
			// Every match must contain a keyword, or the engine's
			// prefilter could skip a line the pattern would match.
			for _, m := range r.re.FindAllStringIndex(c.Input, -1) {
				text := strings.ToLower(c.Input[m[0]:m[1]])
				if !slices.ContainsFunc(r.p.Keywords, func(k string) bool { return strings.Contains(text, strings.ToLower(k)) }) {
					t.Errorf("match %q contains none of the keywords %q", c.Input[m[0]:m[1]], r.p.Keywords)
				}
			}
		})
	}
}

func TestSecretGroupIsTight(t *testing.T) {
	// Where a pattern keeps context, the context must survive: the span
	// found may be larger than the planted secret only by the characters
	// around it that belong to the same value.
	for i, c := range cases.All() {
		for _, r := range catalog(t) {
			if r.p.ID != c.Pattern {
				continue
			}
			for _, sp := range find(r, c.Input) {
				at := strings.Index(c.Input, c.Secret)
				if sp.start <= at && at+len(c.Secret) <= sp.end && sp.end-sp.start > 3*len(c.Secret)+64 {
					t.Errorf("case %d (%s): found span %q is far larger than the secret %q", i, c.Pattern, c.Input[sp.start:sp.end], c.Secret)
				}
			}
		}
	}
}

func TestNearMissesAreLeftAlone(t *testing.T) {
	for _, s := range cases.NearMisses() {
		for _, sp := range findAll(t, s) {
			t.Errorf("pattern %s found %q in near-miss %q", sp.id, s[sp.start:sp.end], s)
		}
	}
}

func TestRedactedOutputIsNotFoundAgain(t *testing.T) {
	t.Parallel()
	all := cases.All()
	found := make([][]span, len(all))
	for i, c := range all {
		found[i] = findAll(t, c.Input)
	}
	keywords := map[string][]string{}
	for _, p := range patterns.Builtin() {
		keywords[p.ID] = p.Keywords
	}
	modes := map[string]func(sp span, secret string) string{
		"mask":  func(span, string) string { return "[REDACTED]" },
		"label": func(sp span, _ string) string { return "[REDACTED:" + sp.id + "]" },
		"hmac":  func(span, string) string { return "[REDACTED:hmac:0a1b2c3d]" },
		// Partial keeps the longest keyword that prefixes the secret.
		"partial": func(sp span, secret string) string {
			keep := ""
			for _, k := range keywords[sp.id] {
				if len(k) > len(keep) && len(k) < len(secret) && strings.EqualFold(secret[:len(k)], k) {
					keep = secret[:len(k)]
				}
			}
			return keep + "[REDACTED]"
		},
	}
	for name, repl := range modes {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for i, c := range all {
				out := redact(c.Input, slices.Clone(found[i]), repl)
				if strings.Contains(out, c.Secret) {
					t.Errorf("%s: secret survived redaction: %q", c.Pattern, out)
				}
				for _, sp := range findAll(t, out) {
					t.Errorf("%s: pattern %s found %q again in redacted %q", c.Pattern, sp.id, out[sp.start:sp.end], out)
				}
			}
		})
	}
}

func TestShannon(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"", 0},
		{"aaaa", 0},
		{"ab", 1},
		{"abcd", 2},
		{"aabb", 1},
		{"0123456789abcdef", 4},
		{"\x00\xff", 1},
	}
	for _, tt := range tests {
		if got := patterns.Shannon(tt.in); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Shannon(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// Bytes, not runes: "é" is two distinct bytes.
	if got := patterns.Shannon("é"); math.Abs(got-1) > 1e-9 {
		t.Errorf(`Shannon("é") = %v, want 1 (computed over bytes)`, got)
	}
}

func FuzzBuiltinRegexes(f *testing.F) {
	for _, c := range cases.All() {
		f.Add(c.Input)
	}
	for _, s := range cases.NearMisses() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range catalog(t) {
			for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
				if len(m) < 2*(r.p.SecretGroup+1) {
					t.Fatalf("%s: match has %d indexes, SecretGroup is %d", r.p.ID, len(m), r.p.SecretGroup)
				}
				for i := 0; i < len(m); i += 2 {
					a, b := m[i], m[i+1]
					if (a < 0) != (b < 0) || a > b || b > len(s) {
						t.Fatalf("%s: span [%d,%d) out of bounds for input of %d bytes", r.p.ID, a, b, len(s))
					}
				}
			}
			for _, sp := range find(r, s) {
				if sp.start < 0 || sp.end > len(s) || sp.start >= sp.end {
					t.Fatalf("%s: secret span [%d,%d) out of bounds for %d bytes", r.p.ID, sp.start, sp.end, len(s))
				}
			}
		}
	})
}

// ExampleBuiltin shows how a tool can look a pattern up by the prefix it
// owns, for instance to tell a user which rule covers a token they pasted.
func ExampleBuiltin() {
	for _, p := range patterns.Builtin() {
		if slices.Contains(p.Keywords, "ghp_") || slices.Contains(p.Keywords, "xoxb-") {
			fmt.Println(p.ID, p.SecretGroup)
		}
	}
	// Output:
	// github-pat 1
	// slack-bot-token 1
}

// TestSourcesHoldNoSecrets scans this package's and internal/cases' source
// files with the catalog itself, as the pre-commit "logredact --check" does:
// test secrets must be assembled at run time, never written as literals.
func TestSourcesHoldNoSecrets(t *testing.T) {
	t.Parallel()
	var files []string
	for _, dir := range []string{".", filepath.Join("..", "internal", "cases")} {
		matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	if len(files) == 0 {
		t.Fatal("no source files found")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		for _, sp := range findAll(t, src) {
			line := 1 + strings.Count(src[:sp.start], "\n")
			t.Errorf("%s:%d: pattern %s finds %q", f, line, sp.id, src[sp.start:sp.end])
		}
	}
}
