package main

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// A flagGroup is a heading of the help and the flags under it, in order.
// Help lists flags by group, as ripgrep's does, with two dashes; "-o" is
// the one short alias and is shown with its long name.
type flagGroup struct {
	title string
	names []string
}

// shortAlias maps a long flag to its one-letter alias.
var shortAlias = map[string]string{"output": "o"}

// printFlags writes the flags of groups as fs defines them.
func printFlags(w io.Writer, fs *flag.FlagSet, groups []flagGroup) {
	for _, g := range groups {
		fmt.Fprintf(w, "\n%s:\n", g.title)
		for _, name := range g.names {
			f := fs.Lookup(name)
			if f == nil {
				continue
			}
			arg, usage := flag.UnquoteUsage(f)
			head := "--" + name
			if s, ok := shortAlias[name]; ok {
				head = "-" + s + ", " + head
			}
			if arg != "" {
				head += " " + arg
			}
			if d := f.DefValue; d != "" && d != "false" && d != "0" {
				usage += " (default " + d + ")"
			}
			fmt.Fprintf(w, "  %s\n", head)
			for _, l := range wrap(usage, 72) {
				fmt.Fprintf(w, "      %s\n", l)
			}
		}
	}
}

// wrap breaks s into lines of at most width bytes at blanks.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// singleDash finds flag names as the flag package writes them in errors
// ("-workers"), to be shown as they are documented ("--workers").
var singleDash = regexp.MustCompile(`(^|[\s:])-([a-z][a-z0-9-]+)`)

// flagError rewrites an error of the flag package for people: flags with
// two dashes, and a pointer to the help.
func flagError(w io.Writer, err error, cmd string) {
	msg := singleDash.ReplaceAllString(err.Error(), "$1--$2")
	fmt.Fprintf(w, "logredact: %s\nRun '%s -h' for usage.\n", msg, cmd)
}
