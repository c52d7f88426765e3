package redact

import (
	"errors"
	"regexp/syntax"
	"strconv"
	"strings"
)

// regexProblem explains why Go's RE2 rejects expr. unsupported is set when
// the fault is a construct that backtracking engines (PCRE, Perl, Java,
// .NET, JavaScript) accept: lookahead and lookbehind, backreferences,
// atomic groups, possessive quantifiers, inline flags other than i, m, s
// and U, and escapes such as \Z, \G or \K. Rules written for gitleaks
// before it used RE2, or copied from other scanners, use them. Any other
// fault, a missing ')' say, is a mistake in every engine.
//
// The cause names the construct and quotes the fragment the parser
// stopped at, never the whole expression.
func regexProblem(expr string) (unsupported bool, cause string) {
	_, err := syntax.Parse(expr, syntax.Perl)
	if err == nil {
		return false, "it is not accepted by Go's regexp package"
	}
	var se *syntax.Error
	if !errors.As(err, &se) {
		return false, err.Error()
	}
	frag := se.Expr
	if len(frag) > 24 {
		frag = frag[:24] + "…"
	}
	quoted := strconv.Quote(frag)
	switch se.Code {
	case syntax.ErrInvalidPerlOp:
		switch {
		case strings.HasPrefix(se.Expr, "(?="), strings.HasPrefix(se.Expr, "(?!"):
			return true, "lookahead " + quoted
		case strings.HasPrefix(se.Expr, "(?<="), strings.HasPrefix(se.Expr, "(?<!"):
			return true, "lookbehind " + quoted
		case strings.HasPrefix(se.Expr, "(?>"):
			return true, "an atomic group " + quoted
		case strings.HasPrefix(se.Expr, "(?P"), strings.HasPrefix(se.Expr, "(?&"):
			return true, "a backreference " + quoted
		case strings.HasPrefix(se.Expr, "(?#"):
			return true, "a comment group " + quoted
		case strings.HasPrefix(se.Expr, "(?"):
			return true, "an inline flag or group " + quoted
		}
	case syntax.ErrInvalidNamedCapture:
		if strings.HasPrefix(se.Expr, "(?<=") || strings.HasPrefix(se.Expr, "(?<!") {
			return true, "lookbehind " + strconv.Quote(se.Expr[:4])
		}
	case syntax.ErrInvalidEscape:
		if len(se.Expr) >= 2 && se.Expr[0] == '\\' {
			switch c := se.Expr[1]; {
			case '1' <= c && c <= '9', c == 'k', c == 'g':
				return true, "a backreference " + quoted
			case strings.IndexByte("ZGKhHRXvVNQEe", c) >= 0:
				return true, "the escape " + quoted
			}
		}
	case syntax.ErrInvalidRepeatOp:
		if strings.HasSuffix(se.Expr, "+") {
			return true, "a possessive quantifier " + quoted
		}
	}
	if frag == "" {
		return false, se.Code.String()
	}
	return false, se.Code.String() + " " + quoted
}
