package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// lineHandler prints log records as plain lines for a person at a terminal:
// "INFO  [retort] message key=value ...".
type lineHandler struct {
	mu    *sync.Mutex
	w     io.Writer
	level slog.Level
	attrs []slog.Attr
}

func newLogger(w io.Writer, quiet bool) *slog.Logger {
	level := slog.LevelInfo
	if quiet {
		level = slog.LevelWarn
	}
	return slog.New(&lineHandler{mu: &sync.Mutex{}, w: w, level: level})
}

func (h *lineHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level }

func (h *lineHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-5s [retort] %s", r.Level.String(), r.Message)
	write := func(a slog.Attr) bool {
		v := a.Value.Resolve()
		// Leave out what the message already says.
		if a.Equal(slog.Attr{}) || a.Key == "direction" || strings.Contains(r.Message, v.String()) {
			return true
		}
		if v.Kind() == slog.KindDuration {
			fmt.Fprintf(&b, " %s=%s", a.Key, v.Duration().Round(time.Millisecond))
		} else {
			fmt.Fprintf(&b, " %s=%v", a.Key, v.Any())
		}
		return true
	}
	for _, a := range h.attrs {
		write(a)
	}
	r.Attrs(write)
	b.WriteByte('\n')
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

func (h *lineHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	h2 := *h
	h2.attrs = append(append([]slog.Attr(nil), h.attrs...), attrs...)
	return &h2
}

func (h *lineHandler) WithGroup(string) slog.Handler { return h }
