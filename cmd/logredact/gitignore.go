package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// ignoreRules are the patterns of the .gitignore files met on the way
// down a walk (scan --gitignore), as git reads them: blank lines and '#'
// comments skipped, '!' re-includes, a trailing '/' matches directories
// only, a pattern with a '/' elsewhere is relative to its file's
// directory, any other matches a name at any depth below it; '*', '?',
// '[…]' and '**' as in git. The last matching pattern decides, and a file
// in an ignored directory is not looked at, as with git. Global excludes
// (core.excludesFile, .git/info/exclude) are not read.
type ignoreRules struct {
	rules []ignoreRule
}

type ignoreRule struct {
	base    string // slash path of the .gitignore's directory, relative to the walk root
	re      *regexp.Regexp
	negate  bool
	dirOnly bool
}

// load adds the rules of dir/.gitignore, if there is one; rel is dir
// relative to the walk root ("." for the root).
func (ig *ignoreRules) load(dir, rel string) {
	f, err := os.Open(filepath.Join(dir, ".gitignore"))
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if r, ok := parseIgnore(sc.Text()); ok {
			r.base = filepath.ToSlash(rel)
			ig.rules = append(ig.rules, r)
		}
	}
}

// ignored reports whether the file or directory at rel (relative to the
// walk root) is ignored by the rules loaded so far.
func (ig *ignoreRules) ignored(rel string, dir bool) bool {
	rel = filepath.ToSlash(rel)
	out := false
	for _, r := range ig.rules {
		if r.dirOnly && !dir {
			continue
		}
		sub := rel
		if r.base != "." {
			if !strings.HasPrefix(rel, r.base+"/") {
				continue
			}
			sub = rel[len(r.base)+1:]
		}
		if r.re.MatchString(sub) {
			out = !r.negate
		}
	}
	return out
}

// parseIgnore reads one line of a .gitignore file.
func parseIgnore(line string) (ignoreRule, bool) {
	line = strings.TrimRight(line, "\r")
	// Trailing blanks are dropped unless escaped with a backslash.
	for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, "\\ ") {
		line = line[:len(line)-1]
	}
	if line == "" || line[0] == '#' {
		return ignoreRule{}, false
	}
	var r ignoreRule
	switch {
	case line[0] == '!':
		r.negate, line = true, line[1:]
	case strings.HasPrefix(line, `\!`), strings.HasPrefix(line, `\#`):
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		r.dirOnly, line = true, strings.TrimRight(line, "/")
	}
	if line == "" {
		return ignoreRule{}, false
	}
	anchored := strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	expr := globRegexp(line)
	if anchored {
		expr = "^" + expr + "$"
	} else {
		expr = "(?:^|/)" + expr + "$"
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return ignoreRule{}, false
	}
	r.re = re
	return r, true
}

// globRegexp turns a gitignore glob into a regular expression.
func globRegexp(g string) string {
	var b strings.Builder
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case strings.HasPrefix(g[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(g[i:], "/**") && i+3 == len(g):
			b.WriteString("/.*")
			i += 2
		case strings.HasPrefix(g[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			j := strings.IndexByte(g[i+1:], ']')
			if j < 0 {
				b.WriteString(`\[`)
				continue
			}
			class := g[i+1 : i+1+j]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += j + 1
		case c == '\\' && i+1 < len(g):
			i++
			b.WriteString(regexp.QuoteMeta(g[i : i+1]))
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	return b.String()
}
