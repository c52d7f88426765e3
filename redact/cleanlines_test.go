package redact_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/cases"
	"github.com/logredact/logredact/redact"
)

// TestCleanLinesVouchesOnlyForUnchangedLines: a line CleanLines vouches
// for is left as it is by every entry point; lines with secrets are never
// vouched for; the prefix ends where the first such line starts.
func TestCleanLinesVouchesOnlyForUnchangedLines(t *testing.T) {
	r := redact.MustNew()
	var lines []string
	lines = append(lines, cases.NearMisses()...)
	for _, c := range cases.All() {
		lines = append(lines, c.Input)
	}
	lines = append(lines, `{"level":"info","msg":"ok"}`, "plain text line", "50% done", `path C:\temp`, "")
	vouched := 0
	for _, l := range lines {
		l = strings.ReplaceAll(l, "\n", " ")
		if r.CleanLines([]byte(l)) != len(l) {
			continue
		}
		vouched++
		assert.Equal(t, l, r.String(l), "String changed a vouched line")
		assert.Equal(t, l, string(r.AppendBytes(nil, []byte(l))), "AppendBytes changed a vouched line")
		assert.Nil(t, r.Find(l))
		if json.Valid([]byte(l)) {
			out, err := r.AppendJSON(nil, []byte(l))
			require.NoError(t, err)
			assert.Equal(t, l, string(out))
		}
	}
	assert.Greater(t, vouched, 10)
	for _, c := range cases.All() {
		assert.Less(t, r.CleanLines([]byte(c.Input)), len(c.Input)+1, c.Pattern)
		if !strings.Contains(c.Input, "\n") {
			assert.Zero(t, r.CleanLines([]byte(c.Input)), "pattern %s: a line with a secret vouched for", c.Pattern)
		}
	}
	block := "clean one\nclean two\npassword=" + "Xy7" + "-secret-value\nclean three\n"
	assert.Equal(t, len("clean one\nclean two\n"), r.CleanLines([]byte(block)))
}

func ExampleRedactor_CleanLines() {
	r := redact.MustNew()
	in := []byte("GET /healthz 200\nGET /login?password=" + "hunter2-secret" + " 302\nGET /metrics 200\n")
	n := r.CleanLines(in)
	fmt.Printf("%q can be written as it is\n", in[:n])
	// Output: "GET /healthz 200\n" can be written as it is
}

// TestCleanLinesGluedKeyWords: a key name's last word inside a longer word
// does not stop a line from being clean, where it cannot end a key; where
// it can, the line is looked at closely. (Words that patterns use as
// keywords, such as "token" and "secret", count wherever they are.)
func TestCleanLinesGluedKeyWords(t *testing.T) {
	r := redact.MustNew()
	val := "Zq7" + "xW9vK2mN4pL8"
	for _, l := range []string{
		"payment authorized for order 42",
		"Accepted publickey for deploy from 10.0.0.1 port 22 ssh2",
		"monkey patching the keyboard driver",
		"the passage bypass compass",
		`{"msg":"oauth flow authorized","keystroke":3}`,
	} {
		assert.Equal(t, len(l), r.CleanLines([]byte(l)), "%q should be clean", l)
	}
	for _, l := range []string{
		"auth=" + val,
		"publicKey: " + val,
		"pgpassword=" + val,
		"dbpassword " + val,
		"monkey_password=" + val,
		"apiKey=" + val,
		"PASSWORD=" + val,
		"password2=" + val,
		"passwordConfirm=" + val,
		`{"api_key":"` + val + `"}`,
		"key: " + val,
		"x-auth-token " + val,
		"authorized then auth=" + val,
	} {
		assert.Zero(t, r.CleanLines([]byte(l)), "%q must be looked at", l)
	}
}

// TestCleanLinesGluedPromise: lines built at random from key words glued to
// other words, in every case, next to separators and assignment operators
// and credential-like values. Whenever CleanLines vouches for one, every
// entry point leaves it as it is: the glue rule is sound for the grammar
// and the key checks as they are.
func TestCleanLinesGluedPromise(t *testing.T) {
	r := redact.MustNew()
	rng := rand.New(rand.NewPCG(7, 8))
	words := []string{"key", "auth", "token", "pass", "password", "secret", "session", "cookie", "pwd", "passwd",
		"apikey", "creds", "credential", "ticket", "sid", "signature", "passphrase"}
	glue := []string{"", "", "public", "o", "db", "pg", "my", "x", "2", "s", "ed", "ize", "board", "y", "ary", "Confirm", "_confirm", "Again", "s2", "New"}
	ops := []string{"=", ": ", ":", " = ", "\":\"", "\"=>\"", " ", "=\"", "'='", "&", "?"}
	seps := []string{" ", "_", "-", ".", "", "/", ","}
	vouched := 0
	for range 20000 {
		var b strings.Builder
		for k := 0; k < 1+rng.IntN(3); k++ {
			w := words[rng.IntN(len(words))]
			switch rng.IntN(3) {
			case 1:
				w = strings.ToUpper(w)
			case 2:
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(seps[rng.IntN(len(seps))])
			b.WriteString(glue[rng.IntN(len(glue))])
			b.WriteString(w)
			b.WriteString(glue[rng.IntN(len(glue))])
			b.WriteString(ops[rng.IntN(len(ops))])
			b.WriteString(strconv.FormatUint(rng.Uint64(), 36) + "Qz" + strconv.FormatUint(rng.Uint64(), 36))
		}
		l := b.String()
		docs := []string{l, `{"` + strings.ReplaceAll(l, `"`, "") + `":"v"}`, `{"m":"` + strings.ReplaceAll(l, `"`, "") + `"}`}
		for _, d := range docs {
			if r.CleanLines([]byte(d)) != len(d) {
				continue
			}
			vouched++
			require.Equal(t, d, r.String(d), "String changed a vouched line")
			require.Equal(t, d, string(r.AppendBytes(nil, []byte(d))), "AppendBytes changed a vouched line")
			require.Nil(t, r.Find(d), "%q", d)
			if json.Valid([]byte(d)) {
				out, err := r.AppendJSON(nil, []byte(d))
				require.NoError(t, err)
				require.Equal(t, d, string(out))
			}
		}
	}
	assert.Greater(t, vouched, 1000)
}
