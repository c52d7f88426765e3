package zerologredact

import (
	"encoding/json"

	"github.com/logredact/logredact/internal/structval"
	"github.com/logredact/logredact/redact"
)

// InterfaceMarshalFunc returns an encoder for zerolog.InterfaceMarshalFunc
// that passes every value logged with Interface, Any, Fields or a
// context's Interface through the value walker the other adapters use, so
// zerolog gets for these values what slog, zap and logrus get:
//
//	zerolog.InterfaceMarshalFunc = zerologredact.InterfaceMarshalFunc(r)
//
// A nil r means the default Redactor of [NewWriter].
//
// The rules it follows, beyond what the [Writer] does with the JSON it
// returns:
//
//   - A value with nothing to redact and no method of the program to call
//     is encoded by encoding/json, as zerolog's default encoder does: the
//     bytes are the same.
//   - A []byte inside a struct or map, which encoding/json hides as
//     base64, is checked as the text of its bytes; a dirty one is written
//     as its redacted text.
//   - Struct tags are honoured: `redact:"true"` masks a field,
//     `redact:"-"` drops it (the tag key is r's [redact.Redactor.StructTag]),
//     and a [redact.Secret] is masked wherever it sits.
//   - A MarshalJSON, String or Error method that panics, a pointer cycle
//     and a value nested too deep become the marker at that point; the log
//     call completes.
//
// zerolog keeps one encoder for the whole process, so set it once, at
// start-up, next to the Writer. The Writer still protects every event
// without it; what it adds is what only the walker can see in the Go
// value before encoding/json writes it.
func InterfaceMarshalFunc(r *redact.Redactor) func(v any) ([]byte, error) {
	if r == nil {
		r = defaultRedactor()
	}
	w := structval.For(r)
	return func(v any) ([]byte, error) {
		out, changed := w.Value(v, "", redact.KeyNotSensitive, structval.JSON)
		if raw, ok := out.(json.RawMessage); ok && changed {
			return raw, nil
		}
		// Either v unchanged, which calls no method of the program, so
		// encoding/json cannot panic on it (an unsupported type is its
		// error, which zerolog writes in place of the value, as without
		// the walker), or a replacement made of plain values.
		return json.Marshal(out)
	}
}

// ErrorMarshalFunc returns an encoder for zerolog.ErrorMarshalFunc that
// replaces every error logged with Err, AnErr or Errs by the walker's
// stand-in, the one the other adapters log:
//
//	zerolog.ErrorMarshalFunc = zerologredact.ErrorMarshalFunc(r)
//
// A nil r means the default Redactor of [NewWriter].
//
// The stand-in's Error is the original's text, redacted, read once; a
// panic in the original's Error becomes the marker instead of reaching
// the caller of the log call. errors.Is still sees through it. An error
// made by errors.New or fmt.Errorf with nothing to redact is passed on as
// it is. Set it once, at start-up, as zerolog keeps one for the process.
func ErrorMarshalFunc(r *redact.Redactor) func(err error) any {
	if r == nil {
		r = defaultRedactor()
	}
	w := structval.For(r)
	return func(err error) any {
		if err == nil {
			return nil
		}
		red, _ := w.Error(err, "", redact.KeyNotSensitive)
		return red
	}
}
