package logredactprocessor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"
)

func TestLoadConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	tests := []struct {
		id   component.ID
		want *Config
	}{
		{component.NewID(componentType), createDefaultConfig().(*Config)},
		{component.NewIDWithName(componentType, "full"), &Config{
			RulesFile:     "testdata/rules.toml",
			Mode:          "label",
			SensitiveKeys: []string{"x-session-key", "internal_pin"},
			Builtins:      true,
			Disable:       []string{"jwt", "github-pat"},
			Summary:       summaryDebug,
			ErrorMode:     errorModePropagate,
		}},
		{component.NewIDWithName(componentType, "custom_only"), &Config{
			RulesFile: "testdata/rules.toml",
			Mask:      "***",
			Builtins:  false,
			Summary:   summaryInfo,
			ErrorMode: errorModeIgnore,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.id.String(), func(t *testing.T) {
			cfg := NewFactory().CreateDefaultConfig()
			sub, err := cm.Sub(tt.id.String())
			require.NoError(t, err)
			require.NoError(t, sub.Unmarshal(cfg))
			assert.Equal(t, tt.want, cfg)
			require.NoError(t, confmap.Validate(cfg))
		})
	}
}

func TestBadConfig(t *testing.T) {
	dir := t.TempDir()
	badRules := filepath.Join(dir, "bad.toml")
	require.NoError(t, os.WriteFile(badRules, []byte("[[rules]]\nid = \"broken\"\nregex = '''(x'''\n"), 0o600))
	hmacRules := filepath.Join(dir, "hmac.toml")
	require.NoError(t, os.WriteFile(hmacRules, []byte("[logredact]\nmode = \"hmac\"\n"), 0o600))
	key := configopaque.String(strings.Repeat("k3y-", 5))
	tests := []struct {
		name string
		raw  map[string]any
		key  configopaque.String // set after unmarshalling, as ${env:...} would
		want []string            // every part must be in the error
	}{
		{"unknown key", map[string]any{"mdoe": "label"}, "", []string{"mdoe"}},
		{"mode", map[string]any{"mode": "shout"}, "", []string{"mode:", `"shout"`}},
		{"hmac without key", map[string]any{"mode": "hmac"}, "", []string{"hmac_key: required"}},
		{"key without hmac", map[string]any{"mode": "label"}, key, []string{"hmac_key: set, but mode is not hmac"}},
		{"short key", map[string]any{"mode": "hmac"}, "short", []string{"hmac_key: must be at least 16"}},
		{"summary", map[string]any{"summary": "loud"}, "", []string{"summary:", `"loud"`}},
		{"error_mode", map[string]any{"error_mode": "panic"}, "", []string{"error_mode:", `"panic"`}},
		{"empty sensitive key", map[string]any{"sensitive_keys": []any{"ok", " "}}, "", []string{"sensitive_keys[1]"}},
		{"empty disable", map[string]any{"disable": []any{""}}, "", []string{"disable[0]"}},
		{"unknown disable", map[string]any{"disable": []any{"jwt", "no-such-rule"}}, "", []string{"disable:", `"no-such-rule"`}},
		{"missing rules file", map[string]any{"rules_file": filepath.Join(dir, "none.toml")}, "", []string{"rules_file:", "none.toml"}},
		{"bad rules file", map[string]any{"rules_file": badRules}, "", []string{"rules_file:", "bad.toml", "broken", "missing closing )"}},
		{"rules file asks for hmac", map[string]any{"rules_file": hmacRules}, "", []string{"rules_file:", "hmac"}},
		{"every problem at once", map[string]any{"mode": "shout", "summary": "loud"}, "", []string{"mode:", "summary:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := createDefaultConfig().(*Config)
			err := confmap.NewFromStringMap(tt.raw).Unmarshal(cfg)
			if err == nil {
				cfg.HMACKey = tt.key
				err = cfg.Validate()
			}
			require.Error(t, err)
			for _, part := range tt.want {
				assert.Contains(t, err.Error(), part)
			}
			if tt.key != "" {
				assert.NotContains(t, err.Error(), string(tt.key), "an error never quotes the key")
			}
		})
	}
}
