// Package loggen generates realistic application log streams for
// benchmarks, tests and demonstrations of logredact.
//
// A [Generator] writes a mix of line formats seen in production: JSON lines
// as zap, slog and zerolog write them, logfmt as go-kit and slog's text
// handler write it, and plain text (web server access logs, Java-style
// application logs, syslog). A chosen fraction of lines carries one secret.
//
// The rules:
//
//   - Output is deterministic: the same seed and fraction give the same
//     bytes on every machine and Go version.
//   - Secrets are assembled at run time from random characters, so no
//     credential-shaped literal appears in this package's source. They have
//     the shapes of real credentials (a GitHub token, a password in a URL,
//     a bearer token, values under sensitive keys) but are not live.
//   - Clean lines contain no secret: a correct redactor leaves them byte for
//     byte unchanged.
//   - Every line ends with '\n' and contains no other line break.
package loggen

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// Generator produces log lines. It is not safe for concurrent use; create
// one per goroutine.
type Generator struct {
	rng      *rand.Rand
	fraction float64
	now      time.Time
}

// New returns a Generator seeded with seed in which each line holds a secret
// with probability secretFraction (clamped to [0, 1]).
func New(seed uint64, secretFraction float64) *Generator {
	return &Generator{
		rng:      rand.New(rand.NewPCG(seed, 0x6c6f67726564)),
		fraction: min(max(secretFraction, 0), 1),
		now:      time.Date(2026, 11, 27, 13, 0, 0, 0, time.UTC),
	}
}

// Stream returns whole lines, at least size bytes of them, generated from
// seed with the given secret fraction.
func Stream(seed uint64, secretFraction float64, size int) []byte {
	g := New(seed, secretFraction)
	buf := make([]byte, 0, size+1024)
	for len(buf) < size {
		buf, _ = g.AppendLine(buf)
	}
	return buf
}

// AppendLine appends one line, with its trailing '\n', to dst and returns
// the extended slice and the secret planted in the line, or "" when the line
// is clean. The secret is the exact text a redactor must remove.
func (g *Generator) AppendLine(dst []byte) ([]byte, string) {
	g.now = g.now.Add(time.Duration(g.rng.IntN(50_000)) * time.Microsecond)
	secret := g.rng.Float64() < g.fraction
	f := g.rng.IntN(10)
	var s string
	switch {
	case f < 4:
		dst, s = g.jsonLine(dst, secret)
	case f < 7:
		dst, s = g.logfmtLine(dst, secret)
	default:
		dst, s = g.textLine(dst, secret)
	}
	return append(dst, '\n'), s
}

const (
	alnum  = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	lower  = "abcdefghijklmnopqrstuvwxyz"
	hexdig = "0123456789abcdef"
	b64url = alnum + "-_"
)

var (
	methods  = []string{"GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"}
	paths    = []string{"/api/v1/users", "/api/v1/orders", "/api/v2/carts", "/healthz", "/metrics", "/api/v1/products", "/login", "/static/app.js", "/api/v1/invoices"}
	statuses = []int{200, 200, 200, 200, 201, 204, 301, 304, 400, 404, 500, 503}
	services = []string{"checkout", "billing", "inventory", "gateway", "search", "notifier"}
	messages = []string{
		"request completed", "cache miss", "cache hit", "user logged in",
		"order created", "payment authorized", "retrying upstream call",
		"connection pool exhausted", "slow query", "job finished",
		"scheduled job started", "config reloaded", "shutting down worker",
	}
	callers = []string{"server/handler.go:142", "store/orders.go:88", "cache/lru.go:51", "worker/pool.go:210", "http/client.go:97"}
	agents  = []string{
		"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
		"curl/8.5.0", "Go-http-client/2.0", "kube-probe/1.31", "python-requests/2.32.3",
	}
	javaClasses = []string{"com.example.orders.OrderService", "com.example.http.RequestLogger", "org.hibernate.SQL", "com.example.billing.InvoiceJob"}
	hosts       = []string{"web-1", "web-2", "api-7f9c", "db-0", "worker-3"}
	daemons     = []string{"sshd", "systemd", "kernel", "cron", "dockerd"}
)

func (g *Generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *Generator) appendRand(dst []byte, alphabet string, n int) []byte {
	for range n {
		dst = append(dst, alphabet[g.rng.IntN(len(alphabet))])
	}
	return dst
}

func (g *Generator) randString(alphabet string, n int) string {
	return string(g.appendRand(make([]byte, 0, n), alphabet, n))
}

// Secret shapes, assembled from parts at run time.

func (g *Generator) githubToken() string { return "gh" + "p_" + g.randString(alnum, 36) }

func (g *Generator) password() string {
	// Mixed classes so that entropy floors see a real password.
	return g.randString(lower, 4) + strconv.Itoa(10+g.rng.IntN(90)) + g.randString(alnum, 10+g.rng.IntN(8))
}

func (g *Generator) jwt() string {
	return "ey" + "J" + g.randString(b64url, 34) + "." + "ey" + "J" + g.randString(b64url, 60) + "." + g.randString(b64url, 43)
}

func (g *Generator) appendTime(dst []byte) []byte {
	return g.now.AppendFormat(dst, "2006-01-02T15:04:05.000Z07:00")
}

func (g *Generator) jsonLine(dst []byte, secret bool) ([]byte, string) {
	dst = append(dst, `{"level":"info","ts":"`...)
	dst = g.appendTime(dst)
	dst = append(dst, `","caller":"`...)
	dst = append(dst, g.pick(callers)...)
	dst = append(dst, `","msg":"`...)
	dst = append(dst, g.pick(messages)...)
	dst = append(dst, `","service":"`...)
	dst = append(dst, g.pick(services)...)
	dst = append(dst, `","method":"`...)
	dst = append(dst, g.pick(methods)...)
	dst = append(dst, `","path":"`...)
	dst = append(dst, g.pick(paths)...)
	dst = append(dst, '/')
	dst = strconv.AppendInt(dst, int64(g.rng.IntN(100000)), 10)
	dst = append(dst, `","status":`...)
	dst = strconv.AppendInt(dst, int64(g.pick2(statuses)), 10)
	dst = append(dst, `,"latency_ms":`...)
	dst = strconv.AppendFloat(dst, float64(g.rng.IntN(500000))/1000, 'f', 3, 64)
	dst = append(dst, `,"request_id":"`...)
	dst = g.appendRand(dst, hexdig, 16)
	dst = append(dst, `","user_id":`...)
	dst = strconv.AppendInt(dst, int64(g.rng.IntN(1_000_000)), 10)
	s := ""
	if secret {
		switch g.rng.IntN(4) {
		case 0:
			s = g.password()
			dst = append(dst, `,"user":{"name":"ops","password":"`...)
			dst = append(dst, s...)
			dst = append(dst, `"}`...)
		case 1:
			s = g.jwt()
			dst = append(dst, `,"headers":{"Accept":"application/json","Authorization":"Bearer `...)
			dst = append(dst, s...)
			dst = append(dst, `"}`...)
		case 2:
			s = g.githubToken()
			dst = append(dst, `,"error":"clone failed for https://github.com/example/app.git using `...)
			dst = append(dst, s...)
			dst = append(dst, `"`...)
		default:
			s = g.password()
			dst = append(dst, `,"dsn":"postgres://app:`...)
			dst = append(dst, s...)
			dst = append(dst, `@db-0.internal:5432/orders?sslmode=require"`...)
		}
	}
	return append(dst, '}'), s
}

func (g *Generator) pick2(list []int) int { return list[g.rng.IntN(len(list))] }

func (g *Generator) logfmtLine(dst []byte, secret bool) ([]byte, string) {
	dst = append(dst, "time="...)
	dst = g.appendTime(dst)
	dst = append(dst, " level="...)
	dst = append(dst, g.pick([]string{"info", "info", "info", "debug", "warn", "error"})...)
	dst = append(dst, ` msg="`...)
	dst = append(dst, g.pick(messages)...)
	dst = append(dst, `" service=`...)
	dst = append(dst, g.pick(services)...)
	dst = append(dst, " method="...)
	dst = append(dst, g.pick(methods)...)
	dst = append(dst, " path="...)
	dst = append(dst, g.pick(paths)...)
	dst = append(dst, " status="...)
	dst = strconv.AppendInt(dst, int64(g.pick2(statuses)), 10)
	dst = append(dst, " duration="...)
	dst = strconv.AppendFloat(dst, float64(g.rng.IntN(90000))/1000, 'f', 3, 64)
	dst = append(dst, "ms trace_id="...)
	dst = g.appendRand(dst, hexdig, 32)
	s := ""
	if secret {
		switch g.rng.IntN(3) {
		case 0:
			s = g.password()
			dst = append(dst, " user=deploy password="...)
			dst = append(dst, s...)
		case 1:
			s = g.githubToken()
			dst = append(dst, ` err="push rejected: token `...)
			dst = append(dst, s...)
			dst = append(dst, ` lacks scope"`...)
		default:
			s = g.password()
			dst = append(dst, " upstream=amqp://worker:"...)
			dst = append(dst, s...)
			dst = append(dst, "@mq.internal:5672/"...)
		}
	}
	return dst, s
}

func (g *Generator) textLine(dst []byte, secret bool) ([]byte, string) {
	s := ""
	switch g.rng.IntN(3) {
	case 0: // combined access log
		dst = g.appendIP(dst)
		dst = append(dst, " - - ["...)
		dst = g.now.AppendFormat(dst, "02/Jan/2006:15:04:05 -0700")
		dst = append(dst, `] "`...)
		dst = append(dst, g.pick(methods)...)
		dst = append(dst, ' ')
		dst = append(dst, g.pick(paths)...)
		dst = append(dst, "?page="...)
		dst = strconv.AppendInt(dst, int64(g.rng.IntN(40)), 10)
		dst = append(dst, ` HTTP/1.1" `...)
		dst = strconv.AppendInt(dst, int64(g.pick2(statuses)), 10)
		dst = append(dst, ' ')
		dst = strconv.AppendInt(dst, int64(g.rng.IntN(60000)), 10)
		dst = append(dst, ` "-" "`...)
		dst = append(dst, g.pick(agents)...)
		dst = append(dst, '"')
		if secret {
			s = g.jwt()
			dst = append(dst, ` "Authorization: Bearer `...)
			dst = append(dst, s...)
			dst = append(dst, '"')
		}
	case 1: // Java-style application log
		dst = g.now.AppendFormat(dst, "2006-01-02 15:04:05.000")
		dst = append(dst, ' ')
		dst = append(dst, g.pick([]string{"INFO ", "INFO ", "DEBUG", "WARN ", "ERROR"})...)
		dst = append(dst, " [http-nio-8080-exec-"...)
		dst = strconv.AppendInt(dst, int64(1+g.rng.IntN(20)), 10)
		dst = append(dst, "] "...)
		dst = append(dst, g.pick(javaClasses)...)
		dst = append(dst, " - "...)
		if secret {
			s = g.password()
			dst = append(dst, "Connecting to jdbc:postgresql://db-0.internal:5432/orders with user=app password="...)
			dst = append(dst, s...)
		} else {
			dst = append(dst, "Processed order "...)
			dst = strconv.AppendInt(dst, int64(g.rng.IntN(1_000_000)), 10)
			dst = append(dst, " for customer "...)
			dst = strconv.AppendInt(dst, int64(g.rng.IntN(100_000)), 10)
			dst = append(dst, " in "...)
			dst = strconv.AppendInt(dst, int64(g.rng.IntN(900)), 10)
			dst = append(dst, " ms"...)
		}
	default: // syslog
		dst = g.now.AppendFormat(dst, "Jan _2 15:04:05")
		dst = append(dst, ' ')
		dst = append(dst, g.pick(hosts)...)
		dst = append(dst, ' ')
		dst = append(dst, g.pick(daemons)...)
		dst = append(dst, '[')
		dst = strconv.AppendInt(dst, int64(100+g.rng.IntN(30000)), 10)
		dst = append(dst, "]: "...)
		if secret {
			s = g.githubToken()
			dst = append(dst, "git fetch failed: remote rejected credentials "...)
			dst = append(dst, s...)
			dst = append(dst, " (HTTP 403)"...)
		} else {
			dst = append(dst, "Accepted publickey for deploy from "...)
			dst = g.appendIP(dst)
			dst = append(dst, " port "...)
			dst = strconv.AppendInt(dst, int64(1024+g.rng.IntN(60000)), 10)
			dst = append(dst, " ssh2"...)
		}
	}
	return dst, s
}

func (g *Generator) appendIP(dst []byte) []byte {
	dst = append(dst, "10."...)
	dst = strconv.AppendInt(dst, int64(g.rng.IntN(256)), 10)
	dst = append(dst, '.')
	dst = strconv.AppendInt(dst, int64(g.rng.IntN(256)), 10)
	dst = append(dst, '.')
	return strconv.AppendInt(dst, int64(1+g.rng.IntN(254)), 10)
}
