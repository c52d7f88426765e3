package filter_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/logredact/logredact/internal/filter"
	"github.com/logredact/logredact/redact"
)

func ExampleFilter_Run() {
	f, err := filter.New(redact.MustNew(), &filter.Options{Workers: 2})
	if err != nil {
		panic(err)
	}
	in := `{"level":"info","msg":"login","password":"hunter2"}` + "\n" +
		`level=info msg="db connect" dsn=postgres://app:hunter2@db:5432/x` + "\n" +
		"plain text stays as it is\n"
	st, err := f.Run(os.Stdout, strings.NewReader(in))
	fmt.Println(st.Lines, err)
	// Output:
	// {"level":"info","msg":"login","password":"[REDACTED]"}
	// level=info msg="db connect" dsn=postgres://app:[REDACTED]@db:5432/x
	// plain text stays as it is
	// 3 <nil>
}

func ExampleFilter_AppendLine() {
	f, _ := filter.New(redact.MustNew(), nil)
	fmt.Println(string(f.AppendLine(nil, []byte(`time=1 apiKey=abc123 msg="ok"`))))
	// Output: time=1 apiKey=[REDACTED] msg="ok"
}

func ExampleParseFormat() {
	f, err := filter.ParseFormat("logfmt")
	fmt.Println(f, err)
	// Output: logfmt <nil>
}
