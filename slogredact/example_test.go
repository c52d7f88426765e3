package slogredact_test

import (
	"log/slog"
	"os"

	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/slogredact"
)

// dropTime removes the time so the example's output is deterministic.
func dropTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	return a
}

func ExampleNewHandler() {
	r := redact.MustNew()
	inner := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: dropTime})
	logger := slog.New(slogredact.NewHandler(inner, r))

	pw := "hunter2-" + "Qz8" // built at run time, like every test secret
	logger.With("service", "orders").Info("connecting",
		"dsn", "postgres://app:"+pw+"@db:5432/orders",
		// "auth" is a weak name: the keys inside the group decide.
		slog.Group("auth", "user", "ada", "password", pw),
		// "credentials" is a strong name: the whole group is masked.
		slog.Group("credentials", "user", "ada", "pin", "4711"),
	)
	// Output:
	// {"level":"INFO","msg":"connecting","service":"orders","dsn":"postgres://app:[REDACTED]@db:5432/orders","auth":{"user":"ada","password":"[REDACTED]"},"credentials":"[REDACTED]"}
}

func ExampleReplaceAttr() {
	rep := slogredact.ReplaceAttr(nil) // nil: the default Redactor
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			return rep(groups, dropTime(groups, a))
		},
	}))

	pw := "hunter2-" + "Qz8"
	logger.Info("login with password="+pw, "user", "ada", "apiKey", "k-"+pw)
	// Output:
	// level=INFO msg="login with password=[REDACTED]" user=ada apiKey=[REDACTED]
}

// A struct holding a secret is written by the TextHandler as its redacted
// map (JSON names, sorted keys), not in fmt's "{Name:… Password:…}" shape;
// a clean one is written as the bare handler writes it. Struct tags and
// redact.Secret are honoured.
func ExampleNewHandler_textHandler() {
	type Account struct {
		Name     string
		Password string
		PIN      string `redact:"true"`
		Vault    redact.Secret[string]
	}
	inner := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: dropTime})
	logger := slog.New(slogredact.NewHandler(inner, redact.MustNew()))

	pw := "hunter2-" + "Qz8"
	logger.Info("login", "acct", Account{Name: "ada", Password: pw, PIN: "4711", Vault: redact.NewSecret(pw)})
	logger.Info("login", "acct", Account{Name: "bob"})
	// Output:
	// level=INFO msg=login acct="map[Name:ada PIN:[REDACTED] Password:[REDACTED] Vault:[REDACTED]]"
	// level=INFO msg=login acct="{Name:bob Password: PIN: Vault:[REDACTED]}"
}
