package logredactprocessor

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// builderVersion is the OpenTelemetry Collector Builder that builds
// builder-config.yaml.
const builderVersion = "v0.165.0"

// TestEndToEnd builds the distribution of builder-config.yaml with the
// Collector Builder, runs it on loopback with a file_log receiver reading a
// temporary log file that holds secrets and an OTLP receiver given a span,
// and checks what its OTLP exporter sends to a receiver run by the test.
// The build takes minutes on a cold cache; LOGREDACT_E2E_DIR keeps its
// output in a directory of your choice.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Collector distribution; skipped with -short")
	}
	ctx := context.Background()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-10*time.Second))
		defer cancel()
	}
	bin := buildDistribution(ctx, t)

	sink := startSink(t)
	dir := t.TempDir()
	logFile := filepath.Join(dir, "app.log")
	clean := "2026-12-02T07:00:01Z INFO order 1001 accepted in 12.3ms"
	lines := []string{
		"2026-12-02T07:00:00Z ERROR clone failed: " + cloneURL(ghToken),
		`{"level":"error","msg":"db connect","` + pwKey + `":"` + pw + `","user":"app"}`,
		clean,
		"2026-12-02T07:00:02Z DEBUG request headers Authorization: " + bearer,
	}
	require.NoError(t, os.WriteFile(logFile, []byte(strings.Join(lines, "\n")+"\n"), 0o600))

	otlpPort := freePort(t)
	cfgFile := filepath.Join(dir, "collector.yaml")
	require.NoError(t, os.WriteFile(cfgFile, fmt.Appendf(nil, `receivers:
  file_log:
    include: [%q]
    start_at: beginning
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:%d
processors:
  logredact:
    summary: debug
exporters:
  otlp_grpc:
    endpoint: %s
    compression: none
    tls:
      insecure: true
service:
  telemetry:
    metrics:
      level: none
  pipelines:
    logs:
      receivers: [file_log]
      processors: [logredact]
      exporters: [otlp_grpc]
    traces:
      receivers: [otlp]
      processors: [logredact]
      exporters: [otlp_grpc]
`, logFile, otlpPort, sink.addr), 0o600))

	var out syncBuffer
	cmd := exec.CommandContext(ctx, bin, "--config", cfgFile)
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
		}
		if t.Failed() {
			t.Logf("collector output:\n%s", out.String())
		}
	}()

	sendSpan(ctx, t, otlpPort)

	require.Eventually(t, func() bool {
		n, spans := sink.counts()
		return n >= len(lines) && spans >= 1
	}, 90*time.Second, 200*time.Millisecond, "records did not arrive")

	logs, traces := sink.all()
	for _, ld := range logs {
		requireNoSecret(t, jsonLogs(t, ld))
	}
	bodies := map[string]plog.LogRecord{}
	for _, ld := range logs {
		for _, rl := range ld.ResourceLogs().All() {
			for _, sl := range rl.ScopeLogs().All() {
				for _, lr := range sl.LogRecords().All() {
					bodies[lr.Body().Str()] = lr
				}
			}
		}
	}
	want := []string{
		"2026-12-02T07:00:00Z ERROR clone failed: " + cloneURL(mask),
		`{"level":"error","msg":"db connect","` + pwKey + `":"` + mask + `","user":"app"}`,
		clean,
		"2026-12-02T07:00:02Z DEBUG request headers Authorization: Bearer " + mask,
	}
	for _, w := range want {
		lr, ok := bodies[w]
		if !assert.True(t, ok, "missing record %q", w) {
			continue
		}
		_, counted := lr.Attributes().Get(CountAttribute)
		assert.Equal(t, w != clean, counted, "summary on %q", w)
	}
	for _, td := range traces {
		requireNoSecret(t, jsonTraces(t, td))
		span := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
		assert.Equal(t, mask, strAttr(t, span.Attributes(), "http.request.header.authorization"))
		assert.Equal(t, "/repos", strAttr(t, span.Attributes(), "http.route"))
	}
}

// buildDistribution runs the Collector Builder on builder-config.yaml, its
// output and replaces redirected to a build directory, and returns the
// binary.
func buildDistribution(ctx context.Context, t *testing.T) string {
	t.Helper()
	moduleDir, err := filepath.Abs(".")
	require.NoError(t, err)
	buildDir := os.Getenv("LOGREDACT_E2E_DIR")
	if buildDir == "" {
		buildDir = t.TempDir()
	}
	buildDir, err = filepath.Abs(buildDir)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(buildDir, 0o755))

	raw, err := os.ReadFile("builder-config.yaml")
	require.NoError(t, err)
	cfg := string(raw)
	for _, r := range [][2]string{
		{"output_path: ./_build", "output_path: " + filepath.Join(buildDir, "dist")},
		{"=> ../../\n", "=> " + filepath.Dir(moduleDir) + "\n"},
		{"=> ../\n", "=> " + moduleDir + "\n"},
	} {
		require.Contains(t, cfg, r[0], "builder-config.yaml changed shape")
		cfg = strings.Replace(cfg, r[0], r[1], 1)
	}
	cfgFile := filepath.Join(buildDir, "builder-config.yaml")
	require.NoError(t, os.WriteFile(cfgFile, []byte(cfg), 0o600))

	start := time.Now()
	cmd := exec.CommandContext(ctx, "go", "run", "go.opentelemetry.io/collector/cmd/builder@"+builderVersion, "--config", cfgFile)
	cmd.Dir = buildDir
	// The builder resolves and tidies the generated module itself, which a
	// -mod flag in GOFLAGS (CI sets -mod=readonly) would forbid.
	cmd.Env = append(os.Environ(), "GOFLAGS="+withoutModFlag(os.Getenv("GOFLAGS")))
	outb, err := cmd.CombinedOutput()
	require.NoError(t, err, "builder:\n%s", outb)
	t.Logf("distribution built in %s", time.Since(start).Round(time.Second))
	return filepath.Join(buildDir, "dist", "otelcol-logredact")
}

func withoutModFlag(goflags string) string {
	var keep []string
	for _, f := range strings.Fields(goflags) {
		if !strings.HasPrefix(f, "-mod=") {
			keep = append(keep, f)
		}
	}
	return strings.Join(keep, " ")
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// sendSpan sends one span with a bearer token to the collector's OTLP
// receiver, retrying until the receiver is up.
func sendSpan(ctx context.Context, t *testing.T, port int) {
	t.Helper()
	conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", port), grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	td := ptrace.NewTraces()
	span := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	span.SetName("GET /repos")
	span.Attributes().PutStr("http.request.header.authorization", bearer)
	span.Attributes().PutStr("http.route", "/repos")
	client := ptraceotlp.NewGRPCClient(conn)
	require.Eventually(t, func() bool {
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		_, err := client.Export(cctx, ptraceotlp.NewExportRequestFromTraces(td))
		return err == nil
	}, 60*time.Second, 250*time.Millisecond, "the collector's OTLP receiver did not accept the span")
}

// sink is an OTLP gRPC receiver that keeps what it is sent.
type sink struct {
	addr   string
	mu     sync.Mutex
	logs   []plog.Logs
	traces []ptrace.Traces
}

type logsServer struct {
	plogotlp.UnimplementedGRPCServer
	s *sink
}

func (l *logsServer) Export(_ context.Context, req plogotlp.ExportRequest) (plogotlp.ExportResponse, error) {
	ld := plog.NewLogs()
	req.Logs().CopyTo(ld)
	l.s.mu.Lock()
	l.s.logs = append(l.s.logs, ld)
	l.s.mu.Unlock()
	return plogotlp.NewExportResponse(), nil
}

type tracesServer struct {
	ptraceotlp.UnimplementedGRPCServer
	s *sink
}

func (tr *tracesServer) Export(_ context.Context, req ptraceotlp.ExportRequest) (ptraceotlp.ExportResponse, error) {
	td := ptrace.NewTraces()
	req.Traces().CopyTo(td)
	tr.s.mu.Lock()
	tr.s.traces = append(tr.s.traces, td)
	tr.s.mu.Unlock()
	return ptraceotlp.NewExportResponse(), nil
}

func startSink(t *testing.T) *sink {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &sink{addr: l.Addr().String()}
	srv := grpc.NewServer()
	plogotlp.RegisterGRPCServer(srv, &logsServer{s: s})
	ptraceotlp.RegisterGRPCServer(srv, &tracesServer{s: s})
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(srv.Stop)
	return s
}

func (s *sink) counts() (records, spans int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ld := range s.logs {
		records += ld.LogRecordCount()
	}
	for _, td := range s.traces {
		spans += td.SpanCount()
	}
	return records, spans
}

func (s *sink) all() ([]plog.Logs, []ptrace.Traces) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]plog.Logs(nil), s.logs...), append([]ptrace.Traces(nil), s.traces...)
}

// syncBuffer collects the collector's output from two pipes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
