package redact

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKeyTiers(t *testing.T) {
	r := MustNew()
	tests := []struct {
		key  string
		want tier
	}{
		{"password", tierStrong}, {"DB_PASSWORD", tierStrong}, {"userPassword", tierStrong},
		{"password_confirmation", tierStrong}, {"password2", tierStrong}, {"pgpassword", tierStrong},
		{"dbpassword", tierStrong}, {"client_secret", tierStrong}, {"x-access-token", tierStrong},
		{"accessKey", tierStrong}, {"Authorization", tierStrong},
		{"token", tierWeak}, {"csrftoken", tierWeak}, {"session", tierWeak}, {"sessionid", tierWeak},
		{"cookie", tierWeak}, {"auth", tierWeak}, {"next_page_token", tierWeak},
		{"session_id", tierNone}, {"token_count", tierNone}, {"passwordless", tierNone},
		{"bypass", tierNone}, {"oauth", tierNone}, {"secret_name", tierNone}, {"key", tierNone},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, r.keyTier(tt.key), tt.key)
	}
	w := MustNew(WithWeakKeys("pin"), WithSensitiveKeys("session"), WithoutSensitiveKeys("cookie"))
	assert.Equal(t, tierWeak, w.keyTier("pin"))
	assert.Equal(t, tierStrong, w.keyTier("session"))
	assert.Equal(t, tierNone, w.keyTier("cookie"))
	_, err := New(WithWeakKeys(""))
	assert.Error(t, err)
}

func TestWeakValues(t *testing.T) {
	cred := "Ab3dEf6hIj9kLm2nOp5q"
	for _, v := range []string{cred, strings.Repeat("9f8e7d6c", 4), "dGVzdDp" + "zZWNyZXQxMjM0NQ==", "3fa85f64-5717-4562-b3fc-2c963f66afa6"} {
		assert.True(t, masksValue(tierWeak, v), v)
		assert.True(t, masksValue(tierStrong, v), v)
	}
	for _, v := range []string{
		"651b2c3d4e5f", "30546173_4261722401", "SIMPLE", "nessus", "oauth2", "Token{a64f992",
		"android.os.BinderProxy@2bd79ce", "com.apple.xpc.activity/4505", "0x14ede63a5a70002",
		"arn:aws:secretsmanager:us-east-1:123456789012:secret:app-1", "/var/run/app.sock",
		"bob.smith@example.com", "https://example.com/a/b", "authenticationfailedforuser",
		"job_1445144423722_0020", "12345678901234567890",
	} {
		assert.False(t, masksValue(tierWeak, v), v)
	}
}

func TestPlaceholdersUnderAnyKey(t *testing.T) {
	for _, v := range []string{
		"${DB_PASSWORD}", "$1", "$PASSWORD", "$DB_PASS2", "$password", "$dbPassword", "%s", "%v", "%(password)s", "%PASSWORD%", "{{ .Token }}",
		"{password}", "<token>", "<your", "<PASSWORD", "<your_api_key", "$(cat", "$$", "`${{ secrets.TOKEN }}`", "****1234", "REDACTED:rule", "[PASSWORD]", "[REDACTED]", "[REDACTED:generic-password]", "xxx",
		"XXXXXXXX", "****", "***", "••••", "changeme", "CHANGEME", "your_password_here", "var.db_password",
		"process.env.DB_PASSWORD", "os.Getenv(", "secrets.DB_TOKEN", "AKIAIOSFODNN7" + "EXAMPLE", "null",
	} {
		assert.True(t, isPlaceholder(v), v)
		assert.False(t, masksValue(tierStrong, v), v)
	}
	for _, v := range []string{"hunter2", "Summer(2024)", "p@ss=word", "dXNlcjpwYXNz=", "$ecret!", "$ecret123", "$plainValue4711", "<plainValue4711", "<x9", "${plainValue4711", "$(9x", "$$plainValue4711", "%(plainValue4711",
		"{{plainValue4711", "`plainValue4711", "`hunter2`", "***plainValue4711", "REDACTEDplainValue4711", "%a9b1", "x"} {
		assert.False(t, isPlaceholder(v), v)
	}
}

func TestFieldTiers(t *testing.T) {
	r := MustNew()
	assert.Equal(t, "651b2c3d4e5f", r.Field("session", "651b2c3d4e5f"))
	assert.Equal(t, "[REDACTED]", r.Field("session", "Ab3dEf6hIj9kLm2nOp5q"))
	assert.Equal(t, "${DB_PASSWORD}", r.Field("password", "${DB_PASSWORD}"))
	assert.Equal(t, "[REDACTED:x]", MustNew(WithMode(Label)).Field("password", "[REDACTED:x]"), "never relabelled")
	assert.Equal(t, "[REDACTED]", r.Field("password", "x"))
}

func TestJSONTiers(t *testing.T) {
	r := MustNew()
	in := `{"session":"651b2c3d4e5f","token":12,"cookie":{"a":1},"password":"${DB_PASSWORD}","pwd":7,"sid":"Ab3dEf6hIj9kLm2nOp5q"}`
	want := `{"session":"651b2c3d4e5f","token":12,"cookie":{"a":1},"password":"${DB_PASSWORD}","pwd":"[REDACTED]","sid":"[REDACTED]"}`
	out, err := r.AppendJSON(nil, []byte(in))
	assert.NoError(t, err)
	assert.Equal(t, want, string(out))
}

// TestNextAssignmentIsTextOnly: "enabled=true" after a name in text is the
// next assignment, not a value; under a strong key in data it is a value.
func TestNextAssignmentIsTextOnly(t *testing.T) {
	assert.True(t, isNextAssignment("enabled=true"))
	assert.False(t, isNextAssignment("dXNlcjpwYXNz=="))
	assert.True(t, masksValue(tierStrong, "enabled=true"))
}
