// Package mysql is retort's MySQL and MariaDB dialect: DDL for every op,
// identifier quoting, the SQL for model types, and the normal forms of
// types, defaults and expressions that let a reflected catalog compare equal
// with the models it was created from.
//
// # Flavours
//
// MySQL 8 and MariaDB 10.2+ share almost all DDL. Where they differ the
// [Dialect] branches on its [Flavor]:
//
//   - dropping a check constraint is ALTER TABLE t DROP CHECK c on MySQL and
//     ALTER TABLE t DROP CONSTRAINT c on MariaDB;
//   - RENAME COLUMN exists from MySQL 8.0 and MariaDB 10.5; older servers
//     get CHANGE COLUMN with the live column definition (from the
//     [dialect.TableSource]);
//   - MariaDB does not allow NOT NULL on generated columns and reports them
//     nullable, so [Dialect.Canonical] makes them nullable there.
//
// [New] returns MySQL 8 behaviour. [Dialect.ProbeServer]
// ([dialect.ServerProbe]) reads SELECT VERSION() and @@collation_database
// and returns the dialect for that server through [NewForVersion] (or set
// [Dialect.Flavor] and [Dialect.Version]), which recognises MariaDB by
// "MariaDB" in the version string.
//
// # Choices
//
//   - bool is tinyint(1); string is varchar(Size), varchar(255) without a
//     size; []byte is longblob (varbinary(Size) with a size); time.Time is
//     datetime(6); UUID is char(36); a decimal without precision is
//     decimal(10,0); JSON is json (MariaDB stores it as longtext with a
//     json_valid check, which introspect/mysql reports as json again).
//   - MySQL has no unique constraints apart from unique indexes, and no
//     named enum types: [Dialect.Canonical] folds model uniques into unique
//     indexes of the same name and named enums into inline enum('a','b')
//     column types. CreateEnum, DropEnum and AddEnumValue produce no
//     statements; inline enums change through AlterColumn.
//   - MySQL creates an index for a foreign key whose columns no index leads
//     with, named after the constraint. Canonical adds it, so it is not
//     drift, and DropForeignKey leaves it in place as MySQL does. When the
//     live table shows that a CreateIndex or DropIndex concerns exactly
//     such an index (created with its table, or needed by its key), the op
//     writes nothing: the index comes and goes with its key (see
//     [Dialect.Statements]).
//   - RESTRICT and NO ACTION are the same thing in InnoDB; both compare as
//     NO ACTION.
//   - A column's charset and collation are compared as the catalog reader
//     reports them: the charset only where it differs from the table's, the
//     collation only where it differs from what the charset implies.
//     Canonical takes the table's charset from its CHARSET/COLLATE options,
//     else from [Dialect.DatabaseCollation] (a backend sets it from
//     @@collation_database), else assumes utf8mb4 with the server's default
//     collation (utf8mb4_general_ci on MariaDB, utf8mb4_0900_ai_ci on
//     MySQL 8).
//   - Table options are named ENGINE, CHARSET and COLLATE. Canonical leaves
//     a table's options as the model gives them (the comparer only looks at
//     the options the target names).
//   - Each op is its own statement list: MySQL DDL commits implicitly, so
//     [Dialect.TransactionalDDL] is false and the runner records progress
//     per op, or per group of ops sent as one statement: many ALTER TABLEs
//     copy the whole table, so [Dialect.CanCombine] ([dialect.AlterCombiner])
//     lets consecutive ALTERs of one table merge into one ALTER TABLE with
//     several clauses, as a MySQL user writes them (adding three columns
//     and an index copies the table once, not four times). Statements that
//     may merge carry [dialect.Statement].AlterTable and Clause; CREATE
//     INDEX and DROP INDEX merge as ADD INDEX and DROP INDEX. The rules,
//     conservative, are in combine.go.
//   - MariaDB turns a unique key written USING HASH on short columns into
//     an ordinary one on every ALTER TABLE of its table:
//     [Dialect.KeepAlters] ([dialect.AlterKeeper]) drops and adds such a
//     key again in each ALTER TABLE of the group that leaves it alone
//     (hashkeep.go).
//
// # Runtime capabilities
//
// [Dialect.Lock] takes the GET_LOCK lock [LockName] of the connection's
// database ([dialect.Locker]). [Dialect.Risks] reports the ALGORITHM=COPY
// changes, the in-place rebuilds and the implicit default that fills a NOT
// NULL column added without one ([dialect.RiskAssessor],
// [dialect.ImplicitDefaults]).
//
// # What it must not import
//
// model, ops, dialect and the standard library only; never a driver.
package mysql
