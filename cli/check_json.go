package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/safety"
)

// checkJSONVersion is the version of the `retort check --format json`
// document. It changes only when a field is removed or changes meaning;
// new fields may appear within a version.
const checkJSONVersion = 1

// checkReport is what `retort check` found.
type checkReport struct {
	dialect        string
	current, heads []string
	// steps are the pending revisions, in the order upgrade applies them,
	// with their upgrade findings.
	steps        []migrate.Step
	stepFindings [][]safety.Finding
	// list is the model drift, with its findings.
	list     []ops.Op
	findings []safety.Finding
}

func (r checkReport) inSync() bool { return len(r.list) == 0 && len(r.steps) == 0 }

// checkReport gathers the revision state and the findings of the drift ops
// and of the pending revisions.
func (a *app) checkReport(ctx context.Context, d *database, list []ops.Op, cur *model.Schema, dataAware bool) (checkReport, error) {
	r := checkReport{dialect: d.be.Name, list: list, current: []string{}, heads: []string{}}
	g, err := a.graph()
	if err != nil {
		return r, err
	}
	if g != nil {
		r.heads = g.Heads()
		if r.current, err = migrate.Current(ctx, d.db, a.env); err != nil {
			return r, err
		}
		if r.steps, err = g.Plan(migrate.Up, r.current, r.heads); err != nil {
			return r, err
		}
		if r.stepFindings, err = pendingFindings(r.steps, d); err != nil {
			return r, err
		}
	}
	if len(list) > 0 {
		r.findings = safety.Analyze(list, d.be.Dialect, safety.Options{Current: cur})
		if dataAware {
			r.findings = a.count(ctx, d, list, r.findings)
		}
	}
	return r, nil
}

// printPending lists the pending revisions that have findings, marking
// the unreviewed data loss `retort upgrade` will refuse.
func (a *app) printPending(r checkReport) {
	for i, st := range r.steps {
		fs := r.stepFindings[i]
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(a.stdout, "  %s %s:\n", st.Revision.ID, st.Revision.Message)
		printFindings(a.stdout, "    ", fs)
		if safety.Has(fs, safety.DataLoss) && !slices.Contains(st.Revision.Reviewed, reviewedDataLoss) {
			fmt.Fprintf(a.stdout, "    (data loss not marked reviewed: `retort upgrade` refuses this revision)\n")
		}
	}
}

// The JSON document of `retort check --format json`; README.md documents it.
type (
	checkJSON struct {
		Version  int          `json:"version"`
		Dialect  string       `json:"dialect"`
		InSync   bool         `json:"in_sync"`
		Revision revisionJSON `json:"revision"`
		Ops      []opJSON     `json:"ops"`
		Objects  []string     `json:"objects"`
	}
	revisionJSON struct {
		Current          []string      `json:"current"`
		Heads            []string      `json:"heads"`
		Pending          int           `json:"pending"`
		PendingRevisions []pendingJSON `json:"pending_revisions"`
	}
	pendingJSON struct {
		ID       string        `json:"id"`
		Message  string        `json:"message"`
		Reviewed []string      `json:"reviewed"`
		Findings []findingJSON `json:"findings"`
	}
	opJSON struct {
		Op          string        `json:"op"`
		Schema      string        `json:"schema"`
		Table       string        `json:"table"`
		Object      string        `json:"object"`
		Description string        `json:"description"`
		Findings    []findingJSON `json:"findings"`
	}
	findingJSON struct {
		Kind     string `json:"kind"`
		Severity string `json:"severity"`
		Object   string `json:"object"`
		Message  string `json:"message"`
		Rows     *int64 `json:"rows"`
	}
)

// checkDocument builds the JSON document of a report.
func checkDocument(r checkReport) checkJSON {
	doc := checkJSON{
		Version: checkJSONVersion, Dialect: r.dialect, InSync: r.inSync(),
		Revision: revisionJSON{Current: nonNil(r.current), Heads: nonNil(r.heads), Pending: len(r.steps), PendingRevisions: []pendingJSON{}},
		Ops:      []opJSON{}, Objects: []string{},
	}
	for i, st := range r.steps {
		doc.Revision.PendingRevisions = append(doc.Revision.PendingRevisions, pendingJSON{
			ID: st.Revision.ID, Message: st.Revision.Message, Reviewed: nonNil(st.Revision.Reviewed),
			Findings: findingsJSON(r.stepFindings[i]),
		})
	}
	seen := map[string]bool{}
	for i, op := range r.list {
		schema, table, object := opTarget(op)
		doc.Ops = append(doc.Ops, opJSON{
			Op: opName(op), Schema: schema, Table: table, Object: object,
			Description: ops.Describe(op), Findings: findingsJSON(safety.Of(r.findings, i)),
		})
		for _, o := range []string{qualify(schema, table), object} {
			if o != "" && !seen[o] {
				seen[o] = true
				doc.Objects = append(doc.Objects, o)
			}
		}
	}
	slices.Sort(doc.Objects)
	return doc
}

// writeCheckJSON prints the report as JSON; it returns errDrift when the
// database is not in sync, like the text output.
func (a *app) writeCheckJSON(r checkReport) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(checkDocument(r)); err != nil {
		return err
	}
	if !r.inSync() {
		return errDrift
	}
	return nil
}

func findingsJSON(fs []safety.Finding) []findingJSON {
	out := []findingJSON{}
	for _, f := range fs {
		j := findingJSON{Kind: f.Kind.String(), Severity: f.Severity.String(), Object: f.Object, Message: f.Message}
		if f.Rows >= 0 {
			n := f.Rows
			j.Rows = &n
		}
		out = append(out, j)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func qualify(schema, name string) string {
	if schema == "" || name == "" {
		return name
	}
	return schema + "." + name
}

// opName is the op's type in snake case: "add_column", "create_index".
func opName(op ops.Op) string {
	name := reflect.TypeOf(op).Name()
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// opTarget returns the schema and table an op works on and the object it
// names, qualified by its table: "users", "users.bio",
// "users.ix_users_email"; enums are "enum mood".
func opTarget(op ops.Op) (schema, table, object string) {
	schema, table, object, _ = target(op)
	return schema, table, object
}

// target is opTarget, and false for an op type it does not know.
func target(op ops.Op) (schema, table, object string, known bool) {
	dot := func(s, t, name string) (string, string, string, bool) {
		if name == "" {
			return s, t, qualify(s, t), true
		}
		return s, t, qualify(s, t) + "." + name, true
	}
	switch o := op.(type) {
	case ops.CreateTable:
		return dot(o.Table.Schema, o.Table.Name, "")
	case ops.DropTable:
		return dot(o.Table.Schema, o.Table.Name, "")
	case ops.RenameTable:
		return dot(o.Schema, o.From, "")
	case ops.AddColumn:
		return dot(o.Schema, o.Table, o.Column.Name)
	case ops.DropColumn:
		return dot(o.Schema, o.Table, o.Column.Name)
	case ops.AlterColumn:
		name := o.To.Name
		if name == "" {
			name = o.From.Name
		}
		return dot(o.Schema, o.Table, name)
	case ops.RenameColumn:
		return dot(o.Schema, o.Table, o.From)
	case ops.CreateIndex:
		return dot(o.Schema, o.Table, o.Index.Name)
	case ops.DropIndex:
		return dot(o.Schema, o.Table, o.Index.Name)
	case ops.AddPrimaryKey:
		return dot(o.Schema, o.Table, o.PrimaryKey.Name)
	case ops.DropPrimaryKey:
		return dot(o.Schema, o.Table, o.PrimaryKey.Name)
	case ops.AddUnique:
		return dot(o.Schema, o.Table, o.Unique.Name)
	case ops.DropUnique:
		return dot(o.Schema, o.Table, o.Unique.Name)
	case ops.AddForeignKey:
		return dot(o.Schema, o.Table, o.ForeignKey.Name)
	case ops.DropForeignKey:
		return dot(o.Schema, o.Table, o.ForeignKey.Name)
	case ops.AddCheck:
		return dot(o.Schema, o.Table, o.Check.Name)
	case ops.DropCheck:
		return dot(o.Schema, o.Table, o.Check.Name)
	case ops.SetTableComment:
		return dot(o.Schema, o.Table, "")
	case ops.SetTableOptions:
		return dot(o.Schema, o.Table, "")
	case ops.CreateEnum:
		return o.Enum.Schema, "", "enum " + qualify(o.Enum.Schema, o.Enum.Name), true
	case ops.DropEnum:
		return o.Enum.Schema, "", "enum " + qualify(o.Enum.Schema, o.Enum.Name), true
	case ops.RenameEnum:
		return o.Schema, "", "enum " + qualify(o.Schema, o.From), true
	case ops.BulkInsert:
		return dot(o.Schema, o.Table, "")
	case ops.AddEnumValue:
		return o.Schema, "", "enum " + qualify(o.Schema, o.Enum), true
	case ops.Custom:
		if o.Op != nil {
			return "", "", o.Op.Name(), true
		}
		return "", "", "", true
	case ops.Execute:
		return "", "", "", true
	}
	return "", "", "", false
}
