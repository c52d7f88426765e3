package redact_test

import (
	"encoding/json"
	"fmt"

	"github.com/logredact/logredact/redact"
)

func ExampleNewSecret() {
	type Config struct {
		User     string
		Password redact.Secret[string]
	}
	cfg := Config{User: "app", Password: redact.NewSecret("from-the-vault")}
	fmt.Printf("%+v\n", cfg)
	b, _ := json.Marshal(cfg)
	fmt.Println(string(b))
	fmt.Println(len(cfg.Password.Value()))
	// Output:
	// {User:app Password:[REDACTED]}
	// {"User":"app","Password":"[REDACTED]"}
	// 14
}
