// Package zerologredact removes secrets from github.com/rs/zerolog output.
//
// Wrap the writer a logger writes to, once, at the root:
//
//	r := redact.MustNew()
//	log := zerolog.New(zerologredact.NewWriter(os.Stdout, r)).With().Timestamp().Logger()
//
// An existing logger is re-wrapped with [zerolog.Logger.Output], which keeps
// its level, hooks and the fields attached with With():
//
//	log = log.Output(zerologredact.NewWriter(os.Stdout, r))
//
// # Why a writer and not a hook
//
// A zerolog Hook runs before the message is added and cannot read or
// change what the event already holds: fields are encoded into a private
// buffer as they are added, and a hook can only append more fields or
// discard the event (rs/zerolog#300, also #43, #93, #637). A hook therefore
// cannot redact, and this package offers none. What it offers sees every
// byte zerolog produces: a [zerolog.LevelWriter] that rewrites each encoded
// event before passing it on.
//
// # What the writer protects
//
// Each event is rewritten by [redact.Redactor.AppendJSON]: the values of
// sensitive keys ("password", "apiKey", "X-Api-Key", "token", ...) are
// replaced whole whatever their JSON type, and every string (message,
// field values, keys, array elements, nested objects from Dict, Interface
// or RawJSON, the context added with With(), JSON held in a string) is
// scanned by the patterns with JSON escapes understood. This covers every
// field method: Str, Strs, Bytes, Stringer, Err, Errs, Interface/Any, Dict,
// RawJSON, Msg and Msgf. Values that zerolog encodes beyond recognition,
// such as Hex, are only protected by their key.
//
// An event with nothing to redact is written byte for byte as zerolog made
// it, without allocating; an event with a secret changes only the secret.
//
// # Input that is not a JSON event
//
// zerolog built with the binary_log tag writes CBOR, which this writer
// cannot rewrite: it passes CBOR through unchanged, unredacted. A JSON
// event that does not parse (RawJSON given invalid JSON can cause one) is
// redacted as text by the patterns, since it cannot be redacted key by key;
// it is neither dropped nor passed on unredacted. Several JSON lines written
// at once are redacted line by line. Other text written to the writer
// directly is redacted as text too.
//
// # Where to put it
//
// The writer goes between zerolog and the destination, in front of anything
// that formats or ships events: zerolog.ConsoleWriter (which parses the
// JSON itself), zerolog.MultiLevelWriter (put one writer in front of the
// tee so that every destination gets redacted events), or a diode writer
// (in front of the diode, redaction runs on the logging goroutine; behind
// it, on the diode's reader goroutine). Fields already attached to a logger
// with With() are redacted on every event, whenever the writer was put in
// place.
package zerologredact
