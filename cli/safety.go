package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/safety"
)

// printOps lists ops, one per line after prefix, each followed by its
// findings.
func printOps(w io.Writer, prefix string, list []ops.Op, fs []safety.Finding) {
	pad := strings.Repeat(" ", len(prefix)+2)
	for i, op := range list {
		fmt.Fprintf(w, "%s%s\n", prefix, ops.Describe(op))
		printFindings(w, pad, safety.Of(fs, i))
	}
}

// printFindings writes each finding as "! kind: message" after pad.
func printFindings(w io.Writer, pad string, fs []safety.Finding) {
	for _, f := range fs {
		fmt.Fprintf(w, "%s! %s: %s\n", pad, f.Kind.Title(), f.Message)
	}
}

// refusal prints what the runner's data-loss gate refused, as `retort
// upgrade` has always said it: each revision with its findings, then the
// two ways out.
func (a *app) refusal(name string, e *migrate.DataLossError) {
	for _, r := range e.Revisions {
		fmt.Fprintf(a.stderr, "retort %s: refusing revision %s (%s): its %s loses data and is not marked reviewed:\n", name, r.ID, r.Message, e.Direction)
		for _, l := range r.Losses {
			fmt.Fprintf(a.stderr, "  op %d: %s: %s\n", l.Op+1, safety.DataLoss.Title(), l.Message)
		}
	}
	fmt.Fprintf(a.stderr, "Review the findings, then either add `Reviewed: []string{%q},` to the revision in %s (generated files carry the line commented out), or run the %s again with --allow-data-loss.\n",
		migrate.ReviewedDataLoss, a.revisionFileNames(e.Revisions), name)
}

// revisionFileNames names the files that declare the revisions, falling
// back to their ids.
func (a *app) revisionFileNames(revs []migrate.RefusedRevision) string {
	var files []revisionFile
	dir := ""
	if a.driver != nil {
		dir = a.driver.Dir
		files, _ = revisionFiles(filepath.Join(a.driver.Root, a.driver.Dir))
	}
	var names []string
	for _, r := range revs {
		name := "the file of revision " + r.ID
		for _, f := range files {
			if slices.Contains(f.IDs, r.ID) {
				name = filepath.Join(dir, f.Name)
			}
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// renameHints says, for each column an op list adds to a table from which
// it drops a column of the same type, that a rename tag would keep the
// data: autogenerate cannot tell a rename from a drop and an add.
func renameHints(list []ops.Op) []string {
	type col struct {
		schema, table, name, typ string
	}
	var added, dropped []col
	for _, op := range list {
		switch o := op.(type) {
		case ops.AddColumn:
			added = append(added, col{o.Schema, o.Table, o.Column.Name, strings.ToLower(o.Column.Type.String())})
		case ops.DropColumn:
			dropped = append(dropped, col{o.Schema, o.Table, o.Column.Name, strings.ToLower(o.Column.Type.String())})
		}
	}
	var hints []string
	used := make([]bool, len(dropped))
	for _, ad := range added {
		for i, dr := range dropped {
			if used[i] || dr.schema != ad.schema || dr.table != ad.table || dr.typ != ad.typ {
				continue
			}
			used[i] = true
			hints = append(hints, fmt.Sprintf("hint: %s.%s is added and %s.%s (%s) dropped: if the column was renamed, add renamed_from=%s to the field's tag and autogenerate again, so the rows keep their values",
				ad.table, ad.name, dr.table, dr.name, dr.typ, dr.name))
			break
		}
	}
	return hints
}
