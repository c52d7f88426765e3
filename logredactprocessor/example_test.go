package logredactprocessor_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/logredact/logredact/logredactprocessor"
)

func ExampleNewFactory() {
	f := logredactprocessor.NewFactory()
	cfg := f.CreateDefaultConfig().(*logredactprocessor.Config)
	cfg.Mode = "label"
	cfg.Summary = "info"

	ctx := context.Background()
	sink := new(consumertest.LogsSink)
	p, err := f.CreateLogs(ctx, processortest.NewNopSettings(f.Type()), cfg, sink)
	if err != nil {
		panic(err)
	}
	if err := p.Start(ctx, componenttest.NewNopHost()); err != nil {
		panic(err)
	}
	defer func() { _ = p.Shutdown(ctx) }()

	token := "ghp_" + strings.Repeat("a1B2", 9) // built at run time, like every test secret
	ld := plog.NewLogs()
	lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.Body().SetStr("cloning with " + token)
	lr.Attributes().PutStr("http.request.header.authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("alice:"+"s3cr3t")))
	if err := p.ConsumeLogs(ctx, ld); err != nil {
		panic(err)
	}

	out := sink.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	fmt.Println(out.Body().Str())
	for k, v := range out.Attributes().All() {
		fmt.Println(k, "=", v.AsString())
	}
	// Output:
	// cloning with [REDACTED:github-pat]
	// http.request.header.authorization = [REDACTED:sensitive-key]
	// logredact.redacted.count = 2
}

func ExampleConfig_Validate() {
	cfg := logredactprocessor.NewFactory().CreateDefaultConfig().(*logredactprocessor.Config)
	cfg.Mode = "hmac" // without hmac_key
	cfg.Disable = []string{"github-pat"}
	cfg.Summary = "verbose"
	fmt.Println(cfg.Validate())
	// Output:
	// hmac_key: required by mode hmac
	// summary: "verbose" is not one of silent, info, debug
}
