package dialect

import (
	"context"
	"errors"
	"fmt"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Dialect is one SQL dialect.
type Dialect interface {
	// Name is the dialect's name: [SQLite], [Postgres] or [MySQL].
	Name() Name
	// QuoteIdent quotes an identifier when it needs quoting.
	QuoteIdent(name string) string
	// TypeSQL returns the SQL for a model type: SQL as written when set,
	// else the dialect's type for the logical kind (or enum).
	TypeSQL(t model.Type) string
	// NormalizeType returns the canonical form of SQL type text, so that two
	// spellings of one type compare equal ("INTEGER" and "int" on SQLite,
	// "character varying(20)" and "varchar(20)" on PostgreSQL).
	NormalizeType(sql string) string
	// NormalizeDefault returns the canonical form of a column's default
	// expression ("" for none), so that two spellings of one default compare
	// equal ("'x'::character varying" and "'x'"; "now()" and
	// "CURRENT_TIMESTAMP"). col.Type.SQL is already resolved.
	NormalizeDefault(col model.Column) string
	// NormalizeExpr returns the canonical form of an SQL expression as the
	// catalog would give it back (check constraints, partial-index WHERE,
	// generated columns, index expressions): PostgreSQL's added parentheses
	// and casts, MySQL's backticks, spacing and keyword case removed.
	NormalizeExpr(expr string) string
	// Canonical returns target as this dialect would reflect it right after
	// creating it: types resolved to SQL with TypeSQL, objects the dialect
	// adds by itself filled in (MySQL's index for a foreign key), objects it
	// cannot hold folded into what it holds (MySQL unique constraints are
	// unique indexes). diff compares Canonical(target) with the reflected
	// schema.
	Canonical(target model.Schema) model.Schema
	// TransactionalDDL reports whether DDL can be rolled back.
	TransactionalDDL() bool
	// Statements returns the SQL that applies op, in order. tables gives the
	// live definition of tables, for dialects that must rebuild a table to
	// alter it; it may be [NoTables] when running offline.
	Statements(ctx context.Context, op ops.Op, tables TableSource) ([]Statement, error)
}

// Statement is one SQL statement to run.
type Statement struct {
	SQL string
	// NoTransaction says the statement cannot run inside a transaction block
	// (PostgreSQL CREATE INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE before 12).
	NoTransaction bool
	// AlterTable, when set, says the statement is one ALTER TABLE of this
	// table (written as it follows ALTER TABLE: quoted, qualified when it
	// has a schema), so that it may be merged with its neighbours (see
	// [AlterCombiner] and [CombineAlters]). SQL is then
	// "ALTER TABLE " + AlterTable + " " + Clause, or a statement doing
	// exactly the same (CREATE INDEX ix ON t (...) for ADD INDEX ix (...)).
	// Only dialects that implement [AlterCombiner] set it.
	AlterTable string
	// Clause is the statement's alter specification when AlterTable is
	// set: one clause, or several separated by ", " that must stay
	// together ("ADD COLUMN id ..., ADD PRIMARY KEY (id)").
	Clause string
}

// TableSource gives the live definition of a table.
type TableSource interface {
	// Table returns the table as it is now; ok is false when it does not exist.
	Table(ctx context.Context, schema, name string) (t model.Table, ok bool, err error)
}

// ErrOffline is returned by [NoTables]: the statement needs a live table
// definition that offline SQL generation cannot read.
var ErrOffline = errors.New("dialect: this operation needs the live table definition, which offline SQL cannot read")

// NoTables is a [TableSource] for offline SQL: it has no tables.
type NoTables struct{}

// Table returns [ErrOffline].
func (NoTables) Table(context.Context, string, string) (model.Table, bool, error) {
	return model.Table{}, false, ErrOffline
}

// TableSourceFunc adapts a function to [TableSource].
type TableSourceFunc func(ctx context.Context, schema, name string) (model.Table, bool, error)

// Table calls f.
func (f TableSourceFunc) Table(ctx context.Context, schema, name string) (model.Table, bool, error) {
	return f(ctx, schema, name)
}

// ConnSetup is implemented by dialects that must prepare the connection
// around each migration transaction. SQLite does: PRAGMA foreign_keys cannot
// change inside a transaction, and a table rebuild must not cascade deletes.
type ConnSetup interface {
	// BeforeTx returns statements to run on the connection before BEGIN.
	BeforeTx() []string
	// Verify returns queries to run inside the transaction before COMMIT;
	// any row one of them returns is a violation that rolls the migration back.
	Verify() []string
	// AfterTx returns statements to run on the connection after COMMIT or
	// ROLLBACK, restoring what BeforeTx changed.
	AfterTx() []string
}

// IdentQuoter is implemented by dialects that quote any identifier on
// demand, whether or not it needs quoting (QuoteIdent quotes only when it
// must). Code that decides by its own rule when to quote, such as the
// rewriter's backfill UPDATE, uses it.
type IdentQuoter interface {
	// QuoteIdentAlways returns name in the dialect's identifier quotes.
	QuoteIdentAlways(name string) string
}

// ConcurrentIndexer is implemented by dialects that can build and drop an
// index without blocking writes to its table (PostgreSQL's CONCURRENTLY),
// which [ops.CreateIndex].Concurrently and [ops.DropIndex].Concurrently
// ask for. Other dialects ignore those fields.
type ConcurrentIndexer interface {
	// ConcurrentIndexes reports whether indexes can be built and dropped
	// concurrently.
	ConcurrentIndexes() bool
}

// CustomStatements is implemented by a user-defined op (the CustomOp inside
// an [ops.Custom]) that can run: it returns its SQL for the dialect d.
type CustomStatements interface {
	Statements(d Dialect) ([]Statement, error)
}

// ErrCustomOp is wrapped by [Custom] when a custom op cannot run.
var ErrCustomOp = errors.New("dialect: custom op cannot run")

// Custom returns the statements of a custom op; every dialect's Statements
// calls it for [ops.Custom].
func Custom(d Dialect, op ops.Custom) ([]Statement, error) {
	if op.Op == nil {
		return nil, fmt.Errorf("%w: empty ops.Custom", ErrCustomOp)
	}
	s, ok := op.Op.(CustomStatements)
	if !ok {
		return nil, fmt.Errorf("%w: %s (%T) has no Statements(dialect.Dialect) method", ErrCustomOp, op.Op.Name(), op.Op)
	}
	return s.Statements(d)
}
