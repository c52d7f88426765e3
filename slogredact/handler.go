package slogredact

import (
	"context"
	"log/slog"
	"sync"

	"github.com/logredact/logredact/internal/structval"
	"github.com/logredact/logredact/redact"
)

// Handler is a [slog.Handler] that redacts secrets from every record and
// attribute before passing them to the handler it wraps. Build one with
// [NewHandler]. A Handler is immutable and safe for concurrent use whenever
// the wrapped handler is.
type Handler struct {
	next slog.Handler
	e    engine
	// maskKey is the first strong sensitive name given to WithGroup, or
	// "". Every attribute logged below that group is masked whole.
	maskKey string
}

var _ slog.Handler = (*Handler)(nil)

// defaultRedactor is built on first use, so a program that always passes its
// own Redactor never compiles the built-in catalog twice.
var defaultRedactor = sync.OnceValue(func() *redact.Redactor { return redact.MustNew() })

// NewHandler returns a Handler that redacts with r and then calls next.
// A nil r means a Redactor built by [redact.New] with no options: the
// built-in patterns, the default sensitive keys and Mask mode. next must not
// be nil.
//
// Attributes that next pre-formatted before it was wrapped are not seen;
// wrap the root handler and derive loggers from the result.
func NewHandler(next slog.Handler, r *redact.Redactor) *Handler {
	if next == nil {
		panic("slogredact: NewHandler called with a nil next Handler")
	}
	if r == nil {
		r = defaultRedactor()
	}
	return &Handler{next: next, e: newEngine(r, next)}
}

// Enabled reports whether the wrapped handler handles records at level.
func (h *Handler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

// Handle redacts rec and passes it to the wrapped handler. A record holding
// nothing to redact is passed on as it is; otherwise a new record with the
// same time, level and PC carries the redacted message and attributes. Rec
// itself is never modified.
func (h *Handler) Handle(ctx context.Context, rec slog.Record) error {
	msg := h.e.w.Text(rec.Message)
	var (
		out     slog.Record
		started bool
		i       int
	)
	start := func() {
		started = true
		out = slog.NewRecord(rec.Time, rec.Level, msg, rec.PC)
		// The attributes before the first change were clean: copy them
		// as they are, without redacting (or resolving) them again.
		n := 0
		rec.Attrs(func(a slog.Attr) bool {
			if n == i {
				return false
			}
			out.AddAttrs(a)
			n++
			return true
		})
	}
	if msg != rec.Message {
		start()
	}
	rec.Attrs(func(a slog.Attr) bool {
		changed := h.e.attr(&a, h.maskKey, 0)
		if changed && !started {
			start()
		}
		if started {
			out.AddAttrs(a)
		}
		i++
		return true
	})
	if !started {
		return h.next.Handle(ctx, rec)
	}
	return h.next.Handle(ctx, out)
}

// WithAttrs redacts attrs once and returns a Handler wrapping the result of
// the wrapped handler's WithAttrs, so that handler can still pre-format them.
func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	if len(attrs) == 0 {
		return h
	}
	red, _ := h.e.attrs(attrs, h.maskKey, 0)
	h2 := *h
	h2.next = h.next.WithAttrs(red)
	h2.e = newEngine(h.e.r, h2.next)
	return &h2
}

// WithGroup returns a Handler wrapping the result of the wrapped handler's
// WithGroup. A name holding a secret is redacted; a strong sensitive name
// (password, credentials …) makes every attribute logged below it masked
// whole, while below a weak one (auth, token, session …) each attribute's
// own key decides.
func (h *Handler) WithGroup(name string) slog.Handler {
	name = h.e.r.String(name)
	h2 := *h
	h2.next = h.next.WithGroup(name)
	h2.e = newEngine(h.e.r, h2.next)
	if h2.maskKey == "" && h.e.r.KeyTier(name) == redact.KeyStrong {
		h2.maskKey = name
	}
	return &h2
}

// ReplaceAttr returns a function for [slog.HandlerOptions].ReplaceAttr that
// redacts each attribute with r (nil means a default Redactor, as for
// [NewHandler]). It suits programs that build their own slog handlers and
// want redaction without another wrapper; [NewHandler] is the stronger
// guarantee and works with any handler.
//
// Its limits come from where slog calls it:
//
//   - Only handlers that honour HandlerOptions.ReplaceAttr use it, and a
//     program that has its own ReplaceAttr must call both.
//   - It sees attributes one by one, after the handler resolved them, never
//     whole groups: a strong group key masks each attribute below it
//     rather than the group, and a secret in a group name is not removed.
//   - The built-in handlers pass the message through it as the attribute
//     "msg" (key [slog.MessageKey], no groups), so the message is redacted;
//     handlers that do not pass the message leave it unredacted.
//   - It does not know the handler's output format, so values of kind Any
//     are checked in every rendering (JSON, MarshalText, fmt "%+v",
//     Error), and one whose rendering called a method of the program is
//     replaced by a stand-in rendering as the checked text.
func ReplaceAttr(r *redact.Redactor) func(groups []string, a slog.Attr) slog.Attr {
	if r == nil {
		r = defaultRedactor()
	}
	e := engine{r: r, w: structval.For(r), sink: structval.Any}
	return func(groups []string, a slog.Attr) slog.Attr {
		maskKey := ""
		for _, g := range groups {
			if _, tier := e.key(g); tier == redact.KeyStrong {
				maskKey = g
				break
			}
		}
		e.attr(&a, maskKey, 0)
		return a
	}
}
