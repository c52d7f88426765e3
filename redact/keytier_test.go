package redact_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/logredact/logredact/redact"
)

func TestKeyTier(t *testing.T) {
	r := redact.MustNew(redact.WithWeakKeys("flavour"), redact.WithSensitiveKeys("pin_code"))
	cases := map[string]redact.KeyTier{
		"password": redact.KeyStrong, "X-Api-" + "Key": redact.KeyStrong, "DB_PASSWORD": redact.KeyStrong,
		"pinCode": redact.KeyStrong, "token": redact.KeyWeak, "session": redact.KeyWeak, "flavour": redact.KeyWeak,
		"status": redact.KeyNotSensitive, "": redact.KeyNotSensitive, "max_tokens": redact.KeyNotSensitive,
	}
	for key, want := range cases {
		assert.Equal(t, want, r.KeyTier(key), key)
		assert.Equal(t, want != redact.KeyNotSensitive, r.IsSensitiveKey(key), key)
	}
}

func ExampleRedactor_KeyTier() {
	r := redact.MustNew()
	for _, k := range []string{"password", "session", "status"} {
		switch r.KeyTier(k) {
		case redact.KeyStrong:
			fmt.Println(k, "strong")
		case redact.KeyWeak:
			fmt.Println(k, "weak")
		default:
			fmt.Println(k, "not sensitive")
		}
	}
	// Output:
	// password strong
	// session weak
	// status not sensitive
}
