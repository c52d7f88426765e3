// Package gitleaksconf finds gitleaks' own default configuration for tests:
// the loader is tested against the real file of a gitleaks release, read
// from the Go module cache (`go mod download` fetches it through the
// configured proxy), never copied into this repository.
package gitleaksconf

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Releases the tests load: Current is the one the README's claims are
// about, Oldest the oldest whose configuration must still load.
const (
	Current = "github.com/zricethezav/gitleaks/v8@v8.30.1"
	Oldest  = "github.com/zricethezav/gitleaks/v8@v8.18.0"
)

// Path returns the path of config/gitleaks.toml in module (module@version).
// It skips the test when the module cannot be downloaded, except under CI
// (CI set), where the download must work.
func Path(t testing.TB, module string) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		skipOrFail(t, "no go command to download %s: %v", module, err)
	}
	cmd := exec.Command("go", "mod", "download", "-json", module)
	cmd.Dir = t.TempDir() // outside any module: go.mod and go.sum stay as they are
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); err != nil || jerr != nil || info.Dir == "" {
		skipOrFail(t, "go mod download %s: %v %s", module, err, info.Error)
	}
	path := filepath.Join(info.Dir, "config", "gitleaks.toml")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the gitleaks module has no default config: %v", err)
	}
	return path
}

func skipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}
