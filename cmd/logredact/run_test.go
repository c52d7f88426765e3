package main

import (
	"bytes"
	"fmt"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runInProcess calls run as main does, without a process.
func runInProcess(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	t.Setenv(hmacKeyEnv, "")
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{out.String(), errb.String(), code}
}

func TestRun(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		in       string
		code     int
		stdout   string
		stderrRe string
	}{
		{"clean", nil, "a\nb", 0, "a\nb", `^$`},
		{"text", nil, "use " + ghToken + "\n", 0, "use [REDACTED]\n", `^$`},
		{"json", []string{"-format=json"}, `{"password":1}` + "\n", 0, `{"password":"[REDACTED]"}` + "\n", `^$`},
		{"json weak key", []string{"-format=json"}, `{"token":1}` + "\n", 0, `{"token":1}` + "\n", `^$`},
		{"check", []string{"--check"}, "use " + ghToken + "\n", 3, "use [REDACTED]\n", `1 secrets redacted`},
		{"check clean", []string{"--check"}, "ok\n", 0, "ok\n", `^$`},
		{"stats", []string{"-stats", "--workers=2"}, "use " + ghToken + "\n", 0, "use [REDACTED]\n", `1 lines, \d+ bytes read, 1 secrets redacted\n\s+1  \S+\n$`},
		{"no builtins", []string{"--no-builtins"}, "use " + ghToken + "\n", 0, "use " + ghToken + "\n", `^$`},
		{"no builtins keeps keys", []string{"--no-builtins"}, "password=x\n", 0, "password=[REDACTED]\n", `^$`},
		{"label", []string{"--replace", "label", "--keys", "shard"}, "shard=7\n", 0, "shard=[REDACTED:sensitive-key]\n", `^$`},
		{"bad flag", []string{"--bogus"}, "", 2, "", `bogus`},
		{"bad workers", []string{"--workers", "-1"}, "", 2, "", `workers`},
		{"minimum size", []string{"--max-line", "1KiB"}, "", 0, "", `^$`},
		{"too small size", []string{"--max-line", "100"}, "", 2, "", `--max-line must be at least 1KiB`},
		{"size suffixes", []string{"--max-line", "2m"}, "x\n", 0, "x\n", `^$`},
		{"hmac without key", []string{"--replace", "hmac"}, "", 2, "", `LOGREDACT_HMAC_KEY`},
		{"version", []string{"--version"}, "", 0, "", `^$`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runInProcess(t, tc.in, tc.args...)
			assert.Equal(t, tc.code, res.code, res.stderr)
			if tc.name != "version" {
				assert.Equal(t, tc.stdout, res.stdout)
			}
			assert.Regexp(t, tc.stderrRe, res.stderr)
			assert.NotContains(t, res.stderr, ghToken)
		})
	}
}

func TestParseArgsInterleaved(t *testing.T) {
	var out, errb bytes.Buffer
	c, code := parseArgs([]string{"a.log", "--stats", "b.log", "-workers", "3", "--", "--c.log", "-"}, &out, &errb)
	require.NotNil(t, c, errb.String())
	assert.Equal(t, 0, code)
	assert.Equal(t, []string{"a.log", "b.log", "--c.log", "-"}, c.files)
	assert.True(t, c.stats)
	assert.Equal(t, 3, c.workers)
}

func TestSizeFlag(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"65536", 65536, true}, {"64KiB", 64 << 10, true}, {"64k", 64 << 10, true},
		{"64MiB", 64 << 20, true}, {"1G", 1 << 30, true}, {"2MB", 2 << 20, true},
		{"0", 0, false}, {"-1", 0, false}, {"x", 0, false}, {"", 0, false}, {"99999999T", 0, false},
	}
	for _, tc := range tests {
		n := 0
		err := sizeFlag{&n}.Set(tc.in)
		if !tc.ok {
			assert.Error(t, err, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, n, tc.in)
		assert.Equal(t, n, func() int { m := 0; _ = sizeFlag{&m}.Set(sizeFlag{&n}.String()); return m }())
	}
}

// epipeWriter accepts a few writes, then fails as a closed pipe does.
type epipeWriter struct{ left int }

func (w *epipeWriter) Write(p []byte) (int, error) {
	if w.left == 0 {
		return 0, fmt.Errorf("write /dev/stdout: %w", syscall.EPIPE)
	}
	w.left--
	return len(p), nil
}

func TestRunBrokenPipeQuiet(t *testing.T) {
	t.Setenv(hmacKeyEnv, "")
	var in strings.Builder
	for i := range 200000 {
		fmt.Fprintf(&in, "line %d\n", i)
	}
	var errb bytes.Buffer
	code := run([]string{"--workers", "2"}, strings.NewReader(in.String()), &epipeWriter{left: 1}, &errb)
	assert.Equal(t, 0, code)
	assert.Empty(t, errb.String())
}

func TestListPatternsInProcess(t *testing.T) {
	res := runInProcess(t, "", "--list-patterns")
	require.Equal(t, 0, res.code)
	assert.Regexp(t, `(?m)^ID\s+DESCRIPTION\n`, res.stdout)
	assert.NotContains(t, res.stdout, "no keywords", "every built-in pattern has keywords")
}

// TestRunLongLineCurl is the case: `curl … -u admin:<pw>` repeated in
// one line longer than --max-line 1KiB; the window cuts must not separate
// a password from its "curl", whatever the workers.
func TestRunLongLineCurl(t *testing.T) {
	var in strings.Builder
	var pws []string
	for i := 0; in.Len() < 30000; i++ {
		pw := fmt.Sprintf("Pw%05d", i) + spread(9)
		pws = append(pws, pw)
		fmt.Fprintf(&in, "curl -fsS -X POST https://ci.example.com/%s -u admin"+":%s ", strings.Repeat("a/", i%90), pw)
	}
	for _, workers := range []string{"1", "2"} {
		res := runInProcess(t, in.String()+"\n", "--max-line", "1KiB", "--workers", workers)
		require.Equal(t, 0, res.code, res.stderr)
		for _, pw := range pws {
			require.NotContains(t, res.stdout, pw, "workers=%s", workers)
		}
		assert.Equal(t, 1, strings.Count(res.stdout, "\n"))
	}
}

// TestRunPrefixedJSON feeds lines whose JSON follows a header or is cut
// short; the core redacts them key-aware (the --keys name has no pattern,
// and the token's g is a \u escape). These need the core's JSON-after-a-
// prefix support.
func TestRunPrefixedJSON(t *testing.T) {
	tokBody := spread(36)
	keyVal := "k" + strings.Repeat("v", 6) + "42"
	obj := `{"msg":"token \u0067hp_` + tokBody + `","x-internal-auth":"` + keyVal + `"}`
	lines := []string{
		"2026-11-27T13:00:00.123456789Z stdout F " + obj,
		"<134>1 2026-11-27T13:00:00Z web-1 api 4242 - - " + obj,
		obj[:len(obj)-4],
	}
	res := runInProcess(t, strings.Join(lines, "\n")+"\n", "--keys", "x-internal-auth")
	require.Equal(t, 0, res.code, res.stderr)
	assert.NotContains(t, res.stdout, tokBody)
	assert.NotContains(t, res.stdout, keyVal)
	assert.Equal(t, len(lines), strings.Count(res.stdout, "\n"))
}

func TestMemoryLimit(t *testing.T) {
	assert.Equal(t, int64(320<<20), memoryLimit(64<<20))
	assert.Equal(t, int64(64<<20+4<<10), memoryLimit(1<<10))
	res := runInProcess(t, "", "-h")
	assert.Contains(t, res.stdout, "4 × --max-line + 64 MiB")
}
