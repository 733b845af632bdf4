// Package postgres reads a PostgreSQL catalog into a [model.Schema].
//
// # How it reads
//
// [Inspector.Inspect] runs a fixed number of queries however many tables
// there are: one for the tables (filtered by [introspect.Options.IncludeTable]
// before anything else is read), then one per object kind over all admitted
// tables at once (columns, constraints, indexes) and one for the enum types.
// It reads pg_catalog, never information_schema, and every query ends in
// ORDER BY.
//
// # What it reflects
//
// Tables (ordinary and partitioned, not partitions) with comments; columns
// in attnum order with format_type spelling, NOT NULL, defaults, identity,
// serial, generated STORED columns, comments and non-default collations;
// primary keys; unique constraints (their backing indexes are not reported
// again as indexes); other indexes with method, uniqueness, sort order,
// expression parts, INCLUDE columns and partial predicates; foreign keys
// with actions and deferrability; check constraints; the schema's enum types.
//
// Reflection follows the postgres dialect's Canonical form: an identity BY
// DEFAULT column and a serial column both come back as AutoIncrement=true
// with no Identity and no Default; an identity ALWAYS column as
// Identity=IdentityAlways. Tables of the inspected schema have Table.Schema
// "", and so do foreign keys into it (RefSchema ""); enum types of another
// schema are named schema-qualified.
//
// # What it must not import
//
// model, introspect and the standard library only; never a database driver.
package postgres
