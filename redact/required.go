package redact

import (
	"regexp/syntax"
	"strings"
)

// Required literals. Some patterns run a regexp on every occurrence of a
// keyword that is common in clean text, such as "curl" in a user agent,
// while a match also needs another literal nearby ("-u" or "--user"). A
// try whose reach holds none of those literals cannot match, and finding
// that out costs a substring search instead of a regexp run over a view
// that may then be extended (see try).

// requiredSet returns literals one of which every match of expr contains,
// chosen to say the most beyond the pattern's keywords, or nil.
func requiredSet(expr string, keywords []string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	var best []string
	for _, set := range requiredSets(re) {
		if mentionsKeyword(set, keywords) {
			continue
		}
		if best == nil || shortest(set) > shortest(best) {
			best = set
		}
	}
	return best
}

// requiredSets lists alternative-sets of literals, each of which a match
// of re must contain one member of.
func requiredSets(re *syntax.Regexp) [][]string {
	if set, ok := exactSet(re); ok {
		if shortest(set) > 0 {
			return [][]string{set}
		}
		return nil
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return requiredSets(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredSets(re.Sub[0])
		}
	case syntax.OpConcat:
		// Runs of subexpressions that match a few fixed strings are
		// joined: the parser factors "-u|--user" into "-(?:u|-user)".
		var out [][]string
		run := []string{""}
		flush := func() {
			if shortest(run) > 0 {
				out = append(out, run)
			}
			run = []string{""}
		}
		for _, sub := range re.Sub {
			if set, ok := exactSet(sub); ok {
				if joined, ok := product(run, set); ok {
					run = joined
					continue
				}
				flush()
				run = set
				continue
			}
			flush()
			out = append(out, requiredSets(sub)...)
		}
		flush()
		return out
	case syntax.OpAlternate:
		var union []string
		for _, sub := range re.Sub {
			sets := requiredSets(sub)
			if len(sets) == 0 {
				return nil
			}
			// The branch's most selective set stands for it.
			b := sets[0]
			for _, set := range sets[1:] {
				if shortest(set) > shortest(b) {
					b = set
				}
			}
			union = append(union, b...)
		}
		return [][]string{union}
	}
	return nil
}

// maxExact bounds the strings of an exact set.
const maxExact = 16

// exactSet returns the few strings re matches, when it matches only a few
// fixed strings (case-sensitively).
func exactSet(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if len(set) == 4 {
					return nil, false
				}
				set = append(set, string(c))
			}
		}
		return set, len(set) > 0
	case syntax.OpCapture:
		return exactSet(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exactSet(re.Sub[0])
		if !ok || len(set) >= maxExact {
			return nil, false
		}
		return append([]string{""}, set...), true
	case syntax.OpConcat:
		run := []string{""}
		for _, sub := range re.Sub {
			set, ok := exactSet(sub)
			if !ok {
				return nil, false
			}
			if run, ok = product(run, set); !ok {
				return nil, false
			}
		}
		return run, true
	case syntax.OpAlternate:
		var union []string
		for _, sub := range re.Sub {
			set, ok := exactSet(sub)
			if !ok || len(union)+len(set) > maxExact {
				return nil, false
			}
			union = append(union, set...)
		}
		return union, true
	}
	return nil, false
}

// product is every a+b, if there are few enough.
func product(as, bs []string) ([]string, bool) {
	if len(as)*len(bs) > maxExact {
		return nil, false
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return out, true
}

func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// mentionsKeyword reports whether every literal of set holds a keyword:
// the prefilter has already seen one then, and the set tells nothing new.
func mentionsKeyword(set, keywords []string) bool {
	for _, s := range set {
		ls, found := asciiLower(s), false
		for _, k := range keywords {
			if strings.Contains(ls, asciiLower(k)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// holdsAny reports whether s contains a member of set.
func holdsAny(s string, set []string) bool {
	for _, lit := range set {
		if strings.Contains(s, lit) {
			return true
		}
	}
	return false
}
