package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIgnoreRules(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(strings.Join([]string{
		"# build output",
		"*.tmp",
		"/root-only.log",
		"build/",
		"logs/**/debug.log",
		"!keep.tmp",
		`\#hash.log`,
		"trailing.log   ",
		"",
	}, "\n")), 0o644))
	var ig ignoreRules
	ig.load(dir, ".")
	for _, tc := range []struct {
		path    string
		dir, ig bool
	}{
		{"a.tmp", false, true},
		{"sub/a.tmp", false, true},
		{"keep.tmp", false, false},
		{"root-only.log", false, true},
		{"sub/root-only.log", false, false},
		{"build", true, true},
		{"build", false, false}, // a file named build is not the directory
		{"sub/build", true, true},
		{"logs/debug.log", false, true},
		{"logs/a/b/debug.log", false, true},
		{"logs/a/info.log", false, false},
		{"#hash.log", false, true},
		{"trailing.log", false, true},
		{"app.log", false, false},
	} {
		assert.Equal(t, tc.ig, ig.ignored(tc.path, tc.dir), tc.path)
	}

	// The rules of a nested .gitignore apply below it only.
	sub := filepath.Join(dir, "svc")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(sub, ".gitignore"), []byte("out.log\n!a.tmp\n"), 0o644))
	ig.load(sub, "svc")
	assert.True(t, ig.ignored("svc/out.log", false))
	assert.False(t, ig.ignored("out.log", false))
	assert.False(t, ig.ignored("svc/a.tmp", false), "re-included below")
	assert.True(t, ig.ignored("other/a.tmp", false))
}

func TestScanGitignore(t *testing.T) {
	root := scanTree(t)
	require.NoError(t, os.WriteFile(filepath.Join(root, ".gitignore"), []byte("*.gz\n/sub/wide.log\n"), 0o644))
	res := runInProcess(t, "", "scan", "--gitignore", root)
	require.Equal(t, exitFound, res.code, res.stderr)
	assert.Contains(t, res.stdout, "app.log:2:7: github-pat")
	assert.NotContains(t, res.stdout, "old.log.gz")
	assert.NotContains(t, res.stdout, "wide.log")
	assert.Contains(t, res.stderr, "2 paths ignored by .gitignore")

	// Without the flag everything is scanned.
	res = runInProcess(t, "", "scan", root)
	assert.Contains(t, res.stdout, "old.log.gz")
	assert.Contains(t, res.stdout, "wide.log")
}
