package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInPlace(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.log")
	dirty := filepath.Join(dir, "dirty.log")
	cleanText := "a line\nanother, no newline at the end"
	require.NoError(t, os.WriteFile(clean, []byte(cleanText), 0o640))
	require.NoError(t, os.WriteFile(dirty, []byte("x\nclone "+ghToken+"\n"), 0o600))
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	require.NoError(t, os.Chtimes(clean, old, old))

	res := runInProcess(t, "", "--in-place", clean, dirty)
	require.Equal(t, exitOK, res.code, res.stderr)
	assert.Equal(t, "logredact: "+dirty+": redacted\n", res.stderr)

	got, err := os.ReadFile(clean)
	require.NoError(t, err)
	assert.Equal(t, cleanText, string(got), "byte for byte")
	fi, err := os.Stat(clean)
	require.NoError(t, err)
	assert.True(t, fi.ModTime().Equal(old), "a clean file is not touched")

	got, err = os.ReadFile(dirty)
	require.NoError(t, err)
	assert.Equal(t, "x\nclone [REDACTED]\n", string(got))
	fi, err = os.Stat(dirty)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "the mode is kept")
	assertOnly(t, dir, "clean.log", "dirty.log")
}

func TestInPlaceWriteFails(t *testing.T) {
	dir := t.TempDir()
	dirty := filepath.Join(dir, "dirty.log")
	orig := "clone " + ghToken + "\n"
	require.NoError(t, os.WriteFile(dirty, []byte(orig), 0o644))
	saved := syncFile
	syncFile = func(*os.File) error { return errors.New("disk full") }
	defer func() { syncFile = saved }()

	res := runInProcess(t, "", "--in-place", dirty)
	assert.Equal(t, exitFailure, res.code)
	assert.Contains(t, res.stderr, "disk full (the file is unchanged)")
	got, err := os.ReadFile(dirty)
	require.NoError(t, err)
	assert.Equal(t, orig, string(got), "the original is intact")
	assertOnly(t, dir, "dirty.log")
}

func TestInPlaceRefuses(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("clone " + ghToken + "\n"))
	zw.Close()
	p := filepath.Join(dir, "a.log.gz")
	require.NoError(t, os.WriteFile(p, gz.Bytes(), 0o644))
	res := runInProcess(t, "", "--in-place", p)
	assert.Equal(t, exitFailure, res.code)
	assert.Contains(t, res.stderr, "use -o OUT")
	got, _ := os.ReadFile(p)
	assert.Equal(t, gz.Bytes(), got)

	res = runInProcess(t, "", "--in-place")
	assert.Equal(t, exitUsage, res.code)
	assert.Contains(t, res.stderr, "--in-place needs FILE")
	res = runInProcess(t, "", "--in-place", "--diff", p)
	assert.Equal(t, exitUsage, res.code)
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.log")
	out := filepath.Join(dir, "out.log")
	require.NoError(t, os.WriteFile(in, []byte("clone "+ghToken+"\n"), 0o640))
	res := runInProcess(t, "", "-o", out, in)
	require.Equal(t, exitOK, res.code, res.stderr)
	assert.Empty(t, res.stdout)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "clone [REDACTED]\n", string(got))
	fi, _ := os.Stat(out)
	assert.Equal(t, os.FileMode(0o640), fi.Mode().Perm(), "a new OUT takes the input's mode")

	// A read error leaves an existing OUT as it was.
	res = runInProcess(t, "", "--output", out, filepath.Join(dir, "missing.log"))
	assert.Equal(t, exitFailure, res.code)
	got, _ = os.ReadFile(out)
	assert.Equal(t, "clone [REDACTED]\n", string(got))

	res = runInProcess(t, "", "-o", in, in)
	assert.Equal(t, exitUsage, res.code)
	assert.Contains(t, res.stderr, "use --in-place")
	assertOnly(t, dir, "in.log", "out.log")
}

func TestDiff(t *testing.T) {
	in := "ok\nclone " + ghToken + " now\n{\"password\":\"" + password + "\",\"n\":1}\n"
	t.Setenv("NO_COLOR", "")
	res := runInProcess(t, in, "--diff")
	assert.Equal(t, exitFound, res.code, res.stderr)
	want := "--- standard input\n+++ standard input (redacted)\n" +
		"@@ line 2 @@\n-clone " + strings.Repeat("*", len(ghToken)) + " now\n+clone [REDACTED] now\n" +
		"@@ line 3 @@\n-{\"password\":\"" + strings.Repeat("*", len(password)) + "\",\"n\":1}\n+{\"password\":\"[REDACTED]\",\"n\":1}\n"
	assert.Equal(t, want, res.stdout)
	assertNoSecret(t, res)

	res = runInProcess(t, "fine\n", "--diff")
	assert.Equal(t, exitOK, res.code)
	assert.Empty(t, res.stdout)
}

func TestMaskChanged(t *testing.T) {
	for _, tc := range []struct{ in, out, want string }{
		{"a=sécret b", "a=[X] b", "a=****** b"},
		{"é1", "é[X]", "é*"},
		{"same", "same", "same"},
		{"k=v", "k=", "k=*"},
	} {
		assert.Equal(t, tc.want, string(maskChanged([]byte(tc.in), []byte(tc.out))), tc.in)
	}
}

func TestCheckReadsEncodings(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("clone " + ghToken + "\n"))
	zw.Close()
	res := runInProcess(t, gz.String(), "--check")
	assert.Equal(t, exitFound, res.code, "gzip is read, not called clean")

	le := []byte{0xff, 0xfe}
	for _, c := range "clone " + ghToken + "\n" {
		le = append(le, byte(c), 0)
	}
	res = runInProcess(t, string(le), "--check")
	assert.Equal(t, exitFound, res.code, "UTF-16 is decoded")
	assert.Equal(t, "clone [REDACTED]\n", res.stdout)

	res = runInProcess(t, "\x00\x01\x02 blob", "--check")
	assert.Equal(t, exitFailure, res.code, "binary input is not clean")
	assert.Contains(t, res.stderr, "binary input, not checked")

	res = runInProcess(t, "\x28\xb5\x2f\xfd\x00\x00", "--check")
	assert.Equal(t, exitFailure, res.code)
	assert.Contains(t, res.stderr, "zstd")
}

func TestFlagMessages(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--no-such-flag"}, "logredact: flag provided but not defined: --no-such-flag\nRun 'logredact -h' for usage.\n"},
		{[]string{"--workers", "x"}, `invalid value "x" for flag --workers`},
		{[]string{"--workers", "0"}, "--workers must be from 1 to 256"},
		{[]string{"--workers", "300"}, "--workers must be from 1 to 256"},
		{[]string{"--max-line", "12"}, "--max-line must be at least 1KiB (and at most 1TiB)"},
		{[]string{"--strict"}, "--strict applies to a rules file: give --config FILE"},
		{[]string{"--skip-unsupported-rules"}, "--skip-unsupported-rules applies to a rules file"},
		{[]string{"scan", "--report", "xml"}, `invalid value "xml" for flag --report: want text, json, sarif`},
		{[]string{"scan", "--strict"}, "--strict applies to a rules file"},
	} {
		res := runInProcess(t, "", tc.args...)
		assert.Equal(t, exitUsage, res.code, tc.args)
		assert.Contains(t, res.stderr, tc.want, tc.args)
	}
	res := runInProcess(t, "", "-h")
	for _, h := range []string{"\nInput:\n", "\nOutput:\n", "\nRules:\n", "\nReports:\n", "  -o, --output OUT\n", "  --workers N\n", "logredact scan"} {
		assert.Contains(t, res.stdout, h)
	}
	res = runInProcess(t, "", "scan", "--help")
	assert.Equal(t, exitOK, res.code)
	assert.Contains(t, res.stdout, "  --report FORMAT\n")
	assert.Contains(t, res.stdout, "Exit status: 3 when anything was found")
}

// assertOnly checks that dir holds exactly names: no temporary file is
// left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	assert.ElementsMatch(t, names, got)
}
