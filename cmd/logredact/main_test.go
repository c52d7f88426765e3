package main

import (
	"bufio"
	"bytes"
	crand "crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/bench/loggen"
	"github.com/logredact/logredact/redact"
)

// binary is the logredact executable built once by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "logredact-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "logredact")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building logredact:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// Test secrets are assembled at run time so no credential-shaped literal is
// committed.
var (
	ghToken  = "gh" + "p_" + spread(36)
	password = "Zq7" + "xW9" + "vK2" + "mN4pL8"
	pgURL    = "postgres://app:" + password + "@db:5432/x"
	bearer   = "ey" + "JhbGciOiJIUzI1NiJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0." + "dGhpcyBpcyBub3QgYSByZWFs"
	hmacKey  = "k" + strings.Repeat("0123456789", 3)
)

// spread returns n alphanumerics with the entropy of a real token body.
func spread(n int) string {
	const a = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = a[(i*7+3)%len(a)]
	}
	return string(b)
}

type result struct {
	stdout, stderr string
	code           int
}

// runBinary runs the built command with stdin and extra environment.
func runBinary(t testing.TB, stdin string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return result{out.String(), errb.String(), code}
}

// noHMAC clears an HMAC key the environment of the test run may hold.
var noHMAC = []string{hmacKeyEnv + "="}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
	return p
}

func TestBinaryFilter(t *testing.T) {
	tests := []struct {
		name string
		args []string
		in   string
		want string // "" with no gone: same as in
		gone []string
	}{
		{name: "empty input", in: ""},
		{
			name: "json lines",
			in: `{"level":"info","msg":"login","password":"` + password + `"}` + "\n" +
				`{"level":"info","msg":"clean","n":[1,2,{"a":null}]}` + "\n" +
				`{"req":{"headers":{"Authorization":"Bearer ` + bearer + `"}}}` + "\n",
			want: `{"level":"info","msg":"login","password":"[REDACTED]"}` + "\n" +
				`{"level":"info","msg":"clean","n":[1,2,{"a":null}]}` + "\n" +
				`{"req":{"headers":{"Authorization":"[REDACTED]"}}}` + "\n",
		},
		{
			name: "logfmt",
			in:   "time=1 level=info msg=\"db up\" secret=\"a b\" token=42 dsn=" + pgURL + "\nlevel=debug msg=clean\n",
			want: "time=1 level=info msg=\"db up\" secret=\"[REDACTED]\" token=42 dsn=postgres://app:[REDACTED]@db:5432/x\nlevel=debug msg=clean\n",
		},
		{
			name: "plain text",
			in:   "2026-11-27 INFO cloning with " + ghToken + "\nGET / HTTP/1.1 Authorization: Bearer " + bearer + "\nnothing here\n",
			want: "2026-11-27 INFO cloning with [REDACTED]\nGET / HTTP/1.1 Authorization: Bearer [REDACTED]\nnothing here\n",
		},
		{
			name: "mixed",
			in:   "{\"apiKey\":\"abc\"}\nk=v password=" + password + "\nfree " + ghToken + " text\n",
			want: "{\"apiKey\":\"[REDACTED]\"}\nk=v password=[REDACTED]\nfree [REDACTED] text\n",
		},
		{
			name: "crlf",
			in:   "a " + ghToken + "\r\n{\"secret\":\"x\"}\r\nclean\r\n",
			want: "a [REDACTED]\r\n{\"secret\":\"[REDACTED]\"}\r\nclean\r\n",
		},
		{
			name: "no trailing newline",
			in:   "first\nlast " + ghToken,
			want: "first\nlast [REDACTED]",
		},
		{name: "no trailing newline clean", in: "first\nlast"},
		{name: "invalid utf8", in: "\xff\xfe\xfd\n{\"a\":\"\xc3\x28\"}\nk=\xe2\x82 j=1\n"},
		{
			name: "invalid utf8 with secret",
			in:   "\xff " + ghToken + " \xfe\n",
			want: "\xff [REDACTED] \xfe\n",
		},
		{
			// Forced text parses no logfmt, but the core's text grammar
			// reads the assignment under the configured key.
			name: "forced text reads assignments",
			args: []string{"--format", "text", "--keys", "shard"},
			in:   "shard=abc\nshard\n",
			want: "shard=[REDACTED]\nshard\n",
		},
		{
			name: "extra keys",
			args: []string{"--keys", "shard, tenant_secret_id"},
			in:   "shard=abc tenantSecretId=xyz\n{\"shard\":7}\n",
			want: "shard=[REDACTED] tenantSecretId=[REDACTED]\n{\"shard\":\"[REDACTED]\"}\n",
		},
		{
			name: "workers",
			args: []string{"--workers", "3"},
			in:   "a " + ghToken + "\nb\n",
			want: "a [REDACTED]\nb\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runBinary(t, tc.in, noHMAC, tc.args...)
			assert.Equal(t, 0, res.code, res.stderr)
			assert.Empty(t, res.stderr)
			want := tc.want
			if want == "" && tc.gone == nil {
				want = tc.in
			}
			assert.Empty(t, cmp.Diff(want, res.stdout))
			for _, s := range tc.gone {
				assert.NotContains(t, res.stdout, s)
			}
		})
	}
}

func TestBinaryCheckAndStats(t *testing.T) {
	secretIn := "a " + ghToken + "\n{\"password\":\"" + password + "\"}\nb " + ghToken + "\n"
	tests := []struct {
		name     string
		args     []string
		in       string
		code     int
		stderrRe string
	}{
		{"check clean", []string{"--check"}, "all clean\n", 0, `^$`},
		{"check secrets", []string{"--check"}, secretIn, 3, `3 secrets redacted`},
		{"stats clean", []string{"--stats"}, "x\ny\n", 0, `2 lines, 4 bytes read, 0 secrets redacted`},
		{"stats secrets", []string{"--stats"}, secretIn, 0, `(?s)3 lines, \d+ bytes read, 3 secrets redacted\n\s+2  [a-z0-9-]+\n\s+1  sensitive-key\n$`},
		{"check and stats", []string{"--check", "--stats"}, secretIn, 3, `3 secrets redacted`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runBinary(t, tc.in, noHMAC, tc.args...)
			assert.Equal(t, tc.code, res.code)
			assert.Regexp(t, tc.stderrRe, res.stderr)
			assert.NotContains(t, res.stderr, ghToken)
			assert.NotContains(t, res.stderr, password)
			assert.NotContains(t, res.stdout, ghToken)
		})
	}
}

const testConfig = `
title = "test rules"

[extend]
useDefault = true

[[rules]]
id = "acme-token"
description = "ACME internal token"
regex = '''acme_[a-z0-9]{24}'''
keywords = ["acme_"]

[[rules]]
id = "order-ref"
description = "order reference without keywords"
regex = '''ORD-[0-9]{12}'''
`

func TestBinaryListPatterns(t *testing.T) {
	cfg := writeFile(t, "rules.toml", testConfig)
	res := runBinary(t, "", noHMAC, "--config", cfg, "--list-patterns")
	require.Equal(t, 0, res.code, res.stderr)
	assert.Regexp(t, `(?m)^ID\s+DESCRIPTION$`, res.stdout)
	assert.Regexp(t, `(?m)^acme-token\s+ACME internal token$`, res.stdout)
	assert.Regexp(t, `(?m)^order-ref\s+order reference without keywords \[no keywords: runs on every line\]$`, res.stdout)
	assert.Contains(t, res.stdout, "1 pattern(s) have no keywords")
	r := redact.MustNew()
	for _, p := range r.Patterns() {
		assert.Contains(t, res.stdout, p.ID+" ")
	}

	res = runBinary(t, "", noHMAC, "--config", cfg, "--no-builtins", "--list-patterns")
	require.Equal(t, 0, res.code, res.stderr)
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	assert.Equal(t, "ID", strings.Fields(lines[0])[0])
	assert.Regexp(t, `^acme-token`, lines[1])
	assert.Regexp(t, `^order-ref`, lines[2])
}

func TestBinaryConfig(t *testing.T) {
	cfg := writeFile(t, "rules.toml", testConfig)
	tok := "acme_" + strings.Repeat("k7", 12)
	res := runBinary(t, "use "+tok+" and ORD-123456789012\n", noHMAC, "--config", cfg, "--replace", "label")
	require.Equal(t, 0, res.code, res.stderr)
	assert.Equal(t, "use [REDACTED:acme-token] and [REDACTED:order-ref]\n", res.stdout)

	bad := writeFile(t, "bad.toml", "[[rules]]\nid = \"x\"\nregex = '''(unclosed'''\nkeywords = [\"x\"]\n")
	res = runBinary(t, "", noHMAC, "--config", bad, "--strict")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "bad.toml")
	assert.Regexp(t, `bad\.toml:3`, res.stderr)
	assert.Contains(t, res.stderr, `"x"`)

	syntax := writeFile(t, "syntax.toml", "[[rules]]\nid = \"x\"\nregex = \n")
	res = runBinary(t, "", noHMAC, "--config", syntax)
	assert.Equal(t, 2, res.code)
	assert.Regexp(t, `syntax\.toml:\d+`, res.stderr)

	res = runBinary(t, "", noHMAC, "--config", filepath.Join(t.TempDir(), "missing.toml"))
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "missing.toml")
}

func TestBinaryReplaceModes(t *testing.T) {
	in := "clone " + ghToken + "\n{\"password\":\"" + password + "\"}\n"
	tests := []struct {
		name string
		args []string
		env  []string
		code int
		want string // a regexp over stdout
		errs string // a regexp over stderr
	}{
		{"mask", []string{"--replace", "mask"}, noHMAC, 0, `^clone \[REDACTED\]\n\{"password":"\[REDACTED\]"\}\n$`, `^$`},
		{"label", []string{"--replace", "label"}, noHMAC, 0, `^clone \[REDACTED:[a-z0-9-]+\]\n\{"password":"\[REDACTED:sensitive-key\]"\}\n$`, `^$`},
		{"partial", []string{"--replace=partial"}, noHMAC, 0, `^clone ghp_\[REDACTED\]\n`, `^$`},
		{"hmac", []string{"-replace", "hmac"}, []string{hmacKeyEnv + "=" + hmacKey}, 0, `^clone \[REDACTED:hmac:[0-9a-f]{8}\]\n\{"password":"\[REDACTED:hmac:[0-9a-f]{8}\]"\}\n$`, `^$`},
		{"hmac without key", []string{"--replace", "hmac"}, noHMAC, 2, `^$`, `LOGREDACT_HMAC_KEY`},
		{"hmac short key", []string{"--replace", "hmac"}, []string{hmacKeyEnv + "=short"}, 2, `^$`, `16 bytes`},
		{"unknown mode", []string{"--replace", "shred"}, noHMAC, 2, `^$`, `unknown mode`},
		{"key set but mask", nil, []string{hmacKeyEnv + "=" + hmacKey}, 0, `^clone \[REDACTED\]\n`, `^$`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runBinary(t, in, tc.env, tc.args...)
			assert.Equal(t, tc.code, res.code, res.stderr)
			assert.Regexp(t, tc.want, res.stdout)
			assert.Regexp(t, tc.errs, res.stderr)
			assert.NotContains(t, res.stdout, ghToken)
			assert.NotContains(t, res.stderr, hmacKey)
		})
	}
	// The same secret gives the same digest, a different one another.
	env := []string{hmacKeyEnv + "=" + hmacKey}
	res := runBinary(t, "a "+ghToken+"\nb "+ghToken+"\n", env, "--replace", "hmac")
	lines := strings.Split(res.stdout, "\n")
	assert.Equal(t, lines[0][2:], lines[1][2:])
}

func TestBinaryFlags(t *testing.T) {
	res := runBinary(t, "", noHMAC, "--version")
	assert.Equal(t, 0, res.code)
	assert.Regexp(t, `^logredact \S+.* go1\.\d+`, res.stdout)

	for _, h := range []string{"-h", "--help"} {
		res = runBinary(t, "", noHMAC, h)
		assert.Equal(t, 0, res.code)
		assert.Contains(t, res.stdout, "tail -f")
		assert.Contains(t, res.stdout, "kubectl logs")
		assert.Contains(t, res.stdout, "journalctl -o json")
		assert.Contains(t, res.stdout, "-max-line")
		assert.Empty(t, res.stderr)
	}

	res = runBinary(t, "", noHMAC, "--no-such-flag")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "no-such-flag")
	res = runBinary(t, "", noHMAC, "--workers", "0")
	assert.Equal(t, 2, res.code)
	res = runBinary(t, "", noHMAC, "--format", "yaml")
	assert.Equal(t, 2, res.code)
	res = runBinary(t, "", noHMAC, "--max-line", "12")
	assert.Equal(t, 2, res.code)
	res = runBinary(t, "", noHMAC, "--max-line", "lots")
	assert.Equal(t, 2, res.code)
}

func TestBinaryDemo(t *testing.T) {
	res := runBinary(t, "", noHMAC, "--demo")
	require.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stdout, "+ ")
	assert.Contains(t, res.stdout, "[REDACTED]")
	// Every changed line is followed by its redaction, and no redaction
	// still holds what its input line had in a sensitive place.
	for line := range strings.SplitSeq(res.stdout, "\n") {
		if strings.HasPrefix(line, "+ ") {
			assert.Contains(t, line, "[REDACTED]")
		}
	}
}

func TestBinaryFiles(t *testing.T) {
	a := writeFile(t, "a.log", "a1 "+ghToken+"\na2")
	b := writeFile(t, "b.log", "b1\n")
	res := runBinary(t, "stdin\n", noHMAC, a, "--stats", b, "-", "--", filepath.Join(t.TempDir(), "missing"))
	assert.Equal(t, 1, res.code)
	assert.Equal(t, "a1 [REDACTED]\na2b1\nstdin\n", res.stdout)
	assert.Contains(t, res.stderr, "missing")
	assert.Contains(t, res.stderr, "1 secrets redacted")

	// A read error (a directory is not readable as a file) exits 1 after
	// the input before it was written.
	res = runBinary(t, "", noHMAC, a, t.TempDir())
	assert.Equal(t, 1, res.code)
	assert.Equal(t, "a1 [REDACTED]\na2", res.stdout)
	assert.Contains(t, res.stderr, "is a directory")
}

func TestBinaryWorkersOrder(t *testing.T) {
	stream := string(loggen.Stream(11, 0.02, 6<<20))
	one := runBinary(t, stream, noHMAC, "--workers", "1")
	require.Equal(t, 0, one.code, one.stderr)
	four := runBinary(t, stream, noHMAC, "--workers", "4")
	require.Equal(t, 0, four.code, four.stderr)
	require.Equal(t, one.stdout, four.stdout)
	assert.Equal(t, strings.Count(stream, "\n"), strings.Count(four.stdout, "\n"))
}

// TestBinaryBrokenPipe closes the reading end of standard output early: the
// command must stop quietly, with status 0, and no message.
func TestBinaryBrokenPipe(t *testing.T) {
	for _, workers := range []string{"1", "2"} {
		t.Run("workers="+workers, func(t *testing.T) {
			cmd := exec.Command(binary, "--workers", workers)
			cmd.Env = append(os.Environ(), noHMAC...)
			cmd.Stdin = bytes.NewReader(loggen.Stream(5, 0.01, 16<<20))
			out, err := cmd.StdoutPipe()
			require.NoError(t, err)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			require.NoError(t, cmd.Start())
			buf := make([]byte, 4096)
			_, err = io.ReadFull(out, buf)
			require.NoError(t, err)
			out.Close()
			err = cmd.Wait()
			assert.NoError(t, err, "exit status after a broken pipe")
			assert.Empty(t, errb.String())
		})
	}
}

// TestBinaryFlushOnPause writes a line into the command's standard input
// and reads its redaction back while the input is still open.
func TestBinaryFlushOnPause(t *testing.T) {
	cmd := exec.Command(binary)
	cmd.Env = append(os.Environ(), noHMAC...)
	in, err := cmd.StdinPipe()
	require.NoError(t, err)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	br := bufio.NewReader(out)
	for i := range 3 {
		_, err := fmt.Fprintf(in, "tick %d token %s\n", i, ghToken)
		require.NoError(t, err)
		got := make(chan string, 1)
		go func() {
			s, _ := br.ReadString('\n')
			got <- s
		}()
		select {
		case s := <-got:
			assert.Equal(t, fmt.Sprintf("tick %d token [REDACTED]\n", i), s)
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Fatal("no output while the input stays open")
		}
	}
	in.Close()
	require.NoError(t, cmd.Wait())
}

// hugeLine writes one line of size bytes: filler words with a secret every
// few KiB, so that secrets lie on and around every window cut. want receives, in step, the output a correct filter writes. Both
// come from the same seed, so neither side holds the whole line.
type hugeLine struct {
	rng       *rand.Rand
	r         *redact.Redactor
	remaining int
	secrets   int
}

func newHugeLine(r *redact.Redactor, size int) *hugeLine {
	return &hugeLine{rng: rand.New(rand.NewPCG(99, 1)), r: r, remaining: size}
}

var fillerWords = []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "lima", "0.25", "ok"}

// next returns the next piece of input and its expected output; it returns
// nil once size bytes were produced (the line then ends with '\n').
func (h *hugeLine) next() (in, want []byte) {
	if h.remaining <= 0 {
		return nil, nil
	}
	var b []byte
	// A secret every 1–3 KiB: each window cut zone (the Overlap, 64 KiB,
	// before the end of each 1 MiB window) holds dozens of them.
	gap := 1000 + h.rng.IntN(2000)
	for len(b) < gap {
		b = append(b, fillerWords[h.rng.IntN(len(fillerWords))]...)
		b = append(b, ' ')
	}
	want = append([]byte(nil), b...)
	var piece string
	switch h.rng.IntN(3) {
	case 0:
		piece = "gh" + "p_" + randAlnum(h.rng, 36)
	case 1:
		piece = "password=Pw" + randAlnum(h.rng, 14)
	default:
		piece = "postgres://app:Db" + randAlnum(h.rng, 14) + "@db:5432/x"
	}
	b = append(b, piece...)
	b = append(b, ' ')
	want = append(want, h.r.String(piece)...)
	want = append(want, ' ')
	h.secrets++
	if len(b) >= h.remaining {
		// Finish with filler so the line is exactly as long as asked.
		b = append(b[:0], strings.Repeat("z", h.remaining-1)...)
		want = append(want[:0], b...)
		h.secrets--
		b = append(b, '\n')
		want = append(want, '\n')
	}
	h.remaining -= len(b)
	return b, want
}

func randAlnum(rng *rand.Rand, n int) string {
	const a = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = a[rng.IntN(len(a))]
	}
	return string(b)
}

// TestBinaryHugeLine streams a 100 MiB single line with secrets around the
// window boundaries through the command (default --max-line, 64 MiB) and
// compares the output with the expected bytes as they arrive: nothing
// dropped, nothing missed, nothing redacted twice, memory bounded.
func TestBinaryHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("100 MiB line: skipped with -short")
	}
	const size = 100 << 20
	r := redact.MustNew()
	start := time.Now()
	cmd := exec.Command(binary, "--stats")
	cmd.Env = append(os.Environ(), noHMAC...)
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	require.NoError(t, cmd.Start())

	writeErr := make(chan error, 1)
	go func() {
		w := bufio.NewWriterSize(stdin, 1<<20)
		g := newHugeLine(r, size)
		for {
			in, _ := g.next()
			if in == nil {
				break
			}
			if _, err := w.Write(in); err != nil {
				writeErr <- err
				return
			}
		}
		err := w.Flush()
		stdin.Close()
		writeErr <- err
	}()

	br := bufio.NewReaderSize(stdout, 1<<20)
	g := newHugeLine(r, size)
	var got []byte
	total := 0
	for {
		_, want := g.next()
		if want == nil {
			break
		}
		got = append(got[:0], make([]byte, len(want))...)
		_, err := io.ReadFull(br, got)
		require.NoError(t, err, "output ended early at byte %d", total)
		if !bytes.Equal(want, got) {
			t.Fatalf("output differs at byte %d:\nwant %q\ngot  %q", total, want, got)
		}
		total += len(want)
	}
	rest, err := io.ReadAll(br)
	require.NoError(t, err)
	assert.Empty(t, rest, "output longer than expected")
	require.NoError(t, <-writeErr)
	require.NoError(t, cmd.Wait())
	elapsed := time.Since(start)

	assert.Contains(t, errb.String(), fmt.Sprintf("1 lines, %d bytes read, %d secrets redacted", size, g.secrets))
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
	t.Logf("100 MiB line with %d secrets: %v wall, command CPU %v user + %v system, peak RSS %d MiB",
		g.secrets, elapsed.Round(time.Millisecond), cmd.ProcessState.UserTime().Round(time.Millisecond),
		cmd.ProcessState.SystemTime().Round(time.Millisecond), rss>>10)
	assert.Less(t, rss>>10, int64(700), "peak RSS in MiB")
}

// TestBinaryPEM: a private key logged across lines, every line with a
// container runtime's prefix, is masked whole; --pem-lines bounds it and 0
// turns it off; --check counts it.
func TestBinaryPEM(t *testing.T) {
	raw := make([]byte, 900)
	_, _ = crand.Read(raw)
	b64 := base64.StdEncoding.EncodeToString(raw)
	var body []string
	for len(b64) > 64 {
		body, b64 = append(body, b64[:64]), b64[64:]
	}
	body = append(body, b64)
	pre := func(i int) string { return fmt.Sprintf("2026-01-02T03:04:%02d.%dZ stdout F ", i%60, 7+i*13) }
	var in, want strings.Builder
	fmt.Fprintf(&in, "%s-----BEGIN PRIVATE KEY-----\n", pre(0))
	fmt.Fprintf(&want, "%s-----BEGIN PRIVATE KEY-----\n", pre(0))
	for i, l := range body {
		fmt.Fprintf(&in, "%s%s\n", pre(i+1), l)
		fmt.Fprintf(&want, "%s[REDACTED]\n", pre(i+1))
	}
	fmt.Fprintf(&in, "%s-----END PRIVATE KEY-----\nok\n", pre(99))
	fmt.Fprintf(&want, "%s-----END PRIVATE KEY-----\nok\n", pre(99))

	for _, workers := range []string{"1", "3"} {
		res := runBinary(t, in.String(), noHMAC, "--check", "--workers", workers)
		assert.Equal(t, exitFound, res.code, res.stderr)
		assert.Equal(t, want.String(), res.stdout)
		assert.Contains(t, res.stderr, "1 secrets redacted")
	}

	res := runBinary(t, in.String(), noHMAC, "--pem-lines", "3")
	assert.Equal(t, exitOK, res.code, res.stderr)
	outLines := strings.Split(res.stdout, "\n")
	require.Len(t, outLines, len(body)+4)
	assert.Equal(t, pre(3)+"[REDACTED]", outLines[3])
	assert.Equal(t, pre(4)+body[3], outLines[4], "past the bound")

	res = runBinary(t, in.String(), noHMAC, "--pem-lines", "0")
	assert.Equal(t, in.String(), res.stdout)

	res = runBinary(t, "", noHMAC, "--pem-lines", "-1")
	assert.Equal(t, exitUsage, res.code)
	assert.Contains(t, res.stderr, "pem-lines")

	res = runBinary(t, "", noHMAC, "-h")
	assert.Contains(t, res.stdout, "-pem-lines N")
	assert.Contains(t, res.stdout, "(default 100)")
}
