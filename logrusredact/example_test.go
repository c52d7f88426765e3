package logrusredact_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/sirupsen/logrus"

	"github.com/logredact/logredact/logrusredact"
	"github.com/logredact/logredact/redact"
)

func ExampleNewFormatter() {
	r := redact.MustNew()

	logger := logrus.New()
	logger.SetOutput(os.Stdout)
	logger.SetFormatter(logrusredact.NewFormatter(&logrus.JSONFormatter{DisableTimestamp: true}, r))

	pw := strings.Repeat("s3cr3t", 2)
	logger.WithFields(logrus.Fields{
		"user":     "bob",
		"password": pw, // a sensitive key: masked whole
		"dsn":      "postgres://app:" + pw + "@db:5432/orders",
	}).WithError(errors.New("auth failed for password=" + pw)).Warn("login failed")
	// Output:
	// {"dsn":"postgres://app:[REDACTED]@db:5432/orders","error":"auth failed for password=[REDACTED]","level":"warning","msg":"login failed","password":"[REDACTED]","user":"bob"}
}

func ExampleNewHook() {
	r := redact.MustNew()

	logger := logrus.New()
	logger.SetOutput(os.Stdout)
	logger.SetFormatter(logrusredact.NewFormatter(&logrus.TextFormatter{DisableTimestamp: true}, r))
	// First: every hook added after it sees redacted entries.
	logger.AddHook(logrusredact.NewHook(r))
	logger.AddHook(shipper{})

	logger.WithField("apiKey", "k-"+"12345678").Info("calling the API")
	// Output:
	// shipped: calling the API map[apiKey:[REDACTED]]
	// level=info msg="calling the API" apiKey="[REDACTED]"
}

// shipper stands for a hook that sends entries elsewhere.
type shipper struct{}

func (shipper) Levels() []logrus.Level { return logrus.AllLevels }

func (shipper) Fire(e *logrus.Entry) error {
	fmt.Println("shipped:", e.Message, e.Data)
	return nil
}
