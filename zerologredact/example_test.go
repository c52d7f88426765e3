//go:build !binary_log

package zerologredact_test

import (
	"encoding/json"
	"net/url"
	"os"
	"strings"

	"github.com/rs/zerolog"

	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zerologredact"
)

func ExampleNewWriter() {
	r := redact.MustNew()
	log := zerolog.New(zerologredact.NewWriter(os.Stdout, r)) // no timestamp: deterministic output

	pw := "s3cr3t" + "-pw" // built at run time, like every test secret
	log.Info().Str("user", "bob").Str("password", pw).Int("attempt", 2).Msg("connecting to postgres://app:" + pw + "@db:5432/orders")
	log.Info().Str("path", "/healthz").Msg("clean events are written as they are")
	// Output:
	// {"level":"info","user":"bob","password":"[REDACTED]","attempt":2,"message":"connecting to postgres://app:[REDACTED]@db:5432/orders"}
	// {"level":"info","path":"/healthz","message":"clean events are written as they are"}
}

// Re-wrap an existing logger with Output: its level and With() context are
// kept, and the context is redacted too.
func ExampleNewWriter_output() {
	existing := zerolog.New(os.Stderr).With().Str("api_key", "k-"+"12345").Str("service", "orders").Logger()

	log := existing.Output(zerologredact.NewWriter(os.Stdout, nil))
	log.Warn().Msg("retrying")
	// Output:
	// {"level":"warn","api_key":"[REDACTED]","service":"orders","message":"retrying"}
}

// Put the writer in front of a ConsoleWriter, which parses JSON events
// itself.
func ExampleNewWriter_console() {
	console := zerolog.ConsoleWriter{Out: os.Stdout, NoColor: true, PartsExclude: []string{zerolog.TimestampFieldName}}
	log := zerolog.New(zerologredact.NewWriter(console, nil))

	log.Error().Str("auth_token", "t-"+"98765").Msg("login failed")
	// Output:
	// ERR login failed auth_token=[REDACTED]
}

// Wrap a Stringer whose String may panic: zerolog calls it while the field
// is added, before the Writer sees anything.
func ExampleSafe() {
	log := zerolog.New(zerologredact.NewWriter(os.Stdout, nil))

	var peer *url.URL // nil: its String method panics
	log.Info().Stringer("peer", zerologredact.Safe(peer)).Msg("accepted")
	// Output:
	// {"level":"info","peer":"[REDACTED]","message":"accepted"}
}

// A writer chain that splits events (a bufio.Writer in front, io.Copy) is
// reassembled line by line; Flush writes a line still held at shutdown.
func ExampleWriter_Flush() {
	w := zerologredact.NewWriter(os.Stdout, redact.MustNew())
	_, _ = w.Write([]byte(`{"level":"info","pass`))
	_, _ = w.Write([]byte(`word":"s3cr3t-pw"`))
	_, _ = w.Write([]byte(`,"message":"login"}`))
	_ = w.Flush()
	// Output:
	// {"level":"info","password":"[REDACTED]","message":"login"}
}

// The walker's encoders let the adapter see Go values before
// encoding/json writes them: bytes it would hide as base64, struct tags,
// methods that panic.
func ExampleInterfaceMarshalFunc() {
	r := redact.MustNew()
	zerolog.InterfaceMarshalFunc = zerologredact.InterfaceMarshalFunc(r)
	zerolog.ErrorMarshalFunc = zerologredact.ErrorMarshalFunc(r)
	defer func() { // for the other examples; a program keeps them
		zerolog.InterfaceMarshalFunc = json.Marshal
		zerolog.ErrorMarshalFunc = func(err error) any { return err }
	}()
	type request struct {
		Path string
		Body []byte
		PIN  string `redact:"true"`
	}
	log := zerolog.New(zerologredact.NewWriter(os.Stdout, r))
	log.Info().Interface("req", request{Path: "/login", Body: []byte("token " + "ghp_" + strings.Repeat("x1Y2", 9)), PIN: "4711"}).Msg("received")
	// Output: {"level":"info","req":{"Path":"/login","Body":"token [REDACTED]","PIN":"[REDACTED]"},"message":"received"}
}
