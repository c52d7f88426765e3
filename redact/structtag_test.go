package redact_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/logredact/logredact/redact"
)

func TestWithStructTagInvalid(t *testing.T) {
	for _, key := range []string{"a b", "a:b", `a"b`, "a\tb"} {
		_, err := redact.New(redact.WithStructTag(key))
		assert.Error(t, err, key)
	}
	_, err := redact.New(redact.WithStructTag("log"))
	assert.NoError(t, err)
}

func ExampleWithStructTag() {
	r := redact.MustNew(redact.WithStructTag("log"))
	// The logger adapters read `log:"true"` and `log:"-"` on the fields of
	// logged structs.
	_ = r
	fmt.Println(redact.MustNew().StructTag())
	// Output: redact
}
