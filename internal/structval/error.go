package structval

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"

	"github.com/logredact/logredact/redact"
)

// Error redacts err, logged under key of tier. It returns err and false
// when err is an error of errors.New or fmt.Errorf (whose message is fixed
// when it is made) with a clean message. Any other error is replaced,
// clean or not, so that its methods run once per log call and what is
// written is what was checked: the replacement is a stand-in (see
// [Walker.Error]'s rules at the stand-in types) that keeps
//
//   - Error: the redacted message (the marker if Error panicked; masked
//     whole under a strong key, or under a weak one when it looks like a
//     credential);
//   - the "%+v" form, for errors that are fmt.Formatters (zap writes it
//     as keyVerbose, slog's TextHandler prints it), redacted;
//   - Errors() []error, for multi-errors (zap writes keyCauses): each
//     cause redacted the same way;
//   - errors.Is against the original chain, and Unwrap to stand-ins of
//     the original's causes (never to the originals: a handler walking
//     the chain would print their raw messages). errors.As therefore
//     does not reach the original types.
func (w *Walker) Error(err error, key string, tier redact.KeyTier) (error, bool) {
	if tier == redact.KeyNotSensitive && w.cleanStored(err) {
		return err, false
	}
	return w.errorAt(err, key, tier, 0)
}

// cleanStored reports whether err is an error of errors.New or fmt.Errorf
// (whose Error returns a stored message and cannot panic) with nothing to
// redact in its message or causes.
func (w *Walker) cleanStored(err error) bool {
	if !pureTypes[reflect.TypeOf(err)] {
		return false
	}
	msg := err.Error()
	return w.Text(msg) == msg && !w.causesHide(err, 0)
}

func (w *Walker) errorAt(err error, key string, tier redact.KeyTier, depth int) (error, bool) {
	if err == nil {
		return nil, false
	}
	if _, ok := err.(*standIn); ok && tier == redact.KeyNotSensitive {
		return w.restand(err.(*standIn))
	}
	msg, ok := callError(err)
	if !ok || depth > MaxDepth {
		m := w.r.Marker()
		return &standIn{msg: m, verbose: m, orig: err, w: w}, true
	}
	red, changed := w.String(msg, key, tier)
	if !changed && w.hides(err, depth) {
		// Its data holds a secret the message may show in a form no
		// pattern reads (fmt prints bytes as numbers): masked whole.
		red, changed = w.r.Marker(), true
	}
	if pureTypes[reflect.TypeOf(err)] {
		if !changed {
			return err, false
		}
		return &standIn{msg: red, verbose: red, orig: err, w: w}, true
	}
	s := standIn{msg: red, verbose: red, orig: err, w: w}
	switch e := err.(type) {
	case errorGroup:
		causes, ok := callErrors(e)
		if !ok {
			return &s, true
		}
		g := &groupStandIn{standIn: s, causes: make([]error, len(causes))}
		for i, c := range causes {
			if c != nil {
				g.causes[i], _ = w.errorAt(c, "", redact.KeyNotSensitive, depth+1)
			}
		}
		return g, true
	case fmt.Formatter:
		verbose, ok := callFormat(e, true)
		if !ok {
			verbose = w.r.Marker()
		}
		if verbose == msg {
			s.verbose = red
		} else {
			s.verbose, _ = w.String(verbose, key, tier)
		}
	}
	if _, ok := err.(interface{ Unwrap() []error }); ok {
		return &joinStandIn{standIn: s}, true
	}
	return &s, true
}

// hides reports whether the data of err, or of the causes it wraps, holds
// something to redact, whatever its methods print.
func (w *Walker) hides(err error, depth int) bool {
	if err == nil || depth > MaxDepth {
		return false
	}
	t := reflect.TypeOf(err)
	if !pureTypes[t] {
		sc := scanner{w: w, sink: Any, data: true}
		rv := reflect.ValueOf(err)
		if sc.dirty(rv, w.info(t), "", redact.KeyNotSensitive, false, 0) {
			return true
		}
	}
	return w.causesHide(err, depth)
}

// causesHide is hides for the causes err wraps.
func (w *Walker) causesHide(err error, depth int) bool {
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return w.hides(u.Unwrap(), depth+1)
	case interface{ Unwrap() []error }:
		for _, c := range u.Unwrap() {
			if w.hides(c, depth+1) {
				return true
			}
		}
	}
	return false
}

// restand redacts a stand-in made earlier (a logrus Hook's, seen again by
// the Formatter): its text is fixed.
func (w *Walker) restand(s *standIn) (error, bool) {
	msg, ch1 := w.String(s.msg, "", redact.KeyNotSensitive)
	verbose, ch2 := w.String(s.verbose, "", redact.KeyNotSensitive)
	if !ch1 && !ch2 {
		return s, false
	}
	return &standIn{msg: msg, verbose: verbose, orig: s.orig, w: w}, true
}

// errorGroup is the interface zap recognises for multi-errors (such as
// go.uber.org/multierr): their causes are written under keyCauses.
type errorGroup interface{ Errors() []error }

func callErrors(g errorGroup) (errs []error, ok bool) {
	defer func() {
		if recover() != nil {
			errs, ok = nil, false
		}
	}()
	return g.Errors(), true
}

// standIn is the one stand-in for an error (see [Walker.Error]).
type standIn struct {
	msg, verbose string
	orig         error
	w            *Walker
}

var (
	_ error         = (*standIn)(nil)
	_ fmt.Formatter = (*standIn)(nil)
	_ errorGroup    = (*groupStandIn)(nil)
)

func (e *standIn) Error() string { return e.msg }

// Is reports whether the original error matches target, so errors.Is
// keeps working on a logged error.
func (e *standIn) Is(target error) bool { return errors.Is(e.orig, target) }

// Unwrap returns a stand-in for the original's cause.
func (e *standIn) Unwrap() error {
	c := errors.Unwrap(e.orig)
	if c == nil {
		return nil
	}
	out, _ := e.w.Error(c, "", redact.KeyNotSensitive)
	return out
}

// Format prints the redacted message, the redacted verbose form for %+v,
// quoted for %q.
func (e *standIn) Format(f fmt.State, verb rune) {
	text := e.msg
	switch {
	case verb == 'v' && f.Flag('+'):
		text = e.verbose
	case verb == 'q':
		text = strconv.Quote(text)
	}
	_, _ = io.WriteString(f, text)
}

// groupStandIn stands in for a multi-error: zap writes its causes.
type groupStandIn struct {
	standIn
	causes []error
}

func (e *groupStandIn) Errors() []error { return e.causes }

// Unwrap returns the redacted causes, as errors.Join's Unwrap does.
func (e *groupStandIn) Unwrap() []error { return e.causes }

// joinStandIn stands in for an error with several causes (errors.Join,
// fmt.Errorf with several %w).
type joinStandIn struct{ standIn }

// Unwrap returns stand-ins for the original's causes.
func (e *joinStandIn) Unwrap() []error {
	u, ok := e.orig.(interface{ Unwrap() []error })
	if !ok {
		return nil
	}
	var out []error
	for _, c := range u.Unwrap() {
		if c != nil {
			red, _ := e.w.Error(c, "", redact.KeyNotSensitive)
			out = append(out, red)
		}
	}
	return out
}
