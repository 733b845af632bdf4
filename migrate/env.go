package migrate

import (
	"github.com/retortdb/retort/diff"
)

// DefaultVersionTable is the version table's name when Env names none.
const DefaultVersionTable = "retort_version"

// Env is a migrations package's configuration, declared in its env.go
// (Alembic's env.py). Revisions register themselves into it from init().
type Env struct {
	// Dialect is "sqlite", "postgres" or "mysql".
	Dialect string
	// Models are zero values of the tagged structs that make up the target
	// schema, e.g. models.User{}.
	Models []any
	// VersionTable names the version table; empty means "retort_version".
	VersionTable string
	// Schema is the PostgreSQL schema to work in; empty means the
	// connection's current schema.
	Schema string
	// Compare shapes autogenerate's comparison.
	Compare diff.Options

	revisions []Revision
}

// Revision is one migration.
type Revision struct {
	// ID is the revision id, e.g. "5c1e9a3f7b20".
	ID string
	// Revises is the parent revision's id; empty for the first revision.
	Revises string
	// Merges lists every parent of a merge revision; set it instead of Revises.
	Merges []string
	// DependsOn names revisions on other branches that must be applied first.
	DependsOn []string
	// BranchLabels name the branch this revision starts.
	BranchLabels []string
	// Message is the revision's one-line description.
	Message string
	// Upgrade records the ops that apply the revision.
	Upgrade func(op *Op)
	// Downgrade records the ops that undo it.
	Downgrade func(op *Op)
}

// Parents returns the revision's parent ids: Merges, else Revises, else none.
func (r Revision) Parents() []string {
	if len(r.Merges) > 0 {
		return r.Merges
	}
	if r.Revises != "" {
		return []string{r.Revises}
	}
	return nil
}

// Add registers a revision. Problems (a duplicate id, a missing parent) are
// reported when the revisions are loaded into a graph, with the revision named.
func (e *Env) Add(r Revision) {
	e.revisions = append(e.revisions, r)
}

// Revisions returns the registered revisions in registration order.
func (e *Env) Revisions() []Revision {
	return append([]Revision(nil), e.revisions...)
}

// VersionTableName returns VersionTable or the default.
func (e *Env) VersionTableName() string {
	if e.VersionTable == "" {
		return DefaultVersionTable
	}
	return e.VersionTable
}

// RunnerTables returns the tables the runner keeps in the database: the
// version table and, for dialects without transactional DDL, its progress
// table. Autogenerate and check leave them out of the comparison.
func (e *Env) RunnerTables() []string {
	vt := e.VersionTableName()
	return []string{vt, progressTableName(vt)}
}
