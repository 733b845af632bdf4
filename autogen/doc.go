// Package autogen is retort's autogenerate pipeline as a library: load the
// models, reflect the database, compare, rewrite, analyse, and build the
// revision files, the `retort check` report and the check of the
// migration history on a scratch database. The retort command line is a
// thin layer over it (flags, printing, writing files, exit codes), and the
// benchmarks under bench/ call it, so they measure what the command runs.
//
// # The pipeline
//
// [Compare] reads env.go's models ([Load]; checked against the database's
// dialect with [dialect.ValidateSchema], so that a value its DDL grammar
// refuses or a feature its server cannot run is an error naming the struct
// field and the fix) while it reflects the database
// ([Reflect]: tables env.go's IncludeName refuses are never read, the
// runner's version tables are left out, other schemas the options include
// or the models name are read too), then compares them ([Diff]: env.go's
// comparer options, Comparators and DBComparators). [Revision] starts from
// that comparison, reverses it for the downgrade, runs env.go's Rewriter
// and ScriptHooks, analyses each op list with package safety and renders
// each revision file; it returns the files ([File]: name and bytes) and
// writes nothing. [Check] returns the [Report] both outputs of `retort
// check` print: the drift with its findings and the pending revisions;
// [Report.Document] is its JSON form; drift a pending revision makes is
// reported once, as pending ([Report.Covered]). [NewSchemaDocument] is the
// JSON form of a reflected schema (`retort inspect --format json`), in the
// same conventions. [CheckMigrations] applies, undoes and re-applies every
// revision on an empty scratch database. A [RevisionSpec] with Baseline
// builds the first revision of a database that predates retort: the ops
// that create its live schema, compared from an empty one ([ErrVersioned]
// and [ErrHasRevisions] name what it refuses). [Unlisted] names the tagged
// structs env.go lists neither in Models nor in Exclude. The ops autogen
// compares out are tidied by the dialect's [dialect.ScriptTidier] when it
// has one.
//
// # env.go's settings
//
// The comparer options, filters and rewriters stay on migrate.Env, where
// env.go sets them, but typed through types migrate owns so that the
// runtime an application links carries none of autogenerate: Compare is a
// migrate.CompareOptions holding a diff.Options (a *diff.Options and nil
// work too; another type is an [ErrCompareOptions] error), Rewriter a
// migrate.Rewriter (a *rewriter.Rewriter runs as [rewriter.Process] runs
// it, another implementation through its Hook), ScriptHooks and
// DBComparators use types of ops and dialect that rewriter and diff alias.
// [Process] runs the Rewriter and the hooks.
//
// The GORM and bun settings that change the schema those ORMs create
// (the GORM driver or bun dialect whose type mapping gives the column
// types, the naming strategy's table prefix and singular tables, MySQL's
// default string size and datetime precision, disabled foreign keys,
// bun's varchar length) are env.go's ORM field: a model.ORMSettings,
// plain data in package model, so that neither migrate nor model imports
// load or an ORM. [Load] hands them to load.ApplySettings, which maps the
// driver and dialect import paths to load's options; an import path it
// does not know is an error naming the field (load.ErrUnknownDriver).
//
// A [Database] is the connection with its dialect and catalog reader;
// [Open] builds one from a *sql.DB and a dialect name. Where autogen runs
// the runtime (the version table it reads, the revisions CheckMigrations
// applies), it runs on env.Backend, or on the Database's dialect when
// env.go sets no Backend.
//
// # Rules
//
// Functions that do I/O take a context first; none prints: progress goes
// to [Options].Logger, and problems that do not stop a run (a failed
// --data-aware row count) come back as warnings in the result. The
// package never imports a database driver.
//
// # What it may import
//
// Every pipeline package: model, ops, diff, rewriter, render, safety,
// dialect, introspect, migrate, and internal/backend (a dialect name to
// its implementations). Nothing imports it but the command line, the
// benchmarks and tests.
package autogen
