package logredactprocessor

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/configopaque"

	"github.com/logredact/logredact/redact"
)

// Config is the processor's configuration. Every setting is optional: the
// zero value (see the factory's default) redacts with every built-in
// pattern, the default sensitive keys and the mask "[REDACTED]".
//
// The rules it follows:
//
//   - rules_file is read as the logredact command reads --config: gitleaks'
//     schema plus an optional [logredact] table. The settings below are
//     applied after it and override it.
//   - An empty mode or mask keeps what the rules file says, else "mask" and
//     "[REDACTED]".
//   - hmac_key is required by mode "hmac" (at least 16 bytes) and accepted by
//     nothing else; it comes from the environment (${env:...}), never from
//     the file, and is never printed.
//   - builtins false drops the built-in catalog, leaving the rules file's
//     patterns and the sensitive keys; true keeps what the rules file decides.
//   - Validate reports every problem at once, each naming its key, and builds
//     the redactor once so that a collector with a bad rule does not start.
type Config struct {
	// RulesFile is the path of a rules file in gitleaks' TOML schema.
	RulesFile string `mapstructure:"rules_file"`

	// Mode is what replaces a secret: "mask", "label", "partial" or "hmac".
	Mode string `mapstructure:"mode"`

	// Mask is the replacement text in the mask and partial modes.
	Mask string `mapstructure:"mask"`

	// HMACKey is the key of the hmac mode.
	HMACKey configopaque.String `mapstructure:"hmac_key"`

	// SensitiveKeys are added to the default strong sensitive key names.
	SensitiveKeys []string `mapstructure:"sensitive_keys"`

	// Builtins keeps the built-in pattern catalog (the default).
	Builtins bool `mapstructure:"builtins"`

	// Disable lists built-in pattern IDs to drop.
	Disable []string `mapstructure:"disable"`

	// Summary adds what was redacted to the record: "silent" (the default)
	// adds nothing, "info" adds logredact.redacted.count, "debug" also
	// logredact.redacted.rules (rule IDs, never values).
	Summary string `mapstructure:"summary"`

	// ErrorMode decides what a failure inside redaction does beyond masking
	// the value whole: "ignore" (the default) logs it and passes the batch
	// on, "propagate" also returns an error, so the batch is not forwarded.
	ErrorMode string `mapstructure:"error_mode"`

	// Prevent unkeyed literals, as the Collector's own configs do.
	_ struct{}
}

var _ component.Config = (*Config)(nil)

// The accepted values of Summary and ErrorMode.
const (
	summarySilent = "silent"
	summaryInfo   = "info"
	summaryDebug  = "debug"

	errorModeIgnore    = "ignore"
	errorModePropagate = "propagate"
)

// minHMACKey is the shortest key redact.WithHMACKey accepts; checked here
// too so that the error names hmac_key.
const minHMACKey = 16

func createDefaultConfig() component.Config {
	return &Config{
		Builtins:  true,
		Summary:   summarySilent,
		ErrorMode: errorModeIgnore,
	}
}

// Validate checks every key and then builds the redactor the configuration
// describes, so that every problem is reported when the collector starts.
func (cfg *Config) Validate() error {
	var errs []error
	if cfg.Mode != "" {
		if _, err := redact.ParseMode(cfg.Mode); err != nil {
			errs = append(errs, fmt.Errorf("mode: %q is not one of mask, label, partial, hmac", cfg.Mode))
		}
	}
	switch {
	case cfg.Mode == "hmac" && cfg.HMACKey == "":
		errs = append(errs, errors.New("hmac_key: required by mode hmac"))
	case cfg.HMACKey != "" && cfg.Mode != "hmac":
		errs = append(errs, errors.New("hmac_key: set, but mode is not hmac"))
	case cfg.HMACKey != "" && len(cfg.HMACKey) < minHMACKey:
		errs = append(errs, fmt.Errorf("hmac_key: must be at least %d bytes long", minHMACKey))
	}
	for i, k := range cfg.SensitiveKeys {
		if strings.TrimSpace(k) == "" {
			errs = append(errs, fmt.Errorf("sensitive_keys[%d]: empty key name", i))
		}
	}
	for i, id := range cfg.Disable {
		if id == "" {
			errs = append(errs, fmt.Errorf("disable[%d]: empty pattern ID", i))
		}
	}
	if !slices.Contains([]string{"", summarySilent, summaryInfo, summaryDebug}, cfg.Summary) {
		errs = append(errs, fmt.Errorf("summary: %q is not one of silent, info, debug", cfg.Summary))
	}
	if !slices.Contains([]string{"", errorModeIgnore, errorModePropagate}, cfg.ErrorMode) {
		errs = append(errs, fmt.Errorf("error_mode: %q is not one of ignore, propagate", cfg.ErrorMode))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	_, err := cfg.newRedactor(nil)
	return err
}

// newRedactor builds the Redactor the configuration describes. warn
// receives the rules file's warnings (nil discards them). Errors name the
// key at fault.
func (cfg *Config) newRedactor(warn func(string)) (*redact.Redactor, error) {
	var opts []redact.Option
	if cfg.RulesFile != "" {
		fileOpts, err := redact.LoadConfig(cfg.RulesFile, &redact.ConfigOptions{Warn: warn})
		if err != nil {
			return nil, fmt.Errorf("rules_file: %w", err)
		}
		opts = append(opts, fileOpts...)
	}
	base := len(opts)
	if cfg.Mode != "" {
		m, err := redact.ParseMode(cfg.Mode)
		if err != nil {
			return nil, fmt.Errorf("mode: %q is not one of mask, label, partial, hmac", cfg.Mode)
		}
		opts = append(opts, redact.WithMode(m))
	}
	if cfg.HMACKey != "" {
		opts = append(opts, redact.WithHMACKey([]byte(cfg.HMACKey)))
	}
	if cfg.Mask != "" {
		opts = append(opts, redact.WithMask(cfg.Mask))
	}
	if len(cfg.SensitiveKeys) > 0 {
		opts = append(opts, redact.WithSensitiveKeys(cfg.SensitiveKeys...))
	}
	if !cfg.Builtins {
		opts = append(opts, redact.WithoutBuiltins())
	}
	withoutDisable := len(opts)
	if len(cfg.Disable) > 0 {
		opts = append(opts, redact.WithoutPatterns(cfg.Disable...))
	}
	r, err := redact.New(opts...)
	if err == nil {
		return r, nil
	}
	return nil, cfg.explain(err, opts[:base], opts[:withoutDisable])
}

// explain turns an error of redact.New into one that names the key at
// fault. It runs only when building failed, so the extra builds cost
// nothing on a good configuration.
func (cfg *Config) explain(err error, fileOnly, withoutDisable []redact.Option) error {
	if len(cfg.Disable) > 0 {
		if r, err2 := redact.New(withoutDisable...); err2 == nil {
			active := make(map[string]bool)
			for _, p := range r.Patterns() {
				active[p.ID] = true
			}
			var unknown []string
			for _, id := range cfg.Disable {
				if !active[id] {
					unknown = append(unknown, fmt.Sprintf("%q", id))
				}
			}
			return fmt.Errorf("disable: not an active built-in pattern ID: %s", strings.Join(unknown, ", "))
		}
	}
	if cfg.RulesFile != "" && cfg.Mode == "" && cfg.HMACKey == "" {
		if _, err2 := redact.New(fileOnly...); err2 != nil {
			// The file alone does not build: it asks for hmac without the
			// key that never belongs in it.
			return fmt.Errorf("rules_file: %w (set mode and hmac_key here)", err2)
		}
	}
	return fmt.Errorf("mode, mask, sensitive_keys, builtins: %w", err)
}
