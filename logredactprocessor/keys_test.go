package logredactprocessor

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.uber.org/zap"
)

// TestKeyCache checks that the key cache answers as the redactor does,
// never keeps a key that holds a secret, and stops growing at its bound.
func TestKeyCache(t *testing.T) {
	w := newWalker(mustDefault(t).w.r, summarySilent)
	for range 2 { // the second round is answered by the cache
		s, secret := w.classify("http.request.header.authorization")
		assert.True(t, s)
		assert.False(t, secret)
		s, secret = w.classify("max_tokens")
		assert.False(t, s)
		assert.False(t, secret)
		_, secret = w.classify("token_" + ghToken)
		assert.True(t, secret)
	}
	for k := range w.keys.m {
		assert.NotContains(t, k, ghToken)
	}

	p := &redactProcessor{w: w, logger: zap.NewNop()}
	ld := plog.NewLogs()
	a := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty().Attributes()
	for i := range maxCachedKeys + 10 {
		a.PutStr("k"+strconv.Itoa(i), "v")
	}
	_, err := p.processLogs(context.Background(), ld)
	require.NoError(t, err)
	assert.Len(t, w.keys.m, maxCachedKeys)
}
