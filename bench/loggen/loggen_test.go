package loggen_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/bench/loggen"
)

func TestDeterministic(t *testing.T) {
	a := loggen.Stream(42, 0.1, 64<<10)
	b := loggen.Stream(42, 0.1, 64<<10)
	c := loggen.Stream(43, 0.1, 64<<10)
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)
	assert.GreaterOrEqual(t, len(a), 64<<10)
	assert.Equal(t, byte('\n'), a[len(a)-1])
}

func TestLines(t *testing.T) {
	tests := []struct {
		fraction float64
		min, max float64
	}{
		{0, 0, 0},
		{0.01, 0.005, 0.015},
		{0.5, 0.45, 0.55},
		{1, 1, 1},
		{7, 1, 1}, // clamped
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.fraction), func(t *testing.T) {
			g := loggen.New(1, tc.fraction)
			const n = 4000
			secrets, kinds := 0, map[byte]int{}
			var line []byte
			for range n {
				var s string
				line, s = g.AppendLine(line[:0])
				require.Equal(t, 1, bytes.Count(line, []byte{'\n'}), "one line break, at the end")
				require.Equal(t, byte('\n'), line[len(line)-1])
				kinds[line[0]]++
				if line[0] == '{' {
					require.True(t, json.Valid(line), "%s", line)
				}
				if s != "" {
					secrets++
					require.Contains(t, string(line), s)
					require.GreaterOrEqual(t, len(s), 12)
				}
			}
			frac := float64(secrets) / n
			assert.GreaterOrEqual(t, frac, tc.min)
			assert.LessOrEqual(t, frac, tc.max)
			assert.Greater(t, kinds['{'], n/5, "JSON lines")
			assert.Greater(t, kinds['t'], n/5, "logfmt lines")
		})
	}
}

func ExampleGenerator_AppendLine() {
	g := loggen.New(1, 0) // no secrets
	line, secret := g.AppendLine(nil)
	fmt.Printf("%s%q\n", line, secret)
	// Output:
	// {"level":"info","ts":"2026-11-27T13:00:00.021Z","caller":"worker/pool.go:210","msg":"job finished","service":"inventory","method":"DELETE","path":"/api/v1/orders/10420","status":304,"latency_ms":182.808,"request_id":"9b3b0eab42bcc3b8","user_id":157710}
	// ""
}

func ExampleStream() {
	stream := loggen.Stream(1, 0.01, 1<<20)
	fmt.Println(len(stream) >= 1<<20, stream[len(stream)-1] == '\n')
	// Output: true true
}
