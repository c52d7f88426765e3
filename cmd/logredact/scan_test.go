package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scanTree writes a directory of logs in every input kind scan reads and
// returns its root.
func scanTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	write := func(rel string, data []byte) {
		p := filepath.Join(root, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, data, 0o644))
	}
	write("app.log", []byte("ok line\nclone "+ghToken+" done\n{\"password\":\""+password+"\"}\n"))
	write("sub/clean.log", []byte("nothing here\n"))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("x\ny token " + ghToken + "\n"))
	zw.Close()
	write("sub/old.log.gz", gz.Bytes())
	units := utf16.Encode([]rune("é line\nuse " + ghToken + "\n"))
	le := []byte{0xff, 0xfe}
	for _, u := range units {
		le = append(le, byte(u), byte(u>>8))
	}
	write("sub/wide.log", le)
	write("sub/blob.bin", append([]byte{0, 1, 2}, ghToken...))
	write("sub/.git/objects.log", []byte("clone "+ghToken+"\n"))
	return root
}

func TestScanTree(t *testing.T) {
	root := scanTree(t)
	want := []finding{
		{Path: filepath.Join(root, "app.log"), Line: 2, Column: 7, EndColumn: 47, Rule: "github-pat"},
		{Path: filepath.Join(root, "app.log"), Line: 3, Column: 14, EndColumn: 29, Rule: "generic-password-quoted"},
		{Path: filepath.Join(root, "sub/old.log.gz"), Line: 2, Column: 9, EndColumn: 49, Rule: "github-pat"},
		{Path: filepath.Join(root, "sub/wide.log"), Line: 2, Column: 5, EndColumn: 45, Rule: "github-pat"},
	}

	t.Run("json", func(t *testing.T) {
		res := runInProcess(t, "", "scan", "--report", "json", root)
		require.Equal(t, exitFound, res.code, res.stderr)
		var got scanResult
		require.NoError(t, json.Unmarshal([]byte(res.stdout), &got))
		for i := range got.Findings {
			assert.NotEmpty(t, got.Findings[i].Description)
			got.Findings[i].Description = ""
		}
		if diff := cmp.Diff(want, got.Findings); diff != "" {
			t.Errorf("findings (-want +got):\n%s", diff)
		}
		assert.Equal(t, []notice{{Path: filepath.Join(root, "sub/blob.bin"), Reason: "binary file, not scanned", Skipped: true}}, got.Notices)
		assert.Equal(t, 4, got.Files)
		assertNoSecret(t, res)
	})
	t.Run("text", func(t *testing.T) {
		res := runInProcess(t, "", "scan", root)
		require.Equal(t, exitFound, res.code, res.stderr)
		lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
		require.Len(t, lines, len(want))
		for i, w := range want {
			assert.True(t, strings.HasPrefix(lines[i], w.Path+":"), lines[i])
			assert.Regexp(t, `^\S+:\d+:\d+: `+w.Rule+`: \S`, lines[i])
		}
		assert.Contains(t, res.stderr, "4 findings in 3 of 4 files scanned")
		assert.Contains(t, res.stderr, "blob.bin: binary file")
		assertNoSecret(t, res)
	})
	t.Run("sarif", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "r.sarif")
		res := runInProcess(t, "", "scan", "--report", "sarif", "-o", out, root)
		require.Equal(t, exitFound, res.code, res.stderr)
		data, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.NotContains(t, string(data), ghToken)
		assert.NotContains(t, string(data), password)
		results := checkSARIF(t, data)
		require.Len(t, results, len(want))
		for i, w := range want {
			assert.Equal(t, w.Rule, results[i].rule)
			assert.Equal(t, "file://"+filepath.ToSlash(w.Path), results[i].uri)
			assert.Equal(t, w.Line, results[i].line)
			assert.Equal(t, w.Column, results[i].column)
		}
	})
	t.Run("clean", func(t *testing.T) {
		res := runInProcess(t, "", "scan", filepath.Join(root, "sub", "clean.log"))
		assert.Equal(t, exitOK, res.code, res.stderr)
		assert.Empty(t, res.stdout)
		res = runInProcess(t, "", "scan", "--report", "sarif", filepath.Join(root, "sub", "clean.log"))
		assert.Equal(t, exitOK, res.code, res.stderr)
		assert.Empty(t, checkSARIF(t, []byte(res.stdout)))
	})
	t.Run("named binary, zstd and missing files are not passed", func(t *testing.T) {
		zst := filepath.Join(t.TempDir(), "a.log.zst")
		require.NoError(t, os.WriteFile(zst, []byte{0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3, 4}, 0o644))
		for _, p := range []string{filepath.Join(root, "sub", "blob.bin"), zst, filepath.Join(root, "missing.log")} {
			res := runInProcess(t, "", "scan", "--report", "sarif", p)
			assert.Equal(t, exitFailure, res.code, "%s: %s", p, res.stderr)
			assert.Contains(t, res.stderr, "1 input not passed")
			var log map[string]any
			require.NoError(t, json.Unmarshal([]byte(res.stdout), &log))
			inv := log["runs"].([]any)[0].(map[string]any)["invocations"].([]any)[0].(map[string]any)
			assert.Equal(t, false, inv["executionSuccessful"])
		}
	})
	t.Run("stdin", func(t *testing.T) {
		res := runInProcess(t, "a\nuse "+ghToken+"\n", "scan")
		assert.Equal(t, exitFound, res.code)
		assert.Equal(t, "-:2:5: github-pat: GitHub classic personal access token\n", res.stdout)
	})
	t.Run("relative paths stay relative in SARIF", func(t *testing.T) {
		t.Chdir(root)
		res := runInProcess(t, "", "scan", "--report", "sarif", "app.log", "sub")
		require.Equal(t, exitFound, res.code, res.stderr)
		results := checkSARIF(t, []byte(res.stdout))
		require.NotEmpty(t, results)
		assert.Equal(t, "app.log", results[0].uri)
		assert.Equal(t, "sub/old.log.gz", results[2].uri)
	})
}

func assertNoSecret(t *testing.T, res result) {
	t.Helper()
	for _, s := range []string{ghToken, password, ghToken[4:20]} {
		assert.NotContains(t, res.stdout, s)
		assert.NotContains(t, res.stderr, s)
	}
}

type sarifHit struct {
	rule, uri    string
	line, column int
}

// checkSARIF validates the structure SARIF 2.1.0 requires, and what GitHub
// code scanning needs, of a report, and returns its results in order.
func checkSARIF(t *testing.T, data []byte) []sarifHit {
	t.Helper()
	var log map[string]any
	require.NoError(t, json.Unmarshal(data, &log), "SARIF is JSON")
	assert.Equal(t, "2.1.0", log["version"])
	assert.Equal(t, "https://json.schemastore.org/sarif-2.1.0.json", log["$schema"])
	runs, ok := log["runs"].([]any)
	require.True(t, ok, "runs is an array")
	require.Len(t, runs, 1)
	run := runs[0].(map[string]any)
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	assert.Equal(t, "logredact", driver["name"])
	_, err := url.Parse(driver["informationUri"].(string))
	require.NoError(t, err)
	rules := driver["rules"].([]any)
	ids := map[string]int{}
	for i, r := range rules {
		rm := r.(map[string]any)
		id, ok := rm["id"].(string)
		require.True(t, ok && id != "", "rule %d has an id", i)
		_, dup := ids[id]
		assert.False(t, dup, "rule IDs are unique")
		ids[id] = i
		assert.NotEmpty(t, rm["shortDescription"].(map[string]any)["text"])
		level := rm["defaultConfiguration"].(map[string]any)["level"]
		assert.Contains(t, []any{"none", "note", "warning", "error"}, level)
	}
	assert.Contains(t, []any{"utf16CodeUnits", "unicodeCodePoints"}, run["columnKind"])
	var hits []sarifHit
	for _, r := range run["results"].([]any) {
		rm := r.(map[string]any)
		assert.NotEmpty(t, rm["message"].(map[string]any)["text"], "a result has a message")
		id := rm["ruleId"].(string)
		idx, ok := ids[id]
		require.True(t, ok, "ruleId %q is a rule of the driver", id)
		assert.Equal(t, float64(idx), rm["ruleIndex"])
		assert.Contains(t, []any{"none", "note", "warning", "error"}, rm["level"])
		assert.NotContains(t, rm, "fingerprints")
		locs := rm["locations"].([]any)
		require.Len(t, locs, 1)
		phys := locs[0].(map[string]any)["physicalLocation"].(map[string]any)
		uri := phys["artifactLocation"].(map[string]any)["uri"].(string)
		u, err := url.Parse(uri)
		require.NoError(t, err, "uri %q is a URI reference", uri)
		assert.NotContains(t, uri, `\`)
		if u.Scheme != "" {
			assert.Equal(t, "file", u.Scheme)
		}
		region := phys["region"].(map[string]any)
		assert.NotContains(t, region, "snippet", "never the text")
		line, col := region["startLine"].(float64), region["startColumn"].(float64)
		assert.GreaterOrEqual(t, line, 1.0)
		assert.GreaterOrEqual(t, col, 1.0)
		if end, ok := region["endColumn"].(float64); ok {
			assert.Greater(t, end, col)
		}
		hits = append(hits, sarifHit{id, uri, int(line), int(col)})
	}
	inv := run["invocations"].([]any)
	require.Len(t, inv, 1)
	_, ok = inv[0].(map[string]any)["executionSuccessful"].(bool)
	assert.True(t, ok, "executionSuccessful is required")
	return hits
}

func TestDecodeInputKinds(t *testing.T) {
	be := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune("a😀b\n")) {
		be = append(be, byte(u>>8), byte(u))
	}
	text, info, err := decodeInput(bytes.NewReader(be), true)
	require.NoError(t, err)
	got := new(bytes.Buffer)
	got.ReadFrom(text)
	assert.Equal(t, "a😀b\n", got.String())
	assert.Equal(t, "UTF-16BE", info.utf16)

	// Bytes that only start like a BOM pass as they are.
	raw := []byte("\xff\xfe\x01\x00 not utf-16")
	text, info, err = decodeInput(bytes.NewReader(raw), true)
	require.NoError(t, err)
	got.Reset()
	got.ReadFrom(text)
	assert.Equal(t, raw, got.Bytes())
	assert.Empty(t, info.utf16)
}
