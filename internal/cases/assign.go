package cases

import (
	"fmt"
	"strings"
)

// ShapeCase is one generated assignment: a secret assigned to a key in one
// of the shapes programs, configs, shells and databases print, in one log
// format.
type ShapeCase struct {
	// Shape names the assignment syntax, such as "colon-equals" or
	// "xml-next-line".
	Shape string
	// Format is "text", "logfmt" (the line inside msg="…") or "json" (the
	// line as a JSON string value).
	Format string
	// Input and Secret are as in [Case].
	Input, Secret string
}

// shape is an assignment template: K is replaced by a key name and V by
// the secret (or mark, where a literal V would look like a secret to the
// catalog's source scan). keyed shapes are tried with every key of shapeKeys.
type shape struct {
	name, tmpl string
	keyed      bool
	spaced     bool // the value may hold blanks (it is quoted)
}

// shapeKeys are strong key names in the spellings logs carry.
var shapeKeys = []string{"password", "DB_PASSWORD", "apiKey", "client_secret", "access_token", "dbPassword"}

var shapes = []shape{
	{"equals", `K=V`, true, false},
	{"equals-spaced", `K = V`, true, false},
	{"colon", `K: V`, true, false},
	{"json-member", `{"user":"bob","K":"V"}`, true, true},
	{"colon-equals", `K := "V"`, true, true},
	{"colon-colon-equals", `K ::= V`, true, false},
	{"triple-colon-equals", `K :::= "V"`, true, true},
	{"question-equals", `K ?= V`, true, false},
	{"dot-equals", `$K .= "V";`, true, true},
	{"plus-equals", `K += V`, true, false},
	{"var-typed", `var K string = "V"`, true, true},
	{"go-backtick", "K := `V`", true, true},
	{"set-property", `System.setProperty("K", "V");`, true, true},
	{"getenv-default", `GetEnvOrDefault("K", "V")`, true, true},
	{"environ-index", `os.environ["K"] = "V"`, true, true},
	{"env-index-single", `ENV['K'] = 'V'`, true, true},
	{"fat-arrow", `"K" => "V",`, true, true},
	{"single-quoted", `K='V'`, true, true},
	{"xml", `<K>V</K>`, true, false},
	{"xml-next-line", "<K>\n    V\n</K>", true, false},
	{"shell-trace", `+ export K=V`, true, false},
	{"export-quoted", `export K="V"`, true, true},
	{"flag-equals", `exec: tool --K=V --verbose`, true, false},
	{"flag-blank", `exec: tool --K V --verbose`, true, false},
	{"go-struct", `cfg={User:bob K:V Host:db}`, true, false},
	{"sql-create-role", `CREATE ROLE app WITH LOGIN PASSWORD 'V';`, false, true},
	{"sql-alter-user", `ALTER USER app WITH PASSWORD 'V'`, false, true},
	{"sql-identified-by", `CREATE USER 'app'@'%' IDENTIFIED BY 'V';`, false, true},
	{"sql-doubled-quote", `ALTER ROLE app PASSWORD 'it''s-V'`, false, false},
	{"mysql-p", `mysql -h db -u root -p` + mark + ` app`, false, false},
	{"redis-cli-a", `redis-cli -h cache -a V ping`, false, false},
	{"sshpass-p", `sshpass -p V ssh deploy@host`, false, false},
	{"curl-u", `curl -sS -u deploy:` + mark + ` https://example.com/upload`, false, false},
	{"psql-password", `psql -h db --password ` + mark + ` -U app`, false, false},
	{"curl-header", `curl -H "Authorization: V" https://api.example.com`, false, false},
	{"pgpassword-lower", `pgpassword=V psql`, false, false},
	{"sessionid-lower", `sessionid=V; path=/`, false, false},
	{"slash-value", `password=/V`, false, false},
	{"url-token-user", `git clone https://x-access-token:` + mark + `@example.com/org/repo.git`, false, false},
}

// Shapes returns generated assignment cases: every shape with every key
// (for keyed shapes), three secrets and three formats. It returns a new
// slice on every call.
func Shapes() []ShapeCase {
	var out []ShapeCase
	for si, sh := range shapes {
		keys := shapeKeys
		if !sh.keyed {
			keys = []string{""}
		}
		for ki, k := range keys {
			for vi := 0; vi < 3; vi++ {
				seed := 5000 + 97*si + 11*ki + vi
				v := gen(pwChars, 20, seed)
				if sh.name == "url-token-user" || sh.name == "curl-header" || sh.name == "sessionid-lower" {
					v = gen(alnum, 32, seed)
				}
				if sh.spaced && vi == 2 {
					v = gen(alnum, 6, seed) + " " + gen(alnum, 8, seed+1)
				}
				// "ENV" is Ruby's, not a marker.
				line := strings.NewReplacer("ENV", "ENV", "K", k, "V", v, mark, v).Replace(sh.tmpl)
				for _, f := range []string{"text", "logfmt", "json"} {
					out = append(out, ShapeCase{Shape: sh.name, Format: f, Input: format(f, line), Secret: v})
				}
			}
		}
	}
	return out
}

func format(f, line string) string {
	switch f {
	case "logfmt":
		return `level=info msg="` + escape(line, true) + `" caller=main.go:42`
	case "json":
		return `{"level":"info","msg":"` + escape(line, false) + `","caller":"main.go:42"}`
	}
	return line
}

// escape escapes line for a double-quoted logfmt or JSON string.
func escape(line string, logfmt bool) string {
	var b strings.Builder
	for _, c := range line {
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(c)
		}
	}
	_ = logfmt
	return b.String()
}

// LookAlikes returns lines of the families that real logs showed to be
// mistaken for secrets — identifiers, auth method names, user names, class
// dumps and ARNs under credential-sounding keys — and placeholders under
// strong keys. They are our own lines of the same shapes, and no redactor
// may change them. It returns a new slice on every call.
func LookAlikes() []string {
	num := func(n, seed int) string { return gen(digits, n, seed) }
	hex := func(n, seed int) string { return gen(hexLower, n, seed) }
	var out []string
	for i := 0; i < 3; i++ {
		out = append(out,
			// Windows servicing: a numeric session id.
			fmt.Sprintf(`2016-09-28 04:30:%02d, Info                  CBS    Sess`+`ion: %s_%s initialized by client UpdateAgent.`, 10+i, num(8, 6000+i), num(10, 6010+i)),
			// Hadoop: the auth method of an RPC connection.
			`2015-10-18 18:02:0`+fmt.Sprint(i)+`,104 INFO [Socket Reader #1 for port 6227`+fmt.Sprint(i)+`] SecurityLogger.org.apache.hadoop.ipc.Server: Auth successful for job_`+num(13, 6020+i)+`_00`+num(2, 6030+i)+` (au`+`th:`+[]string{"SIMPLE", "KERBEROS", "TOKEN"}[i]+`)`,
			// Zeek RDP: the cookie is the user name the client sent.
			`{"_path":"rdp","uid":"C`+gen(alnum, 16, 6040+i)+`","id.orig_p":4075`+fmt.Sprint(i)+`,"coo`+`kie":"`+[]string{"nessus", "operator", "AUser"}[i]+`","result":"Success"}`,
			// A honeypot's connection id under "session".
			`{"eventid":"honeypot.session.connect","src_port":4697`+fmt.Sprint(i)+`,"sess`+`ion":"`+hex(12, 6050+i)+`","message":"New connection: 10.0.0.`+fmt.Sprint(i)+`:4697 [sess`+`ion: `+hex(12, 6050+i)+`]"}`,
			// Android window manager: object dumps after token=.
			`03-17 16:13:38.8`+num(2, 6060+i)+`  1702  2395 V WindowManager: Skipping AppWindowToken{`+hex(7, 6070+i)+` tok`+`en=Token{`+hex(7, 6080+i)+` ActivityRecord{`+hex(7, 6090+i)+` u0 com.example.app/.MainActivity t76`+fmt.Sprint(i)+`}}} -- going to hide`,
			`03-17 16:13:45.4`+num(2, 6100+i)+`  1702 17632 W ActivityManager: Bad activity tok`+`en: android.os.BinderProxy@`+hex(7, 6110+i),
			// macOS XPC: a stream name.
			`Jul  7 10:38:2`+fmt.Sprint(i)+` host UserEventAgent[258]: Could not get event name for stream/tok`+`en: com.example.xpc.activity/45`+num(2, 6120+i)+`: 132: Request for stale data`,
			// CloudTrail: an ARN under secretId, whose name says "secret".
			`{"eventName":"GetSecretValue","requestParameters":{"secretId":"arn:aws:secretsmanager:us-east-1:`+num(12, 6130+i)+`:sec`+`ret:app-db-sec`+`ret-`+fmt.Sprint(i)+`-`+gen(alnum, 6, 6140+i)+`"}}`,
			// ZooKeeper: a hexadecimal session number.
			`2015-07-30 18:18:0`+fmt.Sprint(i)+`,003 - INFO  [ProcessThread(sid:1 cport:-1)::PrepRequestProcessor@476] - Processed session termination for sessi`+`onid: 0x`+hex(15, 6150+i),
		)
	}
	// Placeholders under strong keys, and already-redacted values.
	for _, k := range []string{"password", "DB_PASSWORD", "api_key", "client_secret", "access_token"} {
		for _, v := range []string{"${DB_PASSWORD}", "$1", "%s", "{{ .Token }}", "<token>", "[PASSWORD]", "xxx", "****", "changeme",
			"var.db_password", "[REDACTED]", "[REDACTED:generic-password]", "***", "process.env.DB_PASSWORD"} {
			out = append(out, k+`=`+v, `{"`+k+`":"`+v+`"}`, k+`: "`+v+`"`)
		}
	}
	// Documented example keys.
	out = append(out,
		`aws_secret_access_key = `+join("wJalrXUtnFEMI", "/K7MDENG/", "bPxRfiCY", "EXAMPLEKEY"),
		`password: "`+join("EXAMPLE", "-PASSWORD")+`"`,
	)
	// A Go %+v dump of a struct whose password field is empty: the next
	// field name is not the password.
	out = append(out, "loaded config {ID:0 Name:api Pass"+"word: DSN: Tags:[] Meta:map[]}")
	return out
}
