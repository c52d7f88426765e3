package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
)

// writeReport writes res in the format named by --report. No format holds
// a secret or any other text of the input: path, line, column, rule ID
// and the rule's description only.
func writeReport(w io.Writer, format string, res *scanResult) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "json":
		err = writeJSONReport(bw, res)
	case "sarif":
		err = writeSARIF(bw, res)
	default:
		for _, f := range res.Findings {
			fmt.Fprintf(bw, "%s:%d:%d: %s: %s\n", f.Path, f.Line, f.Column, f.Rule, f.Description)
		}
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

func writeJSONReport(w io.Writer, res *scanResult) error {
	out := *res
	if out.Findings == nil {
		out.Findings = []finding{}
	}
	if out.Notices == nil {
		out.Notices = []notice{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// SARIF 2.1.0, as GitHub code scanning reads it: one run, the rules that
// fired in tool.driver.rules, one result per finding located by an
// artifact URI relative to the repository root and a region; inputs not
// scanned are tool execution notifications.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		ColumnKind  string            `json:"columnKind"`
		Results     []sarifResult     `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string          `json:"id"`
		ShortDescription     sarifMessage    `json:"shortDescription"`
		DefaultConfiguration sarifConfig     `json:"defaultConfiguration"`
		Properties           sarifProperties `json:"properties"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifProperties struct {
		Tags []string `json:"tags"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
)

const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

func writeSARIF(w io.Writer, res *scanResult) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "logredact",
			InformationURI: "https://github.com/logredact/logredact",
			Version:        moduleVersion(),
			Rules:          []sarifRule{},
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	index := map[string]int{}
	for _, f := range res.Findings {
		i, ok := index[f.Rule]
		if !ok {
			i = len(run.Tool.Driver.Rules)
			index[f.Rule] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
				ID:                   f.Rule,
				ShortDescription:     sarifMessage{Text: f.Description},
				DefaultConfiguration: sarifConfig{Level: "error"},
				Properties:           sarifProperties{Tags: []string{"security", "secret"}},
			})
		}
		run.Results = append(run.Results, sarifResult{
			RuleID:    f.Rule,
			RuleIndex: i,
			Level:     "error",
			Message:   sarifMessage{Text: fmt.Sprintf("%s (%s). The value is not shown.", f.Description, f.Rule)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: artifactURI(f.Path)},
				Region:           &sarifRegion{StartLine: f.Line, StartColumn: f.Column, EndColumn: f.EndColumn},
			}}},
		})
	}
	inv := sarifInvocation{ExecutionSuccessful: true, Notifications: []sarifNotification{}}
	for _, n := range res.Notices {
		level := "note"
		if !n.Skipped {
			level = "error"
			inv.ExecutionSuccessful = false
		}
		inv.Notifications = append(inv.Notifications, sarifNotification{
			Level:     level,
			Message:   sarifMessage{Text: "not scanned: " + n.Reason},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: artifactURI(n.Path)}}}},
		})
	}
	run.Invocations = []sarifInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// artifactURI turns a path into a URI reference: relative paths stay
// relative (code scanning resolves them against the repository root),
// absolute ones become file URIs, standard input is "stdin".
func artifactURI(path string) string {
	if path == "-" {
		return "stdin"
	}
	p := filepath.ToSlash(filepath.Clean(path))
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	u := strings.Join(parts, "/")
	if filepath.IsAbs(path) {
		return "file://" + u
	}
	return strings.TrimPrefix(u, "./")
}

// moduleVersion is the version of the module the binary was built from,
// or "" for a development build.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && !slices.Contains([]string{"(devel)"}, bi.Main.Version) {
		return bi.Main.Version
	}
	return ""
}
