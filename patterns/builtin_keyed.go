package patterns

import (
	"regexp"
	"strconv"
	"strings"
)

// Character classes (the inside of a [...] class) for keyed values. A class
// ending in '-' keeps the dash literal.
const (
	an = `A-Za-z0-9`
	hx = `a-fA-F0-9`
	up = `A-Z0-9`
	dg = `0-9`
)

// keyed describes a provider credential that has no shape of its own: a
// string of a fixed alphabet and length that is a secret only because the
// provider's name stands close before it ("airbrake … key=<40 alnum>"). This
// is how trufflehog recognises most of its long tail, and the only way to
// find such keys without flagging every hex digest in a log.
//
// The rules a keyed pattern follows:
//   - One of the keywords (the provider's name, compared case-insensitively)
//     starts the match; the value begins at most 41 bytes after it. The gap
//     may cross a line break, because a provider name on one line of a
//     config block often names the key on the next.
//   - The value is a whole run of its alphabet: the byte before it and the
//     byte after it are outside the alphabet, so a 32-character window of
//     a 64-character digest is never taken for a 32-character key.
//   - A common English word as provider name (box, hive, swell) must start
//     a word and be followed within 20 bytes by a credential word (api, key,
//     token, secret, auth, pass, cred) before the gap to the value. A word of
//     four letters or fewer must also be followed by a blank or one of
//     _.:="'- and is its own keyword only with that byte, so that "with"
//     does not wake the rule for Wit.ai.
//   - A value of 28 or more characters made of letters only is taken for an
//     identifier (CamelCase names run that long) rather than a key, a
//     value of only digits for a number and a lower-case or capitalised
//     word for a word; all are kept.
type keyed struct {
	id, name string
	keywords string // '|'-separated, lower case
	class    string
	min, max int
	word     bool
	// value, when set, is the value's own regex (a structured shape such
	// as "live_" and 35 hex digits); class then only bounds it.
	value string
}

// keyedWordSeps are the bytes that may follow a short common-word provider
// name: a blank, or the punctuation of identifiers, keys and quotes.
const keyedWordSeps = ` _.:="'-`

// keyedGap is the most bytes between the end of the provider name (or the
// credential word, for common-word names) and the byte before the value.
const keyedGap = 40

func (k keyed) pattern() Pattern {
	kws := strings.Split(k.keywords, "|")
	alt := make([]string, len(kws))
	for i, kw := range kws {
		alt[i] = regexp.QuoteMeta(kw)
	}
	lead := `(?i:` + strings.Join(alt, "|") + `)`
	if k.word {
		after := ``
		if len(kws) == 1 && len(kws[0]) <= 4 {
			// A short word ("box", "wit") occurs inside ordinary words
			// on most lines ("with"); with its separator it is rare, and
			// the prefilter stays quiet on clean lines.
			after = `[` + keyedWordSeps + `]`
			word := kws[0]
			kws = make([]string, 0, len(keyedWordSeps))
			for _, c := range keyedWordSeps {
				kws = append(kws, word+string(c))
			}
		}
		lead = `(?:^|[^A-Za-z])` + lead + after + `[\s\S]{0,20}?(?i:api|key|token|secret|auth|pass|cred)`
	}
	rep := strconv.Itoa(k.min)
	if k.max != k.min {
		rep += "," + strconv.Itoa(k.max)
	}
	value := `[` + k.class + `]{` + rep + `}`
	if k.value != "" {
		value = k.value
	}
	// '=' separates a key from its value more often than it starts a
	// base64 value, so it may stand before the value even when the
	// alphabet has it (as padding).
	// A run of the alphabet inside a longer base64 string (a go.sum
	// hash, a blob) is not a key: '+' counts as the alphabet at the
	// edges even when the key's own alphabet lacks it. ('/' does not:
	// keys sit in URL paths.)
	edge := k.class
	if !strings.Contains(edge, "+") {
		edge = "+" + edge
	}
	before := strings.ReplaceAll(edge, "=", "")
	re := lead + `[\s\S]{0,` + strconv.Itoa(keyedGap) + `}?[^` + before + `](` + value + `)(?:[^` + edge + `]|$)`
	p := Pattern{
		ID:          k.id,
		Description: k.name + " credential near the provider's name",
		Keywords:    kws,
		Regex:       re,
		SecretGroup: 1,
		Entropy:     3,
	}
	switch {
	case k.class == dg:
		// Random digits: ten symbols, so even a fair draw of 16 often
		// repeats a few (a client ID near "asana"); the name and the
		// exact width carry the evidence.
		p.Entropy = 2
	case k.min < 16:
		p.Entropy = 2.5
	}
	if strings.ContainsAny(k.class, "aA") {
		// A lone word (the provider's own name, a field name) is not
		// a key, nor a number (an order number).
		p.Allow = append(p.Allow, `^[0-9]+$`, `^[A-Z]?[a-z]+$`)
		if k.min >= 28 {
			p.Allow = append(p.Allow, `^[A-Za-z]+$`)
		}
	}
	return p
}

// near is a keyed value of min to max characters of class.
func near(id, name, keywords, class string, min, max int) keyed {
	return keyed{id: id, name: name, keywords: keywords, class: class, min: min, max: max}
}

// nearWord is near for a provider whose name is a common word.
func nearWord(id, name, keywords, class string, min, max int) keyed {
	k := near(id, name, keywords, class, min, max)
	k.word = true
	return k
}

// nearShape is a keyed value with a structured shape: value is its regex,
// and class the alphabet that must not touch it on either side.
func nearShape(id, name, keywords, class, value string) keyed {
	return keyed{id: id, name: name, keywords: keywords, class: class, min: 1, max: 1, value: value}
}

func keyedTable(ks []keyed) []Pattern {
	out := make([]Pattern, len(ks))
	for i, k := range ks {
		out[i] = k.pattern()
	}
	return out
}

// keyedPatterns covers the long tail of API providers whose keys are plain
// random strings: they are found only next to the provider's name. Widths
// and alphabets follow each provider's documented key format as the common
// scanners encode it.
func keyedPatterns() []Pattern {
	return keyedTable([]keyed{
		near("abstract-api-key", "Abstract", "abstract", an, 32, 32),
		near("abuseipdb-api-key", "Abuseipdb", "abuseipdb", an, 80, 80),
		near("abyssale-api-key", "Abyssale", "abyssale", an, 40, 40),
		near("accuweather-api-key", "Accuweather", "accuweather", an, 32, 32),
		near("airbrake-api-key", "Airbrake", "airbrake", an, 40, 40),
		near("airship-api-key", "Airship", "airship", an, 91, 91),
		near("airvisual-api-key", "Airvisual", "airvisual", an+`-`, 36, 36),
		near("alconost-api-key", "Alconost", "alconost", an, 32, 32),
		near("aletheia-api-key", "Aletheia", "aletheia", up, 32, 32),
		near("alienvault-api-key", "Alienvault", "alienvault", an, 64, 64),
		near("allsports-api-key", "Allsports", "allsports", an, 64, 64),
		near("ambee-api-key", "Ambee", "ambee", hx, 64, 64),
		near("apacta-api-key", "Apacta", "apacta", an+`-`, 36, 36),
		near("api2cart-api-key", "Api2Cart", "api2cart", hx, 32, 32),
		near("apiflash-api-key", "Apiflash", "apiflash", an, 32, 32),
		near("apifonica-api-key", "Apifonica", "apifonica", an+`-`, 39, 39),
		near("apilayer-api-key", "Apilayer", "apilayer", an, 32, 32),
		near("apimatic-api-key", "Apimatic", "apimatic", an+`_-`, 64, 64),
		near("apimetrics-api-key", "Apimetrics", "apimetrics", an, 32, 32),
		near("apitemplate-api-key", "Apitemplate", "apitemplate", an, 39, 39),
		near("apollo-api-key", "Apollo", "apollo", an, 22, 22),
		near("appointedd-api-key", "Appointedd", "appointedd", an+`+=`, 88, 88),
		near("appsynergy-api-key", "Appsynergy", "appsynergy", an, 64, 64),
		near("assemblyai-api-key", "Assemblyai", "assemblyai", an, 32, 32),
		near("atera-api-key", "Atera", "atera", an, 32, 32),
		near("atlassian-api-key", "Atlassian", "atlassian", an, 24, 24),
		near("audd-api-key", "Audd", "audd", an, 32, 32),
		near("autoklose-api-key", "Autoklose", "autoklose", an+`-`, 32, 32),
		near("autopilot-api-key", "Autopilot", "autopilot", hx, 32, 32),
		near("avaza-api-key", "Avaza", "avaza", an+`-`, 54, 67),
		near("aviationstack-api-key", "Aviationstack", "aviationstack", an, 32, 32),
		near("axonaut-api-key", "Axonaut", "axonaut", an, 32, 32),
		near("ayrshare-api-key", "Ayrshare", "ayrshare", up+`-`, 35, 35),
		near("bannerbear-api-key", "Bannerbear", "bannerbear", an, 24, 24),
		near("baremetrics-api-key", "Baremetrics", "baremetrics", an+`_`, 21, 24),
		near("beamer-api-key", "Beamer", "beamer", an+`+=_`, 46, 46),
		near("beebole-api-key", "Beebole", "beebole", an, 40, 40),
		near("besnappy-api-key", "Besnappy", "besnappy", hx, 64, 64),
		near("betterstack-api-key", "Betterstack", "betterstack", an, 24, 24),
		near("bitbar-api-key", "Bitbar", "bitbar", an, 32, 32),
		near("bitcoinaverage-api-key", "Bitcoinaverage", "bitcoinaverage", an, 43, 43),
		near("bitfinex-api-key", "Bitfinex", "bitfinex", an+`-`, 43, 43),
		near("bitly-api-key", "Bitly", "bitly", an+`-`, 40, 40),
		near("blitapp-api-key", "Blitapp", "blitapp", an+`_`, 39, 39),
		near("blocknative-api-key", "Blocknative", "blocknative", an+`-`, 36, 36),
		near("boostnote-api-key", "Boostnote", "boostnote", hx, 64, 64),
		near("borgbase-api-key", "Borgbase", "borgbase", an+`./_-`, 149, 152),
		nearWord("box-api-key", "Box", "box", an, 32, 32),
		near("braintreepayments-api-key", "Braintreepayments", "braintree", hx, 32, 32),
		near("brandfetch-api-key", "Brandfetch", "brandfetch", an, 40, 40),
		near("brandfetch-api-key-2", "Brandfetch", "brandfetch", an+`+/=`, 44, 44),
		near("browshot-api-key", "Browshot", "browshot", an+`-`, 28, 28),
		near("bscscan-api-key", "Bscscan", "bscscan", up, 34, 34),
		near("buddyns-api-key", "Buddyns", "buddyns", an, 40, 40),
		near("budibase-api-key", "Budibase", "budibase", an+`-`, 111, 113),
		near("bugherd-api-key", "Bugherd", "bugherd", an, 22, 22),
		near("bugsnag-api-key", "Bugsnag", "bugsnag", an+`-`, 36, 36),
		near("buildkite-api-key", "Buildkite", "buildkite", an, 40, 40),
		near("bulbul-api-key", "Bulbul", "bulbul", an, 32, 32),
		near("buttercms-api-key", "Buttercms", "buttercms", an, 40, 40),
		near("chartmogul-api-key", "Chartmogul", "chartmogul", an, 32, 32),
		near("clarifai-api-key", "Clarifai", "clarifai", an, 32, 32),
		near("clinchpad-api-key", "Clinchpad", "clinchpad", an, 32, 32),
		near("clockify-api-key", "Clockify", "clockify", an, 48, 48),
		near("cloudimage-api-key", "Cloudimage", "cloudimage", an+`_`, 30, 30),
		near("cloudmersive-api-key", "Cloudmersive", "cloudmersive", an+`-`, 36, 36),
		near("cloudsmith-api-key", "Cloudsmith", "cloudsmith", hx, 40, 40),
		near("cloze-api-key", "Cloze", "cloze", hx, 32, 32),
		near("codemagic-api-key", "Codemagic", "codemagic", an+`_`, 43, 43),
		near("codequiry-api-key", "Codequiry", "codequiry", an, 64, 64),
		near("coin-api-key", "Coin", "coinapi", up, 36, 36),
		near("coinlib-api-key", "Coinlib", "coinlib", an, 16, 16),
		near("commercejs-api-key", "Commercejs", "commercejs", an+`_`, 48, 48),
		near("commodities-api-key", "Commodities", "commodities", an, 60, 60),
		near("conversiontools-api-key", "Conversiontools", "conversiontools", an+`._`, 161, 161),
		near("convertkit-api-key", "Convertkit", "convertkit", an, 22, 22),
		near("countrylayer-api-key", "Countrylayer", "countrylayer", an, 32, 32),
		near("craftmypdf-api-key", "Craftmypdf", "craftmypdf", an, 35, 35),
		near("cryptocompare-api-key", "Cryptocompare", "cryptocompare", an+`-`, 64, 64),
		near("currencycloud-api-key", "Currencycloud", "currencycloud", hx, 64, 64),
		near("currencyfreaks-api-key", "Currencyfreaks", "currencyfreaks", an, 32, 32),
		near("currencylayer-api-key", "Currencylayer", "currencylayer", an, 32, 32),
		near("currencyscoop-api-key", "Currencyscoop", "currencyscoop", an, 32, 32),
		near("currents-api-key", "Currents", "currentsapi", an+`_-`, 48, 48),
		near("demio-api-key", "Demio", "demio", an, 32, 32),
		near("dronahq-api-key", "Dronahq", "dronahq", an, 50, 50),
		near("fastly-api-key", "Fastly", "fastly", an+`-`, 32, 32),
		near("fmfw-api-key", "Fmfw", "fmfw", an+`_-`, 32, 32),
		near("getemails-api-key", "Getemails", "getemails", an, 26, 26),
		near("gocanvas-api-key", "Gocanvas", "gocanvas", an+`+/=`, 44, 44),
		near("godaddy-api-key", "Godaddy", "godaddy", an+`_`, 37, 37),
		near("godaddy-api-key-2", "Godaddy", "godaddy", an+`_`, 35, 35),
		nearWord("hive-api-key", "Hive", "hive", an, 17, 17),
		near("hubspot-api-key", "Hubspot", "hubspot|hapikey", an+`-`, 36, 36),
		near("ibm-api-key", "Ibm", "ibm", an+`-`, 44, 44),
		near("iconfinder-api-key", "Iconfinder", "iconfinder", an, 64, 64),
		near("imagekit-api-key", "Imagekit", "imagekit", an, 36, 36),
		near("imagga-api-key", "Imagga", "imagga", an+`=`, 72, 72),
		nearWord("impala-api-key", "Impala", "impala", an, 46, 46),
		near("infura-api-key", "Infura", "infura", an, 32, 32),
		near("insightly-api-key", "Insightly", "insightly", an, 36, 36),
		near("instabot-api-key", "Instabot", "instabot", an+`/=`, 44, 44),
		near("instamojo-api-key", "Instamojo", "instamojo", an, 40, 40),
		nearWord("intercom-api-key", "Intercom", "intercom", an+`=`, 60, 60),
		near("interseller-api-key", "Interseller", "interseller", an+`-`, 36, 36),
		near("intrinio-api-key", "Intrinio", "intrinio", an, 44, 44),
		near("invoiceocean-api-key", "Invoiceocean", "invoiceocean", an, 20, 20),
		near("ip2location-api-key", "Ip2Location", "ip2location", up, 32, 32),
		near("ipapi-api-key", "Ipapi", "ipapi", an, 32, 32),
		near("ipgeolocation-api-key", "Ipgeolocation", "ipgeolocation", an, 32, 32),
		near("ipinfo-api-key", "Ipinfo", "ipinfo", hx, 14, 14),
		near("ipinfodb-api-key", "Ipinfodb", "ipinfodb", an, 64, 64),
		near("ipquality-api-key", "Ipquality", "ipquality", an, 32, 32),
		near("ipstack-api-key", "Ipstack", "ipstack", hx, 32, 32),
		near("jotform-api-key", "Jotform", "jotform", an, 32, 32),
		near("jumpcloud-api-key", "Jumpcloud", "jumpcloud", an, 40, 40),
		near("jupiterone-api-key", "Jupiterone", "jupiterone", an, 76, 76),
		near("juro-api-key", "Juro", "juro", an, 40, 40),
		near("karmacrm-api-key", "Karmacrm", "karmacrm", an, 20, 20),
		near("keenio-api-key", "Keenio", "keenio", up, 64, 64),
		near("kickbox-api-key", "Kickbox", "kickbox", an+`_`, 65, 65),
		near("klipfolio-api-key", "Klipfolio", "klipfolio", hx, 40, 40),
		near("knapsackpro-api-key", "Knapsackpro", "knapsackpro", an, 32, 32),
		near("kylas-api-key", "Kylas", "kylas", an+`-`, 36, 36),
		near("languagelayer-api-key", "Languagelayer", "languagelayer", an, 32, 32),
		near("leadfeeder-api-key", "Leadfeeder", "leadfeeder", an, 43, 43),
		near("lemlist-api-key", "Lemlist", "lemlist", hx, 32, 32),
		near("lessannoyingcrm-api-key", "Lessannoyingcrm", "lessannoyingcrm", an, 57, 57),
		near("linenotify-api-key", "Linenotify", "linenotify", an, 43, 43),
		near("linkpreview-api-key", "Linkpreview", "linkpreview", an, 32, 32),
		near("liveagent-api-key", "Liveagent", "liveagent", an, 32, 32),
		near("loadmill-api-key", "Loadmill", "loadmill", an, 40, 40),
		near("loginradius-api-key", "Loginradius", "loginradius", an+`-`, 36, 36),
		near("logzio-api-key", "Logzio", "logzio", an+`-`, 36, 36),
		near("lokalise-api-key", "Lokalise", "lokalise", an, 40, 40),
		near("loyverse-api-key", "Loyverse", "loyverse", an, 32, 32),
		near("lunchmoney-api-key", "Lunchmoney", "lunchmoney", hx, 50, 50),
		near("luno-api-key", "Luno", "luno", an+`_-`, 43, 43),
		nearWord("m3o-api-key", "M3O", "m3o", an, 48, 48),
		near("madkudu-api-key", "Madkudu", "madkudu", hx, 32, 32),
		near("magicbell-api-key", "Magicbell", "magicbell", an+`-`, 40, 40),
		nearWord("magnetic-api-key", "Magnetic", "magnetic", an+`-`, 36, 36),
		near("mailboxlayer-api-key", "Mailboxlayer", "mailboxlayer", an, 32, 32),
		near("mailerlite-api-key", "Mailerlite", "mailerlite", an, 32, 32),
		near("mailjet-api-key", "Mailjet", "mailjet", an+`=`, 88, 88),
		near("mailjet-api-key-2", "Mailjet", "mailjet", an, 32, 32),
		near("mailmodo-api-key", "Mailmodo", "mailmodo", up+`-`, 31, 31),
		near("mailsac-api-key", "Mailsac", "mailsac", an+`_`, 88, 88),
		near("mandrill-api-key", "Mandrill", "mandrill", an, 22, 22),
		nearWord("manifest-api-key", "Manifest", "manifest", an, 32, 32),
		near("mapquest-api-key", "Mapquest", "mapquest", an, 32, 32),
		near("marketstack-api-key", "Marketstack", "marketstack", an, 32, 32),
		near("mavenlink-api-key", "Mavenlink", "mavenlink", an, 64, 64),
		near("maxmind-api-key", "Maxmind", "maxmind", an+`_`, 40, 40),
		near("meaningcloud-api-key", "Meaningcloud", "meaningcloud", an, 32, 32),
		near("mediastack-api-key", "Mediastack", "mediastack", an, 32, 32),
		near("meistertask-api-key", "Meistertask", "meistertask", an, 43, 43),
		near("meraki-api-key", "Meraki", "meraki", hx, 40, 40),
		near("mesibo-api-key", "Mesibo", "mesibo", an, 64, 64),
		near("messagebird-api-key", "Messagebird", "messagebird", an+`-`, 25, 25),
		near("meta-api-key", "Meta", "metaapi", hx, 64, 64),
		near("metrilo-api-key", "Metrilo", "metrilo", an, 16, 16),
		near("mindmeister-api-key", "Mindmeister", "mindmeister", an, 43, 43),
		near("miro-api-key", "Miro", "miro", an, 27, 27),
		nearWord("mite-api-key", "Mite", "mite", an, 16, 16),
		near("mixmax-api-key", "Mixmax", "mixmax", an+`_-`, 36, 36),
		near("mixpanel-api-key", "Mixpanel", "mixpanel", an, 32, 32),
		nearWord("moderation-api-key", "Moderation", "moderation", an+`.`, 196, 196),
		near("monkeylearn-api-key", "Monkeylearn", "monkeylearn", hx, 40, 40),
		near("moonclerk-api-key", "Moonclerk", "moonclerk", an, 32, 32),
		near("moosend-api-key", "Moosend", "moosend", an+`-`, 36, 36),
		near("moralis-api-key", "Moralis", "moralis", an, 64, 64),
		near("myintervals-api-key", "Myintervals", "myintervals", an, 11, 11),
		near("nasdaqdatalink-api-key", "Nasdaqdatalink", "nasdaqdatalink", an+`-`, 20, 20),
		near("netlify-api-key", "Netlify", "netlify", an+`_-`, 43, 43),
		near("neutrino-api-key", "Neutrino", "neutrinoapi", an, 48, 48),
		near("news-api-key", "News", "newsapi", an, 32, 32),
		near("newscatcher-api-key", "Newscatcher", "newscatcher", an+`_`, 43, 43),
		near("nftport-api-key", "Nftport", "nftport", an+`-`, 36, 36),
		nearWord("ngc-api-key", "Ngc", "ngc", an, 84, 84),
		near("ngrok-api-key", "Ngrok", "ngrok", an+`_`, 49, 49),
		near("nicereply-api-key", "Nicereply", "nicereply", hx, 40, 40),
		nearWord("nimble-api-key", "Nimble", "nimble", an, 30, 30),
		nearWord("noticeable-api-key", "Noticeable", "noticeable", an, 20, 20),
		near("nozbeteams-api-key", "Nozbeteams", "nozbeteams", an+`_-`, 81, 81),
		near("nuget-api-key", "Nuget", "nuget", an, 46, 46),
		near("numverify-api-key", "Numverify", "numverify", an, 32, 32),
		near("nutritionix-api-key", "Nutritionix", "nutritionix", an, 32, 32),
		near("nylas-api-key", "Nylas", "nylas", an, 30, 30),
		near("oanda-api-key", "Oanda", "oanda", an, 24, 24),
		near("omnisend-api-key", "Omnisend", "omnisend", an+`-`, 75, 75),
		near("onepagecrm-api-key", "Onepagecrm", "onepagecrm", an+`=`, 44, 44),
		near("onesignal-api-key", "Onesignal", "onesignal", an+`-`, 36, 36),
		near("oopspam-api-key", "Oopspam", "oopspam", an, 40, 40),
		near("opencagedata-api-key", "Opencagedata", "opencagedata", an, 32, 32),
		near("openuv-api-key", "Openuv", "openuv", an, 32, 32),
		near("openweather-api-key", "Openweather", "openweather", an, 32, 32),
		near("opsgenie-api-key", "Opsgenie", "opsgenie", an+`-`, 36, 36),
		near("overloop-api-key", "Overloop", "overloop", an+`-`, 50, 50),
		near("owlbot-api-key", "Owlbot", "owlbot", an, 40, 40),
		near("packagecloud-api-key", "Packagecloud", "packagecloud", hx, 48, 48),
		near("pagerduty-api-key", "Pagerduty", "pagerduty", an+`+`, 20, 20),
		near("pandadoc-api-key", "Pandadoc", "pandadoc", an, 40, 40),
		near("pandascore-api-key", "Pandascore", "pandascore", an, 51, 51),
		near("paralleldots-api-key", "Paralleldots", "paralleldots", an, 43, 43),
		near("parsehub-api-key", "Parsehub", "parsehub", an, 12, 12),
		nearWord("parsers-api-key", "Parsers", "parsers", an, 64, 64),
		near("partnerstack-api-key", "Partnerstack", "partnerstack", an, 64, 64),
		near("pastebin-api-key", "Pastebin", "pastebin", an, 32, 32),
		near("paydirt-api-key", "Paydirt", "paydirt", an, 32, 32),
		near("paymo-api-key", "Paymo", "paymo", an, 44, 44),
		near("paymongo-api-key", "Paymongo", "paymongo", an+`_`, 32, 32),
		near("paypaloauth-api-key", "Paypaloauth", "paypaloauth", an+`._-`, 44, 50),
		near("pdflayer-api-key", "Pdflayer", "pdflayer", an, 32, 32),
		near("pdfshift-api-key", "Pdfshift", "pdfshift", hx, 32, 32),
		near("peopledatalabs-api-key", "Peopledatalabs", "peopledatalabs", an, 64, 64),
		near("pepipost-api-key", "Pepipost", "pepipost", an+`-`, 32, 32),
		nearWord("phrase-api-key", "Phrase", "phrase", hx, 64, 64),
		near("pinata-api-key", "Pinata", "pinata", an, 64, 64),
		near("pipedream-api-key", "Pipedream", "pipedream", an, 32, 32),
		near("pipedrive-api-key", "Pipedrive", "pipedrive", an, 40, 40),
		near("pivotaltracker-api-key", "Pivotaltracker", "pivotaltracker", an, 32, 32),
		near("pixabay-api-key", "Pixabay", "pixabay", an, 34, 34),
		near("planviewleankit-api-key", "Planviewleankit", "planviewleankit", hx, 128, 128),
		near("planyo-api-key", "Planyo", "planyo", an, 62, 62),
		near("podio-api-key", "Podio", "podio", an, 32, 32),
		near("polls-api-key", "Polls", "pollsapi", up, 28, 28),
		nearWord("polygon-api-key", "Polygon", "polygon", an, 32, 32),
		near("positionstack-api-key", "Positionstack", "positionstack", an, 32, 32),
		near("postageapp-api-key", "Postageapp", "postageapp", an, 32, 32),
		near("postbacks-api-key", "Postbacks", "postbacks", an+`-`, 36, 36),
		nearWord("postmark-api-key", "Postmark", "postmark", an+`-`, 36, 36),
		near("powrbot-api-key", "Powrbot", "powrbot", an, 40, 40),
		nearWord("privacy-api-key", "Privacy", "privacy", an+`-`, 36, 36),
		near("prodpad-api-key", "Prodpad", "prodpad", hx, 64, 64),
		near("prospectcrm-api-key", "Prospectcrm", "prospectcrm", an, 32, 32),
		near("protocolsio-api-key", "Protocolsio", "protocolsio", an, 64, 64),
		near("proxycrawl-api-key", "Proxycrawl", "proxycrawl", an, 22, 22),
		near("purestake-api-key", "Purestake", "purestake", an, 40, 40),
		near("pushbullet-api-key", "Pushbullet", "pushbullet", an, 34, 34),
		near("qase-api-key", "Qase", "qase", an, 40, 40),
		near("qualaroo-api-key", "Qualaroo", "qualaroo", an, 64, 64),
		near("qubole-api-key", "Qubole", "qubole", an, 64, 64),
		near("railway-api-key", "Railway", "railway", an+`-`, 36, 36),
		near("rapid-api-key", "Rapid", "rapidapi", an+`_-`, 50, 50),
		nearWord("raven-api-key", "Raven", "raven", up, 16, 16),
		near("rawg-api-key", "Rawg", "rawg", an, 32, 32),
		near("reachmail-api-key", "Reachmail", "reachmail", an+`_-`, 64, 64),
		near("rebrandly-api-key", "Rebrandly", "rebrandly", an+`_`, 32, 32),
		near("pyxis-api-key", "Pyxis", "pyxis|redhat", an, 32, 32),
		nearWord("refiner-api-key", "Refiner", "refiner", an+`-`, 36, 36),
		near("repairshopr-api-key", "Repairshopr", "repairshopr", an, 51, 51),
		near("replyio-api-key", "Replyio", "replyio", an, 24, 24),
		near("requestfinance-api-key", "Requestfinance", "requestfinance", up+`-`, 31, 31),
		near("restpack-api-key", "Restpack", "restpack", an, 48, 48),
		near("restpack-api-key-2", "Restpack", "restpack", an, 48, 48),
		nearWord("rev-api-key", "Rev", "rev", an+`=`, 28, 28),
		near("revampcrm-api-key", "Revampcrm", "revampcrm", an, 40, 40),
		near("ringcentral-api-key", "Ringcentral", "ringcentral", an+`-`, 22, 22),
		near("ritekit-api-key", "Ritekit", "ritekit", hx, 44, 44),
		near("rocketreach-api-key", "Rocketreach", "rocketreach", an+`-`, 39, 39),
		near("route4me-api-key", "Route4Me", "route4me", up, 32, 32),
		near("runrunit-api-key", "Runrunit", "runrunit", hx, 32, 32),
		near("salesflare-api-key", "Salesflare", "salesflare", an, 45, 45),
		near("salesmate-api-key", "Salesmate", "salesmate", an+`-`, 36, 36),
		nearWord("sanity-api-key", "Sanity", "sanity", an, 81, 81),
		near("scaleway-api-key", "Scaleway", "scaleway", an+`-`, 36, 36),
		near("scalr-api-key", "Scalr", "scalr", an+`._`, 136, 136),
		near("scrapeowl-api-key", "Scrapeowl", "scrapeowl", an, 30, 30),
		near("scraper-api-key", "Scraper", "scraperapi", an, 32, 32),
		near("scraperbox-api-key", "Scraperbox", "scraperbox", up, 32, 32),
		near("scrapestack-api-key", "Scrapestack", "scrapestack", an, 32, 32),
		near("scrapfly-api-key", "Scrapfly", "scrapfly", an, 32, 32),
		near("scrapingant-api-key", "Scrapingant", "scrapingant", an, 32, 32),
		near("screenshot-api-key", "Screenshot", "screenshotapi", up+`-`, 31, 31),
		near("screenshotlayer-api-key", "Screenshotlayer", "screenshotlayer", an+`_`, 32, 32),
		near("scrutinizerci-api-key", "Scrutinizerci", "scrutinizerci", an, 64, 64),
		near("securitytrails-api-key", "Securitytrails", "securitytrails", an, 32, 32),
		near("segment-api-key", "Segment", "segment", an+`._-`, 87, 87),
		nearWord("semaphore-api-key", "Semaphore", "semaphore", an, 32, 32),
		near("sendbird-api-key", "Sendbird", "sendbird", hx, 40, 40),
		near("sendbird-api-key-2", "Sendbird", "sendbird", hx, 24, 24),
		near("sentry-api-key", "Sentry", "sentry", hx, 64, 64),
		near("serphouse-api-key", "Serphouse", "serphouse", an, 60, 60),
		near("serpstack-api-key", "Serpstack", "serpstack", an, 32, 32),
		near("sheety-api-key", "Sheety", "sheety", an, 64, 64),
		near("sherpadesk-api-key", "Sherpadesk", "sherpadesk", an, 32, 32),
		near("shipday-api-key", "Shipday", "shipday", an, 31, 31),
		near("shodan-api-key", "Shodan", "shodan", an, 32, 32),
		nearWord("shortcut-api-key", "Shortcut", "shortcut", an+`-`, 36, 36),
		near("shotstack-api-key", "Shotstack", "shotstack", an, 40, 40),
		near("shutterstock-api-key", "Shutterstock", "shutterstock", an, 16, 16),
		near("signalwire-api-key", "Signalwire", "signalwire", an, 50, 50),
		near("signaturit-api-key", "Signaturit", "signaturit", an, 86, 86),
		near("signupgenius-api-key", "Signupgenius", "signupgenius", an, 32, 32),
		near("sigopt-api-key", "Sigopt", "sigopt", up, 48, 48),
		near("simfin-api-key", "Simfin", "simfin", an, 32, 32),
		near("simplesat-api-key", "Simplesat", "simplesat", an, 40, 40),
		near("simvoly-api-key", "Simvoly", "simvoly", an, 33, 33),
		near("sinchmessage-api-key", "Sinchmessage", "sinchmessage", an, 32, 32),
		near("siteleaf-api-key", "Siteleaf", "siteleaf", an, 32, 32),
		near("skrappio-api-key", "Skrappio", "skrappio", an, 42, 42),
		near("skybiometry-api-key", "Skybiometry", "skybiometry", an, 26, 26),
		near("smartystreets-api-key", "Smartystreets", "smartystreets", an, 20, 20),
		near("snipcart-api-key", "Snipcart", "snipcart", an, 75, 75),
		near("solarwinds-api-key", "Solarwinds", "solarwinds", an+`_-`, 71, 71),
		near("sonar-api-key", "Sonar", "sonar", an, 40, 40),
		near("speechtext-api-key", "Speechtext", "speechtext", hx, 32, 32),
		near("splunk-api-key", "Splunk", "splunk", an, 22, 22),
		near("spoonacular-api-key", "Spoonacular", "spoonacular", an, 32, 32),
		near("sportsmonk-api-key", "Sportsmonk", "sportsmonk", an, 60, 60),
		near("spotify-api-key", "Spotify", "spotify", an, 32, 32),
		near("squarespace-api-key", "Squarespace", "squarespace", an+`-`, 36, 36),
		near("sslmate-api-key", "Sslmate", "sslmate", an, 36, 36),
		near("statuscake-api-key", "Statuscake", "statuscake", an, 20, 20),
		near("statuspage-api-key", "Statuspage", "statuspage", an, 36, 36),
		near("statuspal-api-key", "Statuspal", "statuspal", an, 32, 32),
		near("stitchdata-api-key", "Stitchdata", "stitchdata", an+`_`, 35, 35),
		near("stockdata-api-key", "Stockdata", "stockdata", an, 40, 40),
		near("storecove-api-key", "Storecove", "storecove", an+`_`, 43, 43),
		near("stormboard-api-key", "Stormboard", "stormboard", hx, 40, 40),
		near("stormglass-api-key", "Stormglass", "stormglass", an+`-`, 73, 73),
		near("storyblok-api-key", "Storyblok", "storyblok", an, 24, 24),
		near("storyblok-api-key-2", "Storyblok", "storyblok", an+`-`, 52, 52),
		nearWord("streak-api-key", "Streak", "streak", hx, 32, 32),
		near("stripo-api-key", "Stripo", "stripo", an+`._`, 195, 195),
		near("stytch-api-key", "Stytch", "stytch", an+`=-`, 48, 48),
		near("sugester-api-key", "Sugester", "sugester", an, 32, 32),
		near("supernotes-api-key", "Supernotes", "supernotes", an, 43, 43),
		near("surveyanyplace-api-key", "Surveyanyplace", "surveyanyplace", an, 32, 32),
		near("surveybot-api-key", "Surveybot", "surveybot", an, 80, 80),
		near("surveysparrow-api-key", "Surveysparrow", "surveysparrow", an+`-`, 88, 88),
		near("survicate-api-key", "Survicate", "survicate", an, 32, 32),
		nearWord("swell-api-key", "Swell", "swell", an, 32, 32),
		near("swiftype-api-key", "Swiftype", "swiftype", an+`_-`, 20, 20),
		near("tatumio-api-key", "Tatumio", "tatumio", an, 36, 36),
		near("taxjar-api-key", "Taxjar", "taxjar", an, 32, 32),
		near("teamgate-api-key", "Teamgate", "teamgate", an, 40, 40),
		near("technicalanalysis-api-key", "Technicalanalysis", "technicalanalysis", up, 48, 48),
		near("tefter-api-key", "Tefter", "tefter", an, 20, 20),
		nearWord("teletype-api-key", "Teletype", "teletype", an+`-`, 64, 64),
		near("testingbot-api-key", "Testingbot", "testingbot", an, 32, 32),
		near("the-odds-api-api-key", "The Odds Api", "the-odds-api|theodds|oddsapi", hx, 32, 32),
		near("thinkific-api-key", "Thinkific", "thinkific", hx, 32, 32),
		near("thousandeyes-api-key", "Thousandeyes", "thousandeyes", an, 32, 32),
		near("ticketmaster-api-key", "Ticketmaster", "ticketmaster", an, 32, 32),
		near("tiingo-api-key", "Tiingo", "tiingo", an, 40, 40),
		near("timecamp-api-key", "Timecamp", "timecamp", an, 26, 26),
		near("timezone-api-key", "Timezone", "timezoneapi", an, 20, 20),
		nearWord("tly-api-key", "Tly", "tly", an, 60, 60),
		near("tmetric-api-key", "Tmetric", "tmetric", up, 64, 64),
		near("todoist-api-key", "Todoist", "todoist", an, 40, 40),
		near("toggltrack-api-key", "Toggltrack", "toggltrack", an, 32, 32),
		near("tokeet-api-key", "Tokeet", "tokeet", an+`-`, 36, 36),
		near("tomorrowio-api-key", "Tomorrowio", "tomorrowio", an, 32, 32),
		near("tomtom-api-key", "Tomtom", "tomtom", an, 32, 32),
		near("tradier-api-key", "Tradier", "tradier", an, 28, 28),
		near("transferwise-api-key", "Transferwise", "transferwise", an+`-`, 36, 36),
		near("travelpayouts-api-key", "Travelpayouts", "travelpayouts", an, 32, 32),
		near("travisci-api-key", "Travisci", "travisci", an, 22, 22),
		near("trello-api-key", "Trello", "trello", an, 32, 32),
		near("twelvedata-api-key", "Twelvedata", "twelvedata", an, 32, 32),
		nearWord("twist-api-key", "Twist", "twist", hx, 40, 40),
		near("twitch-api-key", "Twitch", "twitch", an, 30, 30),
		near("tyntec-api-key", "Tyntec", "tyntec", an, 32, 32),
		near("typeform-api-key", "Typeform", "typeform", an, 44, 44),
		near("typetalk-api-key", "Typetalk", "typetalk", an, 64, 64),
		near("unifyid-api-key", "Unifyid", "unifyid", an+`_-`, 44, 44),
		near("unplugg-api-key", "Unplugg", "unplugg", an, 64, 64),
		near("unsplash-api-key", "Unsplash", "unsplash", an, 43, 43),
		near("upcdatabase-api-key", "Upcdatabase", "upcdatabase", up, 32, 32),
		near("uplead-api-key", "Uplead", "uplead", an+`-`, 32, 32),
		near("uploadcare-api-key", "Uploadcare", "uploadcare", an, 20, 20),
		near("uptimerobot-api-key", "Uptimerobot", "uptimerobot", an+`-`, 34, 34),
		near("upwave-api-key", "Upwave", "upwave", an, 32, 32),
		near("urlscan-api-key", "Urlscan", "urlscan", an, 36, 36),
		near("userflow-api-key", "Userflow", "userflow", an, 29, 29),
		near("userstack-api-key", "Userstack", "userstack", an, 32, 32),
		near("vatlayer-api-key", "Vatlayer", "vatlayer", an, 32, 32),
		near("vbout-api-key", "Vbout", "vbout", dg, 25, 25),
		near("vercel-api-key", "Vercel", "vercel", an, 24, 24),
		nearWord("verifier-api-key", "Verifier", "verifier", hx, 96, 96),
		near("verimail-api-key", "Verimail", "verimail", up, 32, 32),
		near("veriphone-api-key", "Veriphone", "veriphone", up, 32, 32),
		near("versioneye-api-key", "Versioneye", "versioneye", an+`-`, 40, 40),
		near("virustotal-api-key", "Virustotal", "virustotal", hx, 64, 64),
		near("visualcrossing-api-key", "Visualcrossing", "visualcrossing", up, 25, 25),
		near("voicegain-api-key", "Voicegain", "voicegain", an+`._-`, 191, 191),
		near("voodoosms-api-key", "Voodoosms", "voodoosms", an, 46, 46),
		near("vpn-api-key", "Vpn", "vpnapi", an, 32, 32),
		near("vultr-api-key", "Vultr", "vultr", up, 36, 36),
		near("vyte-api-key", "Vyte", "vyte", an, 50, 50),
		near("walkscore-api-key", "Walkscore", "walkscore", an, 32, 32),
		near("weatherbit-api-key", "Weatherbit", "weatherbit", an, 32, 32),
		near("weatherstack-api-key", "Weatherstack", "weatherstack", an, 32, 32),
		near("webex-api-key", "Webex", "webex", hx, 64, 64),
		near("webflow-api-key", "Webflow", "webflow", an, 64, 64),
		near("webscraper-api-key", "Webscraper", "webscraper", an, 60, 60),
		near("webscraping-api-key", "Webscraping", "webscraping", an, 32, 32),
		near("websitepulse-api-key", "Websitepulse", "websitepulse", hx, 32, 32),
		near("wepay-api-key", "Wepay", "wepay", an+`?`, 62, 62),
		near("whoxy-api-key", "Whoxy", "whoxy", an, 33, 33),
		near("wistia-api-key", "Wistia", "wistia", an, 64, 64),
		nearWord("wit-api-key", "Wit", "wit", up, 32, 32),
		near("worksnaps-api-key", "Worksnaps", "worksnaps", an, 40, 40),
		near("workstack-api-key", "Workstack", "workstack", an, 60, 60),
		near("worldcoinindex-api-key", "Worldcoinindex", "worldcoinindex", an, 35, 35),
		near("worldweather-api-key", "Worldweather", "worldweather", an, 31, 31),
		near("yelp-api-key", "Yelp", "yelp", an+`.=_-`, 128, 128),
		near("youneedabudget-api-key", "Youneedabudget", "youneedabudget", hx, 64, 64),
		near("yousign-api-key", "Yousign", "yousign", an, 32, 32),
		near("youtube-api-key", "Youtube", "youtube", an, 39, 39),
		near("zendesk-api-key", "Zendesk", "zendesk", an, 40, 40),
		near("zenkit-api-key", "Zenkit", "zenkit", an+`-`, 41, 41),
		near("zenrows-api-key", "Zenrows", "zenrows", hx, 40, 40),
		near("zenscrape-api-key", "Zenscrape", "zenscrape", an+`-`, 36, 36),
		near("zenserp-api-key", "Zenserp", "zenserp", an+`-`, 36, 36),
		near("zerobounce-api-key", "Zerobounce", "zerobounce", an, 32, 32),
		near("zerotier-api-key", "Zerotier", "zerotier", an, 32, 32),
		near("zip-api-key", "Zip", "zipapi", an, 32, 32),
		near("zipcode-api-key", "Zipcode", "zipcodeapi", an, 64, 64),
		near("zipcodebase-api-key", "Zipcodebase", "zipcodebase", an+`-`, 36, 36),
		near("zonkafeedback-api-key", "Zonkafeedback", "zonkafeedback", an, 36, 36),
	})
}
