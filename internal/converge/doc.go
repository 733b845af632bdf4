// Package converge is retort's convergence suite: data-driven cases that
// prove, on the real servers, that `retort diff --sql` turns one hand-written
// schema into another, judged by dumps retort did not write.
//
// It must not import retort's introspect or dialect packages directly: the dumps
// here are the independent oracle, and retort is driven only through its
// command line, in-process ([cli.Run]). Its non-test files (cases, clients,
// dumps, [Check], the known-failure list, [CreateDatabase] and [ServerURL]
// for a program that cannot use internal/testdb) are reused by
// bench/corpora, the runner of public corpora.
//
// # Cases
//
// A case is testdata/<dialect>/<name>.txtar (dialect: postgres, mysql,
// sqlite) with these sections:
//
//	-- note --          what grammar clause or issue attribute it covers, and the doc it comes from
//	-- from --          a script for the server's own client
//	-- to --            another one
//	-- not compared --  optional: kinds of object (view, trigger, function, ...) both scripts
//	                    hold and retort does not model, one a line
//
// A case named equal_* states that its two scripts make one schema written
// two ways: its dumps must be equal. Every other case's dumps must differ,
// so a case that tests nothing, or a dump blind to what a case changes,
// fails as a broken case rather than passing. Adding a case is adding a
// file. A SQL comment in a script must not look like a section line
// ("-- word --").
//
// # What a direction checks ([Check])
//
// Each case runs in two directions, from→to and to→from, each on two fresh
// databases made by internal/testdb (A and B):
//
//  1. Load the scripts into A and B with the server's own client, never a
//     Go driver, so a script has that client's semantics: psql -X -q -v
//     ON_ERROR_STOP=1 (meta-commands, dollar quoting); mariadb --batch with
//     the database selected (DELIMITER, several statements); sqlite3 -bail.
//     A script that does not load is a broken case and always fails.
//  2. Dump A and B ([Dump]) and run `retort diff --from A --to B --sql`.
//  3. If the dumps are equal (an equal_* case), retort must exit 0 and
//     print on stdout nothing but blank lines and "-- " comments
//     ([StdoutNotSQL] otherwise; exit 1 is [FalseDifference]).
//  4. If they differ, retort must exit 1 (exit 0 is [FalseEqual]: drift
//     check would never see). Its stdout is applied to A with the same
//     client; stdout must therefore be SQL only, and human text there fails
//     as [ApplyFailed], as would any SQL the server rejects.
//  5. A is dumped again and must equal B's dump ([NotConverged], with a
//     unified diff), and a second `retort diff --from A --to B` must exit 0
//     ([NotIdempotent]).
//  6. Each kind listed under "not compared" must appear, singular or
//     plural, in a line of diff's stderr or stdout that contains "not
//     compared" (e.g. "not compared: 2 views, 1 trigger";
//     [NotComparedUnnamed]). Because both scripts hold the object, step 5
//     also proves the applied SQL kept it. In an equal_* case this check
//     follows step 3.
//
// # The dumps, and what they do not see
//
// PostgreSQL: pg_dump --schema-only --no-owner --no-privileges of the whole
// database, keeping every statement and dropping only "--" comment lines,
// the SET and set_config lines of the preamble, the \restrict/\unrestrict
// lines (a random key per run), and blank lines. It sees every object
// pg_dump writes: tables, columns in their physical order, defaults,
// identity and owned sequences with their options, constraints with
// DEFERRABLE/MATCH/NO INHERIT, indexes with method, opclass, collation,
// ordering, WITH and WHERE, comments, types, domains, functions, triggers,
// views, extensions. It does not see ownership and grants (left out on
// purpose), sequences' current values, statistics, or objects outside the
// database (roles, tablespaces).
//
// Column order: PostgreSQL cannot put a column anywhere but last without
// rebuilding the table, and the dump prints columns in physical order. The
// dump compares that order as it is; cases are written so that the two
// scripts differ only in trailing columns, and a case that needs a
// reordering is out of scope. A retort that drops and re-adds a column
// (moving it last) fails as NotConverged, as it should.
//
// MariaDB/MySQL: the mariadb client runs SHOW CREATE TABLE for every base
// table, SHOW CREATE SEQUENCE and SHOW CREATE VIEW for sequences and views
// (information_schema.TABLES, ordered by binary name), then
// information_schema rows for what no SHOW CREATE TABLE shows: TRIGGERS,
// ROUTINES with their PARAMETERS, and EVENTS. The AUTO_INCREMENT=N table
// option is removed (a counter, not schema), and the database's own name in
// backquotes becomes `<db>` (views and routines qualify names with it).
// SHOW CREATE TABLE prints columns in order with type, charset/collation
// when they differ from the table's, NULL, DEFAULT, ON UPDATE, generated
// expressions and kind, INVISIBLE, COMMENT; every index with kind, parts,
// prefix lengths, DESC, USING, COMMENT, IGNORED; CHECK and FOREIGN KEY
// constraints with names and actions; and ENGINE, charset, collation,
// ROW_FORMAT, KEY_BLOCK_SIZE, COMMENT and the other table options. It does
// not see grants, index statistics, or the DEFINER and sql_mode of
// triggers and routines.
//
// SQLite: the sqlite3 client queries the pragma table-valued functions:
// pragma_table_list (kind, column count, WITHOUT ROWID, STRICT),
// pragma_table_xinfo (every column: name, declared type verbatim, NOT NULL,
// default text, primary-key position, hidden/generated),
// pragma_index_list with pragma_index_xinfo (every index: unique, origin,
// partial, each key and auxiliary column with sort order and collation),
// and pragma_foreign_key_list (columns, target, ON UPDATE/DELETE, MATCH).
// An automatic index (sqlite_autoindex_T_N) is named by its columns, and
// foreign keys are sorted, since N and the pragma's id only count
// constraints in the order the text lists them. What no pragma shows is
// read from the CREATE text in sqlite_schema, token-normalised (keywords
// and identifiers lower-cased, quotes, spacing and comments dropped) and
// only for those attributes: AUTOINCREMENT; a column's COLLATE; a generated
// column's expression and STORED/VIRTUAL; every CHECK with its name
// (column- and table-level CHECKs are one list, as SQLite treats them
// alike); constraint names and ON CONFLICT clauses of PRIMARY KEY, UNIQUE
// and NOT NULL; DESC on a column PRIMARY KEY; a foreign key's name and
// DEFERRABLE clause; the key list and WHERE of expression and partial
// indexes. Views and triggers are dumped as their token-normalised CREATE
// text. It does not see sqlite_sequence's counters, sqlite_stat tables,
// the order in which constraints are written, or the spelling of the CREATE
// text beyond those attributes.
//
// # The ratchet
//
// testdata/<dialect>/known_failures.txt lists the cases retort does not
// pass yet ("CASE  reason: STAGE: category"; [ReadKnownFailures]). A listed
// case's failure is logged, not reported; an unlisted failure fails the
// test, and so does a listed case that now passes in both directions, so the
// list only shrinks. -converge.update-known rewrites the lists from a run,
// keeping reasons already written.
//
// # Speed
//
// Every case is a parallel subtest whose two directions run at once: the
// time goes to the servers and their clients, not to this process.
package converge
