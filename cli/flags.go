package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/retortdb/retort/internal/suggest"
)

// flagSet wraps flag.FlagSet so flags may come before or after positional
// arguments (`retort upgrade head --sql`), as users of Alembic expect, and
// so a mistake reads "unknown flag --dry-run; did you mean --sql?".
//
// Every command parses its flags before doing anything else: help and the
// flag check before the driver is built rely on it.
type flagSet struct {
	*flag.FlagSet
	// validateOnly makes parse stop with errFlagsOK once the flags parsed:
	// the outer process checks a command line before building the driver.
	validateOnly bool
}

// errFlagsOK is what parse returns in validateOnly mode when the flags are fine.
var errFlagsOK = errors.New("flags parsed")

// newFlags returns the flag set of the named command.
func (a *app) newFlags(name string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flagSet{FlagSet: fs, validateOnly: a.validateOnly}
}

// parse parses flags anywhere in args and returns the positional arguments.
// A negative number (`downgrade -1`) is positional, never a flag; "--" ends
// flag parsing.
func (f *flagSet) parse(args []string) ([]string, error) {
	pos, err := f.parseArgs(args)
	if err == nil && f.validateOnly {
		return nil, errFlagsOK
	}
	return pos, err
}

func (f *flagSet) parseArgs(args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		switch a := args[0]; {
		case a == "--":
			return append(pos, args[1:]...), nil
		case isNegativeNumber(a) || !strings.HasPrefix(a, "-") || a == "-":
			pos = append(pos, a)
			args = args[1:]
			continue
		}
		// Hand the flag parser everything up to the next negative number.
		k := 1
		for k < len(args) && !isNegativeNumber(args[k]) {
			k++
		}
		if err := f.FlagSet.Parse(args[:k]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, &helpError{flags: f.FlagSet}
			}
			return nil, f.explain(err)
		}
		args = append(append([]string(nil), f.Args()...), args[k:]...)
	}
	return pos, nil
}

// explain turns the flag package's error into one that names the flag as
// it is written (--name, -m) and, for an unknown flag, suggests one.
func (f *flagSet) explain(err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		return usagef("unknown flag %s%s", dashed(name), f.suggest(name))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return usagef("flag %s needs a value", dashed(strings.TrimLeft(name, "-")))
	}
	if i := strings.Index(msg, " for flag -"); i >= 0 && strings.HasPrefix(msg, "invalid ") {
		rest := msg[i+len(" for flag -"):]
		name, why, _ := strings.Cut(rest, ": ")
		return usagef("%s for %s: %s", msg[:i], dashed(name), why)
	}
	return usagef("%s", msg)
}

// dashed writes a flag as users type it: -m for one letter, --name otherwise.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// flagSynonyms maps flags users bring from other tools to retort's.
var flagSynonyms = map[string][]string{
	"dry-run":      {"sql"},
	"print-sql":    {"sql"},
	"offline":      {"sql"},
	"database":     {"url"},
	"database-url": {"url"},
	"db":           {"url"},
	"dsn":          {"url"},
	"output":       {"format"},
	"o":            {"format"},
	"json":         {"format"},
	"force":        {"allow-data-loss"},
	"msg":          {"m"},
	"rev":          {"rev-id"},
	"autogen":      {"autogenerate"},
	"auto":         {"autogenerate"},
	"jobs":         {"j"},
}

// suggest returns "; did you mean --x?" for the defined flag closest to
// name, or "".
func (f *flagSet) suggest(name string) string {
	for _, s := range flagSynonyms[name] {
		if f.Lookup(s) != nil {
			return fmt.Sprintf("; did you mean %s?", dashed(s))
		}
	}
	best, bestD := "", 3
	f.VisitAll(func(fl *flag.Flag) {
		d := suggest.Distance(name, fl.Name)
		if strings.HasPrefix(fl.Name, name) && len(name) >= 3 {
			d = 1
		}
		if d < bestD || (d == bestD && best != "" && fl.Name < best) {
			best, bestD = fl.Name, d
		}
	})
	if best == "" || len(best) == 1 && len(name) > 2 {
		return ""
	}
	return fmt.Sprintf("; did you mean %s?", dashed(best))
}

func isNegativeNumber(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }
