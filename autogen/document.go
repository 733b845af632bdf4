package autogen

import (
	"reflect"
	"slices"
	"strings"
	"unicode"

	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/safety"
)

// DocumentVersion is the version of the [Document] `retort check --format
// json` prints. It changes only when a field is removed or changes
// meaning; new fields may appear within a version.
const DocumentVersion = 1

// The JSON document of `retort check --format json`; README.md documents
// every field. Arrays are never nil, so they encode as [] rather than null.
type (
	// Document is the whole report.
	Document struct {
		Version  int              `json:"version"`
		Dialect  string           `json:"dialect"`
		InSync   bool             `json:"in_sync"`
		Revision DocumentRevision `json:"revision"`
		Ops      []DocumentOp     `json:"ops"`
		Objects  []string         `json:"objects"`
		// NotCompared names the objects retort does not model; they are
		// not drift and leave in_sync true.
		NotCompared []ObjectDoc `json:"not_compared"`
	}
	// DocumentRevision is where the database is in the revision graph.
	DocumentRevision struct {
		Current          []string          `json:"current"`
		Heads            []string          `json:"heads"`
		Pending          int               `json:"pending"`
		PendingRevisions []DocumentPending `json:"pending_revisions"`
	}
	// DocumentPending is a revision not yet applied.
	DocumentPending struct {
		ID       string            `json:"id"`
		Message  string            `json:"message"`
		Reviewed []string          `json:"reviewed"`
		Findings []DocumentFinding `json:"findings"`
	}
	// DocumentOp is one op of the drift.
	DocumentOp struct {
		Op          string            `json:"op"`
		Schema      string            `json:"schema"`
		Table       string            `json:"table"`
		Object      string            `json:"object"`
		Description string            `json:"description"`
		Findings    []DocumentFinding `json:"findings"`
	}
	// DocumentFinding is one safety finding.
	DocumentFinding struct {
		Kind     string `json:"kind"`
		Severity string `json:"severity"`
		Object   string `json:"object"`
		Message  string `json:"message"`
		Rows     *int64 `json:"rows"`
	}
)

// Document returns the report as the JSON document.
func (r Report) Document() Document {
	doc := Document{
		Version: DocumentVersion, Dialect: r.Dialect, InSync: r.InSync(),
		Revision: DocumentRevision{Current: nonNil(r.Current), Heads: nonNil(r.Heads), Pending: len(r.Pending), PendingRevisions: []DocumentPending{}},
		Ops:      []DocumentOp{}, Objects: []string{}, NotCompared: ObjectDocs(r.NotCompared),
	}
	for _, p := range r.Pending {
		doc.Revision.PendingRevisions = append(doc.Revision.PendingRevisions, DocumentPending{
			ID: p.Revision.ID, Message: p.Revision.Message, Reviewed: nonNil(p.Revision.Reviewed),
			Findings: findingsDocument(p.Findings),
		})
	}
	seen := map[string]bool{}
	for i, op := range r.Ops {
		schema, table, object := OpTarget(op)
		doc.Ops = append(doc.Ops, DocumentOp{
			Op: OpName(op), Schema: schema, Table: table, Object: object,
			Description: ops.Describe(op), Findings: findingsDocument(safety.Of(r.Findings, i)),
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

func findingsDocument(fs []safety.Finding) []DocumentFinding {
	out := []DocumentFinding{}
	for _, f := range fs {
		j := DocumentFinding{Kind: f.Kind.String(), Severity: f.Severity.String(), Object: f.Object, Message: f.Message}
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

// OpName is the op's type in snake case: "add_column", "create_index".
func OpName(op ops.Op) string {
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

// OpTarget returns the schema and table an op works on and the object it
// names, qualified by its table: "users", "users.bio",
// "users.ix_users_email"; enums are "enum mood". An Execute names none.
func OpTarget(op ops.Op) (schema, table, object string) {
	schema, table, object, _ = target(op)
	return schema, table, object
}

// target is OpTarget, and false for an op type it does not know.
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
	case ops.SetObjectComment:
		return dot(o.Schema, o.Table, o.Name)
	case ops.AddExclude:
		return dot(o.Schema, o.Table, o.Exclude.Name)
	case ops.CreateExtension:
		return o.Extension.Schema, "", "extension " + o.Extension.Name, true
	case ops.DropExtension:
		return o.Extension.Schema, "", "extension " + o.Extension.Name, true
	case ops.DropExclude:
		return dot(o.Schema, o.Table, o.Exclude.Name)
	case ops.ValidateConstraint:
		return dot(o.Schema, o.Table, o.Name())
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
	case ops.SetEnumComment:
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
