package redact_test

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/logredact/logredact/redact"
)

// jsonFuzzGen builds random JSON documents from a seed: nested objects and
// arrays, strings with every kind of escape, numbers and literals.
type jsonFuzzGen struct {
	rng    *rand.Rand
	filler string // text chosen by the fuzzer, used in string values
	b      strings.Builder
	slots  int // string values written so far
	plant  int // index of the string value that receives the secret
	secret string
	done   bool
}

// jsonFuzzKeys are ordinary key names; sensitive ones come from
// jsonFuzzSensitive.
var (
	jsonFuzzKeys      = []string{"level", "msg", "user", "id", "items", "body", "path", "status", "meta", "tags"}
	jsonFuzzSensitive = []string{"password", "apiKey", "X-Api-Key", "auth_token", "authorization", "db.password", "client_secret", "Credentials", "pass\\u0077ord", "auth_to\\u006Ben"}
)

// writeString writes s as a JSON string, escaping characters at random
// (\uXXXX, surrogate pairs, \/ ...) so the rewriter must decode to see them.
func (g *jsonFuzzGen) writeString(s string) {
	g.b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			g.b.WriteByte('\\')
			g.b.WriteRune(r)
		case r < 0x20:
			g.b.WriteString(`\u00`)
			g.b.WriteString(strconv.FormatInt(int64(r)>>4, 16))
			g.b.WriteString(strconv.FormatInt(int64(r)&0xf, 16))
		case r == '/' && g.rng.IntN(2) == 0:
			g.b.WriteString(`\/`)
		case r == utf8.RuneError:
			g.b.WriteString(`\ufffd`)
		case g.rng.IntN(8) == 0:
			if r >= 0x10000 {
				r1, r2 := (r-0x10000)>>10+0xd800, (r-0x10000)&0x3ff+0xdc00
				g.b.WriteString(`\u` + strconv.FormatInt(int64(r1), 16) + `\u` + strconv.FormatInt(int64(r2), 16))
			} else {
				g.b.WriteString(`\u` + strings.Repeat("0", 4-len(strconv.FormatInt(int64(r), 16))) + strings.ToUpper(strconv.FormatInt(int64(r), 16)))
			}
		default:
			g.b.WriteRune(r)
		}
	}
	g.b.WriteByte('"')
}

// text returns a string value's content; one chosen value holds the secret.
func (g *jsonFuzzGen) text() string {
	g.slots++
	if !g.done && g.slots > g.plant {
		g.done = true
		return g.filler + " " + g.secret + " " + g.filler
	}
	if g.rng.IntN(3) == 0 {
		return g.filler
	}
	return jsonFuzzKeys[g.rng.IntN(len(jsonFuzzKeys))]
}

func (g *jsonFuzzGen) value(depth int) {
	switch n := g.rng.IntN(10); {
	case n < 2 && depth < 6:
		g.object(depth + 1)
	case n < 3 && depth < 6:
		g.b.WriteByte('[')
		for i := range g.rng.IntN(4) {
			if i > 0 {
				g.b.WriteString(", ")
			}
			g.value(depth + 1)
		}
		g.b.WriteByte(']')
	case n < 7:
		g.writeString(g.text())
	case n < 8:
		g.b.WriteString(strconv.FormatFloat(g.rng.NormFloat64()*1e6, 'g', -1, 64))
	default:
		g.b.WriteString([]string{"true", "false", "null"}[g.rng.IntN(3)])
	}
}

func (g *jsonFuzzGen) object(depth int) {
	g.b.WriteByte('{')
	for i := range 1 + g.rng.IntN(5) {
		if i > 0 {
			g.b.WriteByte(',')
		}
		g.writeString(jsonFuzzKeys[g.rng.IntN(len(jsonFuzzKeys))])
		g.b.WriteByte(':')
		g.value(depth)
	}
	g.b.WriteByte('}')
}

// jsonFuzzSensitiveValue returns a JSON value of a random type holding
// secret, for use under a sensitive key.
func jsonFuzzSensitiveValue(rng *rand.Rand, secret string) string {
	switch rng.IntN(5) {
	case 0:
		return jsonQuote(secret)
	case 1:
		return "7391552648" // a number is replaced as well
	case 2:
		return `{"inner":` + jsonQuote(secret) + `,"n":7391552648}`
	case 3:
		return `[` + jsonQuote(secret) + `,7391552648,true]`
	default:
		return "true"
	}
}

// FuzzAppendJSON builds a random JSON object and plants a secret either in a
// random string value (with random escaping) or under a random sensitive
// key (as a value of random type). The properties: the secret survives
// neither in the output bytes nor in its decoded strings, the output is
// valid JSON, and nothing panics. The fuzzer's raw bytes are also fed to
// AppendJSON directly: no panic, and valid JSON stays valid.
func FuzzAppendJSON(f *testing.F) {
	f.Add(uint64(1), "hello", uint8(0), false)
	f.Add(uint64(2), "", uint8(1), true)
	f.Add(uint64(3), `{"password":"x"}`, uint8(2), false)
	f.Add(uint64(4), "\xff\u00e9\n\"\\/", uint8(3), true)
	f.Add(uint64(5), "ghp_ bearer :// password=", uint8(4), false)
	f.Add(uint64(6), `["token",{"a":"\u0067hp_"}]`, uint8(5), true)
	f.Add(uint64(7), `{"password":[1,{"a":"b"}],"k":"v"} x`, uint8(6), false)
	f.Add(uint64(8), `{"body":"{\"token\":\"x\"}","n":-0.0e+1}`, uint8(7), true)
	f.Add(uint64(9), "client_key", uint8(8), false)
	f.Add(uint64(10), "x PGPASSWORD", uint8(9), false)
	// A text-mode match that runs from the key into the value.
	f.Add(uint64(11), `{"pAss`+`word":'`+strings.Repeat("0", 14), uint8(6), true)
	r := redact.MustNew()
	pw := "Pw" + "9-quartz-Lamp"
	secrets := []struct{ text, secret string }{
		{jsonGH, jsonGH},
		{"password=" + pw, pw},
		{"postgres://app:" + pw + "@db:5432/x", pw},
		{"Authorization: Bearer " + jsonTok, jsonTok},
	}
	f.Fuzz(func(t *testing.T, seed uint64, filler string, which uint8, underKey bool) {
		// The fuzzer's own bytes as a document: it must not panic, and
		// keeps valid JSON valid.
		out, err := r.AppendJSON(nil, []byte(filler))
		switch valid := json.Valid([]byte(filler)); {
		case valid && err != nil:
			t.Fatalf("valid input rejected: %v\n in: %q", err, filler)
		case valid && !json.Valid(out):
			t.Fatalf("valid input gave invalid output:\n in: %q\nout: %q", filler, out)
		case !valid && err == nil && string(out) != filler:
			t.Fatalf("invalid input neither rejected nor passed through:\n in: %q\nout: %q", filler, out)
		case err != nil && len(out) != 0:
			t.Fatalf("dst changed on error: %q", out)
		}

		// Never less than text: a value that a text scan of the line
		// redacts, under a key the fuzzer names, is redacted here too.
		v := jsonMadeUp(18, int(which))
		if !strings.Contains(filler, v) {
			line := `{` + jsonQuote(filler) + `:"` + v + `"}`
			if text := r.String(line); !strings.Contains(text, v) {
				if out, err := r.AppendJSON(nil, []byte(line)); err != nil || strings.Contains(string(out), v) {
					t.Fatalf("text mode redacts the value, JSON mode does not (%v):\n in: %q\nout: %q\ntext: %q", err, line, out, text)
				}
			}
		}

		rng := rand.New(rand.NewPCG(seed, 0x5eed))
		if !utf8.ValidString(filler) {
			filler = strings.ToValidUTF8(filler, "?")
		}
		s := secrets[int(which)%len(secrets)]
		g := &jsonFuzzGen{rng: rng, filler: filler, secret: s.text, plant: rng.IntN(8)}
		if underKey {
			g.done = true // no secret in values; it goes under a key
		}
		g.object(0)
		doc := g.b.String()
		secret := s.secret
		if underKey {
			secret = pw
			key := jsonFuzzSensitive[rng.IntN(len(jsonFuzzSensitive))]
			doc = doc[:len(doc)-1] + `,"` + key + `":` + jsonFuzzSensitiveValue(rng, pw) + `}`
		} else if !g.done {
			doc = doc[:len(doc)-1] + `,"msg":` + jsonQuote(g.filler+" "+s.text+" "+g.filler) + `}`
		}
		if !json.Valid([]byte(doc)) {
			t.Fatalf("generator bug: invalid JSON %q", doc)
		}
		if strings.Contains(filler, secret) || strings.Contains(filler, "7391552648") {
			return // the fuzzer put the secret in the filler text itself
		}
		if !underKey && strings.Contains(r.String(filler+" "+s.text+" "+filler), secret) {
			// The patterns miss the secret in this text even outside JSON:
			// an engine or catalog miss, which FuzzString covers. This
			// target checks the JSON layer.
			return
		}

		out, err = r.AppendJSON(nil, []byte(doc))
		if err != nil {
			t.Fatalf("valid JSON rejected: %v\n%q", err, doc)
		}
		if !json.Valid(out) {
			t.Fatalf("invalid output:\n in: %q\nout: %q", doc, out)
		}
		if strings.Contains(string(out), secret) || strings.Contains(string(out), "7391552648") {
			t.Fatalf("secret survived:\n in: %q\nout: %q", doc, out)
		}
		var decoded any
		if err := json.Unmarshal(out, &decoded); err != nil {
			t.Fatal(err)
		}
		jsonWalkStrings(decoded, func(s string) {
			if strings.Contains(s, secret) {
				t.Fatalf("secret survived in a decoded string:\n in: %q\nout: %q", doc, out)
			}
		})
	})
}

// jsonWalkStrings calls fn on every key and string of a decoded value.
func jsonWalkStrings(v any, fn func(string)) {
	switch v := v.(type) {
	case string:
		fn(v)
	case map[string]any:
		for k, e := range v {
			fn(k)
			jsonWalkStrings(e, fn)
		}
	case []any:
		for _, e := range v {
			jsonWalkStrings(e, fn)
		}
	}
}
