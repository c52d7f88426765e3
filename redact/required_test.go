package redact

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/logredact/logredact/internal/cases"
	"github.com/logredact/logredact/patterns"
)

func TestRequiredSet(t *testing.T) {
	tests := []struct {
		expr     string
		keywords []string
		want     []string
	}{
		{`\bcurl\b[^\r\n]{0,300}?[ \t](?:-u|--user)[ \t]*x`, []string{"curl"}, []string{" -u", " --user", "\t-u", "\t--user"}},
		{`ghp_[A-Za-z0-9]{36}`, []string{"ghp_"}, nil},
		{`a(?:b|c?)d`, []string{"zz"}, []string{"abd", "acd", "ad"}},
		{`a[0-9]+(?:b|c)d`, []string{"a"}, []string{"bd", "cd"}},
		{`x(?:yz)*`, []string{"x"}, nil},
	}
	for _, tc := range tests {
		assert.ElementsMatch(t, tc.want, requiredSet(tc.expr, tc.keywords), tc.expr)
	}
}

// TestRequiredSetsHold: every match of every built-in pattern that has a
// required set, on the catalog's own examples, holds a member of it.
func TestRequiredSetsHold(t *testing.T) {
	for _, p := range patterns.Builtin() {
		set := requiredSet(p.Regex, p.Keywords)
		if set == nil {
			continue
		}
		re := regexp.MustCompile(p.Regex)
		for _, c := range cases.All() {
			for _, m := range re.FindAllString(c.Input, -1) {
				if !holdsAny(m, set) {
					t.Fatalf("pattern %s: match %q holds none of %q", p.ID, m, set)
				}
			}
		}
	}
	_ = strings.Contains
}
