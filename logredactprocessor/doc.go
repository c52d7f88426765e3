// Package logredactprocessor is an OpenTelemetry Collector processor that
// strips secrets — passwords, tokens, API keys, private keys, credentials in
// URLs — from logs, traces and metrics, with logredact's engine (package
// redact): the built-in catalog of named patterns, key-aware redaction of
// attributes and structured bodies, JSON inside strings rewritten as JSON,
// gitleaks rules files, and the mask, label, partial and hmac modes.
//
// Add it to a collector built with the OpenTelemetry Collector Builder and
// configure it under the type "logredact":
//
//	processors:
//	  logredact:
//	    mode: label
//	    summary: info
//
// The rules it follows:
//
//   - Only secrets are replaced, in place. A record, span or data point with
//     nothing to redact is not copied, re-encoded or otherwise changed; the
//     common case costs one keyword scan per string.
//   - Values under sensitive keys ("password", "authorization", "api_key" …)
//     are replaced whole, whatever their type; every other string is scanned
//     by the patterns (see walker for the details).
//   - The processor never panics a pipeline: a failure inside redaction
//     replaces the value whole by the mask (fail closed).
//   - Nothing it logs or returns holds a value it redacted.
package logredactprocessor
