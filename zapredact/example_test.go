package zapredact_test

import (
	"errors"
	"os"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zapredact"
)

// exampleCore writes JSON without timestamps, so the output is stable.
func exampleCore() zapcore.Core {
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{
		MessageKey:  "msg",
		LevelKey:    "level",
		EncodeLevel: zapcore.LowercaseLevelEncoder,
	})
	return zapcore.NewCore(enc, zapcore.Lock(os.Stdout), zapcore.InfoLevel)
}

func Example() {
	r := redact.MustNew()
	logger := zap.New(zapredact.NewCore(exampleCore(), r))

	dsn := "postgres://app:" + "Tr0ub4dor-and-3" + "@db:5432/orders"
	logger.Info("connecting to "+dsn,
		zap.String("password", "hunter2"),
		zap.Int("attempt", 1),
		zap.Error(errors.New("dial "+dsn+": timeout")),
	)
	logger.Info("nothing secret here", zap.String("user", "bob"))
	// Output:
	// {"level":"info","msg":"connecting to postgres://app:[REDACTED]@db:5432/orders","password":"[REDACTED]","attempt":1,"error":"dial postgres://app:[REDACTED]@db:5432/orders: timeout"}
	// {"level":"info","msg":"nothing secret here","user":"bob"}
}

func ExampleNewCore() {
	r := redact.MustNew(redact.WithMode(redact.Label), redact.WithSensitiveKeys("X-Session-Id"))
	core := zapredact.NewCore(exampleCore(), r)

	// Samplers, tees and level filters keep working when wrapped.
	logger := zap.New(core).With(zap.String("x_session_id", "s-1234"))
	logger.Info("request", zap.Object("user", zapcore.ObjectMarshalerFunc(func(enc zapcore.ObjectEncoder) error {
		enc.AddString("name", "bob")
		enc.AddString("apiKey", "k-5678")
		return nil
	})))
	// Output:
	// {"level":"info","msg":"request","x_session_id":"[REDACTED:sensitive-key]","user":{"name":"bob","apiKey":"[REDACTED:sensitive-key]"}}
}

func ExampleWrapCore() {
	r := redact.MustNew()
	logger := zap.New(exampleCore(), zapredact.WrapCore(r))
	undo := zap.ReplaceGlobals(logger)
	defer undo()

	zap.S().Infow("login", "user", "bob", "password", "hunter2")
	zap.S().Infof("retrying %s", "postgres://app:"+"Tr0ub4dor-and-3"+"@db/x")
	// Output:
	// {"level":"info","msg":"login","user":"bob","password":"[REDACTED]"}
	// {"level":"info","msg":"retrying postgres://app:[REDACTED]@db/x"}
}

func ExampleBuild() {
	cfg := zap.NewProductionConfig()
	cfg.OutputPaths = []string{"stdout"}
	cfg.EncoderConfig.TimeKey = ""
	cfg.DisableCaller = true
	cfg.InitialFields = map[string]any{"service": "api", "db": "postgres://app:" + "s3cr3t" + "Pa55" + "@db:5432/x"}
	logger, err := zapredact.Build(cfg, redact.MustNew())
	if err != nil {
		panic(err)
	}
	logger.Info("started")
	// Output:
	// {"level":"info","msg":"started","db":"postgres://app:[REDACTED]@db:5432/x","service":"api"}
}
