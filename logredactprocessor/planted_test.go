package logredactprocessor

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
)

// TestPlantedSecretsNeverSurvive builds random records — bodies and
// attributes of nested maps, slices, strings and bytes under ordinary and
// sensitive keys — with the test secrets planted at random places, and
// checks that none survives anywhere in the batch.
func TestPlantedSecretsNeverSurvive(t *testing.T) {
	p := mustDefault(t)
	rng := rand.New(rand.NewPCG(1, 2))
	keys := []string{"msg", "error", "url.full", "user", "headers", "items", "db." + "pass" + "word", "Authorization", "session", "note"}
	texts := []func(secret string) string{
		func(s string) string { return s },
		func(s string) string { return "failed with " + s + " (retrying)" },
		func(s string) string { return `{"detail":"` + s + `","code":7}` },
		func(s string) string { return "request " + `{"headers":{"x":"` + s + `"}}` },
		func(s string) string { return cloneURL(s) },
	}
	// Secrets with a shape of their own, found wherever they are; the
	// password has none and is a secret only under its key.
	shaped := []string{ghToken, awsKeyID, bearer, jwt}
	var fill func(v pcommon.Value, depth int)
	fill = func(v pcommon.Value, depth int) {
		secret := shaped[rng.IntN(len(shaped))]
		switch k := rng.IntN(6); {
		case k == 0 && depth < 4:
			m := v.SetEmptyMap()
			for range 1 + rng.IntN(4) {
				k := keys[rng.IntN(len(keys))]
				if k == pwKey {
					m.PutStr(k, pw) // shapeless, so only under its key
					continue
				}
				fill(m.PutEmpty(k), depth+1)
			}
		case k == 1 && depth < 4:
			s := v.SetEmptySlice()
			for range 1 + rng.IntN(3) {
				fill(s.AppendEmpty(), depth+1)
			}
		case k == 2:
			v.SetEmptyBytes().FromRaw([]byte(texts[rng.IntN(len(texts))](secret)))
		default:
			v.SetStr(texts[rng.IntN(len(texts))](secret))
		}
	}
	for range 20 {
		ld := plog.NewLogs()
		lrs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
		for range 20 {
			lr := lrs.AppendEmpty()
			fill(lr.Body(), 0)
			for range 1 + rng.IntN(3) {
				fill(lr.Attributes().PutEmpty(keys[rng.IntN(len(keys))]), 1)
			}
		}
		_, err := p.processLogs(context.Background(), ld)
		require.NoError(t, err)
		requireNoSecret(t, jsonLogs(t, ld))
		for _, lr := range lrs.All() { // bytes are base64 in JSON: read them too
			lr.Body().CopyTo(lr.Attributes().PutEmpty("logredact.test.body"))
			requireNoSecret(t, rawStrings(lr.Attributes()))
		}
	}
}

// rawStrings is every string, byte slice and key in m, nested values
// included, joined.
func rawStrings(m pcommon.Map) string {
	var b []byte
	var walk func(v pcommon.Value)
	walk = func(v pcommon.Value) {
		switch v.Type() {
		case pcommon.ValueTypeStr:
			b = append(b, v.Str()...)
		case pcommon.ValueTypeBytes:
			b = append(b, v.Bytes().AsRaw()...)
		case pcommon.ValueTypeMap:
			for k, e := range v.Map().All() {
				b = append(b, k...)
				walk(e)
			}
		case pcommon.ValueTypeSlice:
			for _, e := range v.Slice().All() {
				walk(e)
			}
		}
		b = append(b, '\n')
	}
	for k, v := range m.All() {
		b = append(b, k...)
		walk(v)
	}
	return string(b)
}
