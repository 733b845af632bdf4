package cli

import (
	"errors"
	"flag"
	"io"
	"strings"
)

// flagSet wraps flag.FlagSet so flags may come before or after positional
// arguments (`retort upgrade head --sql`), as users of Alembic expect.
type flagSet struct {
	*flag.FlagSet
}

func newFlags(name string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flagSet{fs}
}

// parse parses flags anywhere in args and returns the positional arguments.
// A negative number (`downgrade -1`) is positional, never a flag; "--" ends
// flag parsing.
func (f *flagSet) parse(args []string) ([]string, error) {
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
				return nil, errHelp
			}
			return nil, usagef("%s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "))
		}
		args = append(append([]string(nil), f.Args()...), args[k:]...)
	}
	return pos, nil
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
