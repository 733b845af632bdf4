package migrate

import (
	"errors"
	"fmt"
	"strings"
)

// FilePlaceholder is replaced by the written file's path in the arguments
// of a [PostWriteHook].
const FilePlaceholder = "{file}"

// PostWriteHook is a command `retort revision` runs on each revision file
// it writes, from the module's root directory, e.g.
//
//	migrate.PostWriteHook{Command: []string{"goimports", "-w", "{file}"}}
//
// A failing command fails the revision command (the file stays written,
// for the user to fix).
type PostWriteHook struct {
	// Command is the program and its arguments. Every "{file}" in an
	// argument is replaced by the file's path; when no argument holds one,
	// the path is appended as the last argument.
	Command []string
}

// ErrPostWrite is wrapped by the errors of [PostWriteHook.Args].
var ErrPostWrite = errors.New("migrate: bad post-write hook")

// Args returns the command line to run on file: the program first.
func (h PostWriteHook) Args(file string) ([]string, error) {
	if len(h.Command) == 0 || strings.TrimSpace(h.Command[0]) == "" {
		return nil, fmt.Errorf("%w: no command", ErrPostWrite)
	}
	if strings.Contains(h.Command[0], FilePlaceholder) {
		return nil, fmt.Errorf("%w: %q: the program cannot be the file", ErrPostWrite, h.Command[0])
	}
	out := make([]string, len(h.Command))
	found := false
	for i, a := range h.Command {
		if strings.Contains(a, FilePlaceholder) {
			found = true
			a = strings.ReplaceAll(a, FilePlaceholder, file)
		}
		out[i] = a
	}
	if !found {
		out = append(out, file)
	}
	return out, nil
}
