package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
)

// helpError is returned by a command's flag parsing when it is asked for
// --help; it carries the flags so the help can list them. The command
// exits 0.
type helpError struct{ flags *flag.FlagSet }

func (e *helpError) Error() string { return "help requested" }

// wantsHelp reports whether args (a command's arguments) ask for help.
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// commandHelp prints cmd's help: what it does, its usage line, every flag
// with one line each, and examples. It runs the command with --help in
// this process, which stops at flag parsing (every command parses its
// flags first), so it works outside a project too.
func (a *app) commandHelp(ctx context.Context, w io.Writer, cmd command) {
	var flags *flag.FlagSet
	probe := &app{stdin: a.stdin, stdout: io.Discard, stderr: io.Discard, getenv: a.getenv}
	if err := cmd.run(ctx, probe, []string{"--help"}); err != nil {
		if he, ok := err.(*helpError); ok {
			flags = he.flags
		}
	}
	fmt.Fprintf(w, "retort %s: %s\n\n%s\n", cmd.name, cmd.summary, wrap("usage: ", cmd.usage, 78, "         "))
	if cmd.about != "" {
		fmt.Fprintf(w, "\n%s\n", wrap("", cmd.about, 78, ""))
	}
	if flags != nil {
		if lines := flagLines(flags); len(lines) > 0 {
			fmt.Fprintf(w, "\nflags:\n")
			for _, l := range lines {
				fmt.Fprintln(w, l)
			}
		}
	}
	if len(cmd.examples) > 0 {
		fmt.Fprintf(w, "\nexamples:\n")
		for _, e := range cmd.examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
}

// flagLines lists a flag set one flag a line, aliases (-m and --message)
// on one line, sorted by name.
func flagLines(fs *flag.FlagSet) []string {
	type entry struct {
		names   []string
		arg     string
		usage   string
		deflt   string
		primary string
	}
	var entries []*entry
	byValue := map[flag.Value]*entry{}
	fs.VisitAll(func(f *flag.Flag) {
		if e, ok := byValue[f.Value]; ok {
			e.names = append(e.names, f.Name)
			if len(f.Name) > len(e.primary) {
				e.primary = f.Name
			}
			return
		}
		arg, usage := flag.UnquoteUsage(f)
		switch arg {
		case "string":
			arg = "VALUE"
		case "int":
			arg = "N"
		case "value":
			arg = "VALUE"
		default:
			arg = strings.ToUpper(arg)
		}
		e := &entry{names: []string{f.Name}, arg: arg, usage: usage, primary: f.Name}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "-1" {
			e.deflt = f.DefValue
		}
		entries = append(entries, e)
		byValue[f.Value] = e
	})
	slices.SortFunc(entries, func(x, y *entry) int { return strings.Compare(x.primary, y.primary) })
	var heads []string
	width := 0
	for _, e := range entries {
		slices.SortFunc(e.names, func(x, y string) int { return len(x) - len(y) })
		parts := make([]string, len(e.names))
		for i, n := range e.names {
			parts[i] = dashed(n)
		}
		h := strings.Join(parts, ", ")
		if e.arg != "" {
			h += " " + e.arg
		}
		heads = append(heads, h)
		width = max(width, len(h))
	}
	width = min(width, 26)
	lines := make([]string, len(entries))
	for i, e := range entries {
		text := e.usage
		if e.deflt != "" {
			text += " (default: " + e.deflt + ")"
		}
		indent := strings.Repeat(" ", width+4)
		if len(heads[i]) > width {
			lines[i] = "  " + heads[i] + "\n" + wrap(indent, text, 78, indent)
			continue
		}
		lines[i] = wrap(fmt.Sprintf("  %-*s  ", width, heads[i]), text, 78, indent)
	}
	return lines
}

// wrap lays text out in lines of at most width columns: the first line
// starts with first, the others with indent.
func wrap(first, text string, width int, indent string) string {
	var b strings.Builder
	line, empty := first, true
	for _, w := range strings.Fields(text) {
		if !empty && len(line)+1+len(w) > width {
			b.WriteString(line)
			b.WriteByte('\n')
			line, empty = indent, true
		}
		if !empty {
			line += " "
		}
		line += w
		empty = false
	}
	b.WriteString(line)
	return b.String()
}
