package main

import (
	"fmt"
	"io"

	"github.com/logredact/logredact/redact"
)

// loadConfig reads the rules file named by --config. Warnings (rules
// skipped under --skip-unsupported-rules, ignored fields) go to stderr;
// errors name the file, line and rule, and never hold matched text.
func loadConfig(path string, strict, skipUnsupported bool, stderr io.Writer) ([]redact.Option, error) {
	opts, err := redact.LoadConfig(path, &redact.ConfigOptions{
		Strict:          strict,
		SkipUnsupported: skipUnsupported,
		Warn:            func(msg string) { fmt.Fprintf(stderr, "logredact: warning: %s\n", msg) },
	})
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return opts, nil
}
