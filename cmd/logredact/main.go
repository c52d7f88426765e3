// Command logredact copies log lines from standard input (or the files it is
// given) to standard output with secrets redacted: passwords, bearer tokens,
// API keys, private keys, credentials in URLs, and the values of sensitive
// fields in JSON and logfmt lines.
//
//	tail -f app.log | logredact
//	kubectl logs deploy/api | logredact --replace label
//	journalctl -o json -f | logredact --stats
//	logredact --check ci.log >/dev/null || echo "secrets in the CI log"
//	logredact --in-place app.log        # or -o OUT, or --diff to see what changes
//	logredact scan --report sarif -o logredact.sarif logs/
//	go run ./cmd/logredact --demo
//
// `logredact scan` is the CI gate: it walks files and directories (gzip
// and UTF-16 read, binary files skipped) and reports path, line, column
// and rule of every secret the filter would redact, never the secret, as
// text, JSON or SARIF 2.1.0.
//
// Each line is redacted by its own format (JSON object, logfmt or plain
// text); lines with nothing to redact are written byte for byte. Run
// `logredact -h` for every flag.
//
// Memory is bounded by the longest line held whole, not by the input or the
// number of workers: peak RSS stays near 4 × --max-line + 64 MiB (a soft
// limit of the Go heap unless $GOMEMLIMIT is set; the default --max-line,
// 64 MiB, gives 320 MiB). A line longer than --max-line is redacted as text
// in overlapping windows.
//
// Exit status: 0 on success, 1 when reading or writing failed (or an input
// could not be read as text under --check or scan), 2 for a bad flag or
// configuration, 3 under --check, --diff or scan when anything was (or
// would be) redacted. A
// broken pipe on standard output (the reader went away, as with `| head`)
// ends the run quietly with the status it would have had at that point.
package main

import (
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	// Turn SIGPIPE into EPIPE errors, which run treats as a quiet end of
	// output, instead of dying by the signal (status 141 in shells).
	signal.Ignore(syscall.SIGPIPE)
	limitMemory = true
	// Building the redactor allocates a few MiB of tables that live for
	// the whole run; collecting garbage while they are built costs about
	// a fifth of start-up. run turns the collector back on once they are.
	startupGC = debug.SetGCPercent(-1)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
