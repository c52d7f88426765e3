package anyredact_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"

	"github.com/logredact/logredact/internal/anyredact"
	"github.com/logredact/logredact/redact"
)

// TestKeyTier holds KeyTier to the tiers the core defines, default and
// configured: it tells them apart through the public API only.
func TestKeyTier(t *testing.T) {
	r := redact.MustNew()
	for _, k := range redact.DefaultSensitiveKeys() {
		assert.Equal(t, anyredact.Strong, anyredact.KeyTier(r, k), k)
	}
	for _, k := range redact.DefaultWeakKeys() {
		assert.Equal(t, anyredact.Weak, anyredact.KeyTier(r, k), k)
	}
	for _, k := range []string{"", "user", "max_tokens", "keyboard", "status"} {
		assert.Equal(t, anyredact.NotSensitive, anyredact.KeyTier(r, k), k)
	}
	c := redact.MustNew(redact.WithWeakKeys("pin"), redact.WithSensitiveKeys("session"))
	assert.Equal(t, anyredact.Weak, anyredact.KeyTier(c, "pin"))
	assert.Equal(t, anyredact.Strong, anyredact.KeyTier(c, "session"))
}

type weakFields struct {
	Token   []byte `json:"token"`
	Session []byte `json:"session"`
	Auth    struct {
		Password []byte `json:"password"`
		Method   []byte `json:"method"`
	} `json:"auth"`
	Cookies []any `json:"cookie"`
}

// TestValueWeakKeys checks bytes under weak names: masked when they look
// like a credential, kept when they are a short word or a number, and a
// struct or list under a weak name is walked.
func TestValueWeakKeys(t *testing.T) {
	r := redact.MustNew()
	cred := "q7" + "Qw3Er5Ty7" + "Ui1Op2As4Lk8" // built at run time
	is := assert.New(t)
	is.True(r.MasksValue("token", cred), "the test value must look like a credential")
	v := weakFields{Token: []byte(cred), Session: []byte("4711"), Cookies: []any{[]byte("nessus")}}
	v.Auth.Password = []byte("short")
	v.Auth.Method = []byte("SIMPLE")
	got, changed := anyredact.Value(r, v)
	is.True(changed)
	want := map[string]any{
		"token":   "[REDACTED]",
		"session": "NDcxMQ==", // base64 of "4711": clean bytes stay bytes
		"auth":    map[string]any{"password": "[REDACTED]", "method": "U0lNUExF"},
		"cookie":  []any{"bmVzc3Vz"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("Value mismatch (-want +got):\n%s", diff)
	}
}
