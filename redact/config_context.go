package redact

import (
	"regexp"
	"strings"
)

// contextAllow holds the allowlist regexes of one rule that gitleaks tests
// against more than the secret: regexTarget "match", the whole match of the
// rule's regex, and "line", the line that holds the match (for a string
// with several lines, the lines the match spans).
type contextAllow struct {
	match []*regexp.Regexp
	line  []*regexp.Regexp
}

// allows reports whether the match s[m0:m1] is allowed.
func (a *contextAllow) allows(s string, m0, m1 int) bool {
	for _, re := range a.match {
		if re.MatchString(s[m0:m1]) {
			return true
		}
	}
	if len(a.line) == 0 {
		return false
	}
	lo := strings.LastIndexByte(s[:m0], '\n') + 1
	hi := len(s)
	if i := strings.IndexByte(s[m1:], '\n'); i >= 0 {
		hi = m1 + i
	}
	for _, re := range a.line {
		if re.MatchString(s[lo:hi]) {
			return true
		}
	}
	return false
}

// withContextAllow installs the match and line allowlists of the rule id.
// The regexes have been compiled by the loader already.
func withContextAllow(id string, match, line []string) Option {
	return func(s *settings) {
		a := &contextAllow{}
		for _, e := range match {
			a.match = append(a.match, regexp.MustCompile(e))
		}
		for _, e := range line {
			a.line = append(a.line, regexp.MustCompile(e))
		}
		if s.contextAllow == nil {
			s.contextAllow = map[string]*contextAllow{}
		}
		s.contextAllow[id] = a
	}
}
