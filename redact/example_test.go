package redact_test

import (
	"fmt"
	"slices"
	"strings"

	"github.com/logredact/logredact/redact"
)

func ExampleNew() {
	// With no options: every built-in pattern, the default sensitive keys
	// and the mask "[REDACTED]".
	r, err := redact.New()
	if err != nil {
		panic(err)
	}
	fmt.Println(r.String("connecting to postgres://app:" + "s3cr3t-pw" + "@db.internal:5432/orders"))
	// Output:
	// connecting to postgres://app:[REDACTED]@db.internal:5432/orders
}

func ExampleRedactor_String() {
	r := redact.MustNew()
	token := "ghp_" + strings.Repeat("a1B2", 9) // built at run time, like every test secret
	fmt.Println(r.String("cloning with token " + token + " from github.com"))
	fmt.Println(r.String("GET /healthz 200 0.4ms"))
	// Output:
	// cloning with token [REDACTED] from github.com
	// GET /healthz 200 0.4ms
}

func ExampleRedactor_Field() {
	r := redact.MustNew()
	// A sensitive key hides the whole value, whatever it looks like.
	fmt.Println(r.Field("X-Api-Key", "anything"))
	// Other values are only scanned by the patterns.
	fmt.Println(r.Field("user", "alice"))
	fmt.Println(r.Field("max_tokens", "4096"))
	// Output:
	// [REDACTED]
	// alice
	// 4096
}

func ExampleRedactor_IsSensitiveKey() {
	r := redact.MustNew()
	for _, k := range []string{"apiKey", "DB_PASSWORD", "api_key_id", "prompt_tokens"} {
		fmt.Println(k, r.IsSensitiveKey(k))
	}
	// Output:
	// apiKey true
	// DB_PASSWORD true
	// api_key_id false
	// prompt_tokens false
}

func ExampleRedactor_Find() {
	r := redact.MustNew()
	line := "auth ok; token=" + "ghp_" + strings.Repeat("a1B2", 9)
	for _, m := range r.Find(line) {
		// A Match has positions, never the secret itself.
		fmt.Println(m.Start, m.End)
	}
	// Output:
	// 15 55
}

func ExampleRedactor_AppendBytes() {
	r := redact.MustNew()
	buf := make([]byte, 0, 128)
	buf = r.AppendBytes(buf, []byte("login password="+"pa55-w0rd-x"+" user=bob\n"))
	fmt.Print(string(buf))
	// Output:
	// login password=[REDACTED] user=bob
}

func ExampleWithMode() {
	token := "ghp_" + strings.Repeat("a1B2", 9)
	partial := redact.MustNew(redact.WithMode(redact.Partial))
	fmt.Println(partial.String("token " + token))
	// Output:
	// token ghp_[REDACTED]
}

func ExampleWithHMACKey() {
	// The key would come from a secret store or the environment.
	r := redact.MustNew(redact.WithHMACKey([]byte("example-key-of-32-bytes-length!!")))
	pw := "correct-horse-" + "battery"
	a := r.String("login password=" + pw)
	b := r.String("retry password=" + pw)
	// The same secret gives the same marker, so lines can be correlated.
	fmt.Println(strings.TrimPrefix(a, "login ") == strings.TrimPrefix(b, "retry "))
	fmt.Println(strings.Contains(a, pw))
	// Output:
	// true
	// false
}

func ExampleWithSensitiveKeys() {
	r := redact.MustNew(redact.WithSensitiveKeys("card_pin"))
	fmt.Println(r.Field("cardPin", "1234"))
	// Output:
	// [REDACTED]
}

func ExampleDefaultSensitiveKeys() {
	keys := redact.DefaultSensitiveKeys()
	fmt.Println(len(keys) > 20, keys[0])
	// Output:
	// true password
}

func ExampleWithObserver() {
	// Count what is redacted, per rule, without ever seeing a secret: for
	// metrics, or to fail a CI job whose logs leak (logredact --check).
	counts := map[string]int{}
	r := redact.MustNew(redact.WithObserver(func(rule string) { counts[rule]++ }))
	r.Field("password", "x-"+"Pw9-quartz")
	r.String("Authorization: Bearer " + "c2VjcmV0LXRva2VuLXZhbHVlLTEyMzQ1")
	fmt.Println(counts[redact.KeyRule], len(counts))
	// Output:
	// 1 2
}

func ExampleWithoutPatterns() {
	// Drop a built-in pattern that is too eager for an application's logs;
	// an unknown ID is an error, so a typo does not keep it active.
	_, err := redact.New(redact.WithoutPatterns("no-such-pattern"))
	fmt.Println(err)
	r := redact.MustNew(redact.WithoutPatterns("jwt"))
	fmt.Println(len(r.Patterns()) == len(redact.MustNew().Patterns())-1)
	// Output:
	// redact: WithoutPatterns: argument 1 is not a built-in pattern ID
	// true
}

// A weak key name masks only values that look like credentials: token
// counts and short words under "token" stay.
func ExampleWithWeakKeys() {
	r := redact.MustNew(redact.WithWeakKeys("ticket_ref"))
	fmt.Println(r.Field("ticket_ref", "42"))
	fmt.Println(r.Field("ticket_ref", "Zk3q9"+"XvB2mTz7LwP4nRs8YdQ"))
	// Output:
	// 42
	// [REDACTED]
}

func ExampleRedactor_MasksValue() {
	r := redact.MustNew()
	fmt.Println(r.MasksValue("password", "hunter2"))
	fmt.Println(r.MasksValue("password", "${DB_PASSWORD}"))
	fmt.Println(r.MasksValue("max_tokens", "4096"))
	fmt.Println(r.MasksValue("token", "4096"))
	// Output:
	// true
	// false
	// false
	// false
}

// JSON inside text is read key-aware, and escapes are decoded to decide.
func ExampleRedactor_String_structured() {
	r := redact.MustNew()
	fmt.Println(r.String(`2026-12-02T10:00:00Z stdout F {"user":"bob","password":"s3cr3t-pw"}`))
	fmt.Println(r.String(`GET /cb?next=https%3A%2F%2Fci%2F%3Fpass` + `word%3Ds3cr3t-pw HTTP/1.1`))
	// Output:
	// 2026-12-02T10:00:00Z stdout F {"user":"bob","password":"[REDACTED]"}
	// GET /cb?next=https%3A%2F%2Fci%2F%3Fpassword%3D[REDACTED] HTTP/1.1
}

func ExampleDefaultWeakKeys() {
	fmt.Println(slices.Contains(redact.DefaultWeakKeys(), "session"))
	// Output: true
}
