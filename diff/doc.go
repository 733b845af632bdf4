// Package diff is retort's comparer: given the schema a database holds and
// the schema the models describe, it returns the ops that turn one into the
// other.
//
// # What it owns
//
// [Compare] takes the reflected (current) schema, the target schema and a
// [dialect.Dialect], and returns the upgrade ops. It first replaces the
// target by the dialect's [dialect.Dialect.Canonical] form, so both sides
// look as a catalog would show them, and compares types through
// NormalizeType, defaults through NormalizeDefault and expressions (checks,
// partial-index predicates, generated columns, index expressions) through
// NormalizeExpr. [Options] shapes the comparison; its zero value compares
// everything.
//
// Three orders are not compared, and callers name them as not compared:
// [ColumnOrderUnplaced] gives the tables whose column order the ops would
// leave different where a dialect cannot place a column (PostgreSQL),
// [IndexOrderUnkept] those whose key order the server would list
// differently after the ops where it orders keys itself (MariaDB;
// [dialect.KeyOrderer]), and [CheckOrderUnkept] those whose table-level
// checks it would list in another order where it appends an added check
// (MariaDB; [dialect.DeclarationOrder]); the last two only between two
// catalogs that read that order ([model.Schema.ServerOrder]).
//
// # Types the Go type implies
//
// A target column whose type comes from its Go type rather than from SQL
// the user wrote ([model.Type.IsImplied]: no type= in the tag) is compared
// by meaning when the spellings differ: a dialect that implements
// [ImpliedTypes] says whether the reflected type holds that Go type exactly
// as the chosen one does (SQLite's INTEGER for a BIGINT, by affinity). Such
// a column is no drift, and an alter made for another aspect keeps its
// reflected type. SQL the user wrote (type=, type:) is compared exactly.
//
// # Index methods kept only as written
//
// A dialect that implements [WrittenMethods] reflects some index methods
// only where the DDL wrote them (MariaDB's USING BTREE and USING HASH:
// SHOW CREATE TABLE prints the clause only when it was written, whatever
// the engine builds). There the method is compared as written: an index
// written USING HASH and one written without USING differ. A target index
// whose method the models do not know to be written
// ([model.Index.MethodWrittenUnknown]: GORM's type:, which GORM's CREATE
// TABLE leaves out and its CREATE INDEX writes) matches a database index
// with no method written, and [MethodWrittenUnknown] names such indexes
// so callers report them as not compared; one written with a different
// method is still a difference. No op carries the hint.
//
// # Options
//
// [Options] holds what Alembic's env.py configures for autogenerate:
// IgnoreTypes and IgnoreServerDefaults turn a comparison off;
// CompareType and CompareServerDefault are hooks that decide a column
// pair's type or default comparison or leave it to the default
// (Alembic's compare_type and compare_server_default callables);
// IncludeName and IncludeObject leave objects out on both sides, so they
// are neither created nor dropped (include_name, include_object; the
// kinds are the [ObjectKind] values); IncludeSchemas limits the named
// schemas compared (include_schemas); and Comparators are plug-ins that
// compare what retort does not know and return their own ops.
// [Options.IncludesTable] lets the caller apply IncludeName before
// reflection, so refused tables are never read.
//
// # Rename hints
//
// A target table or column whose RenamedFrom ([model.Table.RenamedFrom],
// [model.Column.RenamedFrom], the renamed_from= tag option) names an
// object the current schema has, where the current schema lacks the new
// name and the target does not also want the old one, is renamed
// ([ops.RenameTable], [ops.RenameColumn]) instead of dropped and created,
// so its data is kept. The comparison then goes on against the current
// schema as it is after the renames: foreign keys that reference a renamed
// table or column, keys, indexes and constraints that name a renamed
// column, and expressions that mention it (checks, partial-index
// predicates, index expressions, generated columns) follow the rename, as
// the database's own RENAME does. Names generated from a table or column
// name (ix_<table>_<col>, ck_<table>_<col>) are not renamed: such an
// index is dropped and created under its new name. Once the rename is
// applied the hint is ignored. A column rename is followed only when
// IncludeName admits both names.
//
// Objects are matched as follows: tables by schema and name; columns and
// indexes by name; primary keys by their column list (names are ignored);
// unique constraints by column list (names are ignored, SQLite reflects
// none); foreign keys by columns, referenced schema, table and columns
// (actions and deferrability that differ give a drop and an add); checks by
// name when both sides have one, else by normalised expression; enums by
// schema and name. An index whose meaning changed under the same name is
// dropped and created again.
//
// Every op carries what its reverse needs: a DropTable carries the reflected
// table, a DropColumn the reflected column, an AlterColumn the reflected
// column as From and the canonical target column as To (with ignored
// aspects copied from From, so an AlterColumn never changes what the options
// said to ignore). The downgrade is therefore [ops.ReverseList] of the
// upgrade, and that reversed list is a valid order too.
//
// # Op order
//
// Ops come out in one documented order; ties are broken by schema-qualified
// table name, then by object name (then by column list for unnamed objects).
// No map is ranged over on the output path, so the same input gives the same
// list.
//
//  1. Enums: RenameEnum of each enum whose values were removed or
//     reordered to <name>__retort_old (PostgreSQL cannot change them in
//     place; the later steps then create the new type, convert its columns
//     with AlterColumn and drop the old type), CreateEnum for new enum
//     types, then AddEnumValue for values added to existing ones, each by
//     enum name.
//  2. Renames from hints: RenameTable by new table name, then RenameColumn
//     by table, in target column order.
//  3. New tables, in foreign-key dependency order (a table after the tables
//     it references; name order among independent ones): CreateTable with
//     its columns, primary key, unique constraints, checks and foreign keys,
//     then CreateIndex for each of its indexes (by name; on a dialect
//     whose catalog keeps declaration order, [dialect.DeclarationOrder],
//     checks and indexes in the target's order), then SetTableOptions for
//     the table options that name one of those indexes
//     ([dialect.IndexOptioner]: PostgreSQL's REPLICA IDENTITY USING
//     INDEX), left out of CreateTable. Foreign keys
//     inside a reference cycle among new tables are left out of
//     CreateTable and added with AddForeignKey after all new tables exist.
//  4. DropForeignKey, for every existing table (by name): foreign keys that
//     are removed or changed, foreign keys whose referenced key is about to
//     change or whose columns or referenced columns are about to change type
//     (MySQL refuses that under a foreign key), and foreign keys of removed
//     tables that point at such a key or sit in a reference cycle among
//     removed tables. Dropping them all first
//     means no later step trips over a constraint that still depends on a
//     column or key.
//  5. For each existing table, by name: SetTableOptions letting go of an
//     option that names an index, unique constraint or primary key about
//     to be dropped ([dialect.IndexOptioner]), DropIndex, DropUnique, DropCheck,
//     DropPrimaryKey, AddColumn (in target column order), AlterColumn
//     (target column order), DropColumn (reverse table order, so the
//     downgrade adds them back in their original order), AddPrimaryKey,
//     AddUnique, CreateIndex, AddCheck, SetTableComment, SetTableOptions
//     (CreateIndex and AddCheck in the target's order on a dialect that
//     keeps declaration order).
//  6. AddForeignKey for existing tables (new, changed, or re-added after
//     step 5), and for new tables whose referenced key on an existing table
//     only appears (or changes type) in step 5, or gains in step 5 an index
//     leading with the referenced columns (MySQL wants one); by table
//     name. Every
//     table and column exists by then.
//  7. Removed tables in reverse dependency order (referencing tables first):
//     SetTableOptions letting go of an option that names one of its
//     indexes ([dialect.IndexOptioner]; DropTable leaves it out, so that
//     its reverse creates the table without it), DropIndex for each of
//     the table's indexes, then DropTable. A removed
//     table's foreign keys to other removed tables need no separate drop.
//  8. DropEnum for enum types no target column uses.
//  9. The ops of the [Options.Comparators], each plug-in's in its order.
//
// Read backwards, the same list is a valid downgrade: enums are created
// first, removed tables come back before anything refers to them, foreign
// keys are dropped before the columns and keys they use go away, and
// foreign keys are added back last.
//
// # What it must not import
//
// diff is pure: no I/O, no context, no database. It imports only
// [github.com/retortdb/retort/model], [github.com/retortdb/retort/ops],
// [github.com/retortdb/retort/dialect] and the standard library.
package diff
