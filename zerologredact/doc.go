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
// such as Hex, are only protected by their key; so is a []byte inside a
// struct or map given to Interface, which encoding/json writes as base64,
// unless the walker's encoders are installed (see below).
//
// An event with nothing to redact is written byte for byte as zerolog made
// it, without allocating; an event with a secret changes only the secret.
//
// # Split writes
//
// zerolog writes each event with one call, ending in a newline. A writer
// chain in front of this one (a bufio.Writer, io.Copy, a custom writer)
// may split an event across calls; the Writer then treats its input as a
// stream of lines: it holds an incomplete last line, up to 1 MiB, and
// redacts it whole when a later write ends it, so no part of a secret
// escapes because of where a write was cut. A held line longer than 1 MiB
// is redacted as text in pieces and written (never dropped); [Writer.Flush]
// and [Writer.Close] write what is held. Holding costs a mutex, taken only
// by writes that do not end a line or that follow one that did not: whole
// events take no lock and cost no allocation. One stream is reassembled
// per Writer: goroutines that each write part of their own event to one
// Writer, unsynchronised, already interleave its lines, as they would
// without it.
//
// # Input that is not a JSON event
//
// A JSON event that does not parse (RawJSON given invalid JSON can cause
// one) is redacted as text by the patterns, since it cannot be redacted
// key by key; it is neither dropped nor passed on unredacted. Several JSON
// lines written at once are redacted line by line. Other text written to
// the writer directly is redacted as text too, and so, without the
// binary_log tag, is input that starts with CBOR's map byte 0xbf.
//
// # CBOR (the binary_log build tag)
//
// zerolog built with the binary_log tag writes CBOR. This package, built
// with the same tag, reads a write that starts with 0xbf and ends with
// 0xff, while no line is held, as one of zerolog's CBOR events and redacts
// it item by item: a value under a sensitive key is replaced whole by the
// mask, as a text string (null, the empty string and Interface(nil) are
// kept); every text and byte string, keys included, is scanned by the
// patterns and re-encoded with its new length if it changes (byte strings
// such as Bytes, Hex or an IP address are scanned as text); embedded JSON
// (Interface, RawJSON) is rewritten by [redact.Redactor.AppendJSON]; and
// embedded CBOR (RawCBOR) is walked the same way. An event with nothing to
// redact is written as it is, without allocating. What CBOR does not get:
// AppendJSON's extra view of a key and its string value read together as
// text ("client_key":"..."), which some key-named rules need. Input that
// is not well-formed CBOR, or nests deeper than 1000 items, is redacted as
// text instead, which can break its framing but never passes a secret on;
// so is a CBOR event split across writes. Built without the tag, nothing
// is taken for CBOR.
//
// # Methods zerolog calls: String, Error, MarshalJSON
//
// zerolog calls a value's String (Stringer, Stringers), Error (Err, Errs,
// AnErr), MarshalJSON (Interface, Any) and MarshalZerologObject (Object,
// EmbedObject) as the field is added, in the caller's goroutine, before
// this writer sees anything. A panic in one of them therefore reaches the
// caller of the field method, as it does without this package; the writer
// cannot recover it. Wrap a Stringer that may panic with [Safe], which
// recovers the panic and logs the mask instead.
//
// # The walker's encoders
//
// For Interface, Any, Fields, Err, AnErr and Errs, zerolog asks two
// process-wide functions, zerolog.InterfaceMarshalFunc and
// zerolog.ErrorMarshalFunc, to encode the value. [InterfaceMarshalFunc] and
// [ErrorMarshalFunc] put the value walker the slog, zap and logrus adapters
// use in their place, so those values get the same decisions as there: a
// []byte in a struct is read as text before encoding/json turns it into
// base64, struct tags and [redact.Secret] are honoured, and a panicking
// MarshalJSON or Error, a pointer cycle or a value nested too deep becomes
// the marker instead of reaching the caller. Install both at start-up:
//
//	zerolog.InterfaceMarshalFunc = zerologredact.InterfaceMarshalFunc(r)
//	zerolog.ErrorMarshalFunc = zerologredact.ErrorMarshalFunc(r)
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
