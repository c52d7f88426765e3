package redact_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/logredact/logredact/redact"
)

// jsonBenchEvent is a typical clean structured log event of about 200 bytes.
var jsonBenchEvent = []byte(`{"level":"info","time":"2026-11-27T13:00:00.123Z","caller":"api/orders.go:88","msg":"request served","method":"GET","path":"/api/v1/orders/1234","status":200,"latency_ms":12.5,"user":"u-1234"}` + "\n")

// jsonBenchLines returns about n bytes of varied clean JSON lines.
func jsonBenchLines(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		switch i % 4 {
		case 0:
			b.Write(jsonBenchEvent)
		case 1:
			fmt.Fprintf(&b, `{"level":"debug","time":"2026-11-27T13:00:%02d.000Z","msg":"cache lookup","key":"orders:%d","hit":%t,"size":%d}`+"\n", i%60, i, i%3 == 0, i*17%4096)
		case 2:
			fmt.Fprintf(&b, `{"level":"warn","time":"2026-11-27T13:00:%02d.000Z","msg":"slow query","query":"SELECT id, total FROM orders WHERE customer_id = $1","rows":%d,"duration":"%dms","tags":["db","orders"]}`+"\n", i%60, i%100, i%900)
		default:
			fmt.Fprintf(&b, `{"level":"error","time":"2026-11-27T13:00:%02d.000Z","msg":"upstream failed","error":"dial tcp 10.0.%d.%d:443: i/o timeout\n\tretrying","attempt":%d}`+"\n", i%60, i%256, i*7%256, i%5)
		}
	}
	return b.Bytes()
}

func BenchmarkAppendJSON(b *testing.B) {
	r := redact.MustNew()
	dst := make([]byte, 0, 4096)

	b.Run("clean-event", func(b *testing.B) {
		b.SetBytes(int64(len(jsonBenchEvent)))
		b.ReportAllocs()
		for b.Loop() {
			dst, _ = r.AppendJSON(dst[:0], jsonBenchEvent)
		}
	})

	b.Run("clean-1MiB-lines", func(b *testing.B) {
		data := jsonBenchLines(1 << 20)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			for rest := data; len(rest) > 0; {
				line := rest
				if i := bytes.IndexByte(rest, '\n'); i >= 0 {
					line, rest = rest[:i+1], rest[i+1:]
				} else {
					rest = nil
				}
				dst, _ = r.AppendJSON(dst[:0], line)
			}
		}
	})

	// A clean event whose key names hold a sensitive-key keyword ("token"),
	// which forces the parser without anything to redact.
	b.Run("clean-event-parsed", func(b *testing.B) {
		ev := []byte(`{"level":"info","time":"2026-11-27T13:00:00.123Z","msg":"completion served","model":"m-7","max_tokens":512,"prompt_tokens":87,"status":200,"latency_ms":812.5,"user":"u-1234"}` + "\n")
		b.SetBytes(int64(len(ev)))
		b.ReportAllocs()
		for b.Loop() {
			dst, _ = r.AppendJSON(dst[:0], ev)
		}
	})

	b.Run("secret-event", func(b *testing.B) {
		ev := []byte(`{"level":"info","time":"2026-11-27T13:00:00.123Z","msg":"cloning with ` + jsonGH + `","user":"u-1234","password":"` + jsonPW + `","dsn":"` + jsonDSN + `"}` + "\n")
		b.SetBytes(int64(len(ev)))
		b.ReportAllocs()
		for b.Loop() {
			dst, _ = r.AppendJSON(dst[:0], ev)
		}
	})
}
