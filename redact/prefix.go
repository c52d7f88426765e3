package redact

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// A try that finds no match in a short view is final only if no longer
// match could start the same way. The prefix language of a pattern's regex
// answers that: when the whole view is a prefix of some match, the try is
// repeated on the full reach. Assertions are treated as always true, which
// can only make the answer "maybe" more often, never miss a match.

// prefixOf returns a regex matching every prefix of every match of re
// (the empty string included), or nil when re holds something it does not
// understand.
func prefixOf(re *syntax.Regexp) *syntax.Regexp {
	empty := &syntax.Regexp{Op: syntax.OpEmptyMatch}
	quest := func(sub *syntax.Regexp) *syntax.Regexp {
		return &syntax.Regexp{Op: syntax.OpQuest, Sub: []*syntax.Regexp{sub}, Flags: re.Flags}
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return re
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return empty
	case syntax.OpLiteral:
		// r1 r2 r3 -> (r1(r2(r3)?)?)?
		var out *syntax.Regexp
		for i := len(re.Rune) - 1; i >= 0; i-- {
			lit := &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune{re.Rune[i]}, Flags: re.Flags}
			if out == nil {
				out = quest(lit)
			} else {
				out = quest(&syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{lit, out}})
			}
		}
		if out == nil {
			return empty
		}
		return out
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return quest(re)
	case syntax.OpCapture:
		return prefixOf(re.Sub[0])
	case syntax.OpQuest:
		return prefixOf(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		p := prefixOf(re.Sub[0])
		if p == nil {
			return nil
		}
		star := &syntax.Regexp{Op: syntax.OpStar, Sub: []*syntax.Regexp{re.Sub[0]}, Flags: re.Flags}
		return &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{star, p}}
	case syntax.OpRepeat:
		if re.Max == 0 {
			return empty
		}
		p := prefixOf(re.Sub[0])
		if p == nil {
			return nil
		}
		var head *syntax.Regexp
		if re.Max < 0 {
			head = &syntax.Regexp{Op: syntax.OpStar, Sub: []*syntax.Regexp{re.Sub[0]}, Flags: re.Flags}
		} else if re.Max == 1 {
			return p
		} else {
			head = &syntax.Regexp{Op: syntax.OpRepeat, Min: 0, Max: re.Max - 1, Sub: []*syntax.Regexp{re.Sub[0]}, Flags: re.Flags}
		}
		return &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{head, p}}
	case syntax.OpConcat:
		// A1 A2 … An -> P(A1) | A1 (P(A2) | A2 (…))
		var out *syntax.Regexp
		for i := len(re.Sub) - 1; i >= 0; i-- {
			p := prefixOf(re.Sub[i])
			if p == nil {
				return nil
			}
			if out == nil {
				out = p
				continue
			}
			out = &syntax.Regexp{Op: syntax.OpAlternate, Sub: []*syntax.Regexp{p,
				{Op: syntax.OpConcat, Sub: []*syntax.Regexp{re.Sub[i], out}}}}
		}
		if out == nil {
			return empty
		}
		return out
	case syntax.OpAlternate:
		alt := &syntax.Regexp{Op: syntax.OpAlternate}
		for _, sub := range re.Sub {
			p := prefixOf(sub)
			if p == nil {
				return nil
			}
			alt.Sub = append(alt.Sub, p)
		}
		return alt
	}
	return nil
}

// aliveSet compiles the prefix language of expr: anchored at both ends,
// once as is and once after one byte of context, as the anchored tries
// are, and anchored at the end only, for unanchored searches. It returns
// nils when that cannot be done; callers then treat every view as alive.
func aliveSet(expr string) (atStart, afterByte, suffix *regexp.Regexp) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, nil, nil
	}
	p := prefixOf(re.Simplify())
	if p == nil {
		return nil, nil, nil
	}
	var sb strings.Builder
	if !writeRegexp(&sb, p) {
		return nil, nil, nil
	}
	body := sb.String()
	a, err1 := compileCached(`\A(?:` + body + `)\z`)
	b, err2 := compileCached(`\A(?s:.)(?:` + body + `)\z`)
	c, err3 := compileCached(`(?:` + body + `)\z`)
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, nil, nil
	}
	return a, b, c
}

// liveness holds the prefix-language regexps of one pattern. They are
// compiled on first use: they are large, most patterns never need them,
// and compiling all of them would make New take seconds.
type liveness struct {
	expr                       string
	once                       sync.Once
	atStart, afterByte, suffix *regexp.Regexp
}

func (l *liveness) get() *liveness {
	l.once.Do(func() { l.atStart, l.afterByte, l.suffix = aliveSet(l.expr) })
	return l
}

// alive reports whether view, the text of a try that found no match,
// could be the start of a longer match. atStart says the view has no
// context byte before the try's position.
func (p *plan) alive(view string, atStart bool) bool {
	if p.live == nil {
		return true
	}
	l := p.live.get()
	if atStart {
		return l.atStart == nil || l.atStart.MatchString(view)
	}
	return l.afterByte == nil || l.afterByte.MatchString(view)
}

// aliveFrom returns the offset in view of the leftmost suffix that could
// be the start of a longer match (len(view) if none but the empty one).
func (p *plan) aliveFrom(view string) int {
	if p.live == nil {
		return 0
	}
	l := p.live.get()
	if l.suffix == nil {
		return 0
	}
	if m := l.suffix.FindStringIndex(view); m != nil {
		return m[0]
	}
	return len(view)
}

// writeRegexp writes re in regexp syntax. syntax.Regexp.String does the
// same but recomputes flags over the whole tree at every node, which takes
// seconds on the trees prefixOf builds; this writer wraps every node in a
// group instead, which costs nothing once compiled.
func writeRegexp(b *strings.Builder, re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		b.WriteString(`(?:`)
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteString(`(?i:`)
		}
		for _, r := range re.Rune {
			writeRune(b, r)
		}
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteString(`)`)
		}
		b.WriteString(`)`)
	case syntax.OpCharClass:
		b.WriteString(`[`)
		if len(re.Rune) == 0 {
			b.WriteString(`^\x00-\x{10FFFF}`)
		}
		for i := 0; i < len(re.Rune); i += 2 {
			writeRune(b, re.Rune[i])
			if re.Rune[i+1] != re.Rune[i] {
				b.WriteString(`-`)
				writeRune(b, re.Rune[i+1])
			}
		}
		b.WriteString(`]`)
	case syntax.OpCapture:
		b.WriteString(`(?:`)
		if !writeRegexp(b, re.Sub[0]) {
			return false
		}
		b.WriteString(`)`)
	case syntax.OpBeginText:
		b.WriteString(`\A`)
	case syntax.OpEndText:
		b.WriteString(`\z`)
	case syntax.OpBeginLine:
		b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		b.WriteString(`(?m:$)`)
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpAnyCharNotNL:
		b.WriteString(`(?-s:.)`)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		b.WriteString(`(?:`)
		if !writeRegexp(b, re.Sub[0]) {
			return false
		}
		b.WriteString(`)`)
		switch re.Op {
		case syntax.OpStar:
			b.WriteString(`*`)
		case syntax.OpPlus:
			b.WriteString(`+`)
		case syntax.OpQuest:
			b.WriteString(`?`)
		default:
			if re.Max < 0 {
				fmt.Fprintf(b, `{%d,}`, re.Min)
			} else {
				fmt.Fprintf(b, `{%d,%d}`, re.Min, re.Max)
			}
		}
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteString(`?`)
		}
	case syntax.OpConcat, syntax.OpAlternate:
		b.WriteString(`(?:`)
		for i, sub := range re.Sub {
			if i > 0 && re.Op == syntax.OpAlternate {
				b.WriteString(`|`)
			}
			if !writeRegexp(b, sub) {
				return false
			}
		}
		b.WriteString(`)`)
	default:
		return false
	}
	return true
}

// writeRune writes r so that it stands for itself in and out of a class.
func writeRune(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
		b.WriteRune(r)
		return
	}
	b.WriteString(`\x{`)
	b.WriteString(strconv.FormatInt(int64(r), 16))
	b.WriteString(`}`)
}
