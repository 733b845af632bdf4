package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// defaultEnv names the runner's tables when no migrations package is at hand.
var defaultEnv = &migrate.Env{}

func runInspect(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("inspect")
	url := fs.String("url", "", "the database `URL` (or the first argument; default: $RETORT_DATABASE_URL)")
	format := fs.String("format", "sql", "output `FORMAT`: sql (CREATE statements), json (a versioned snake_case document) or go (tagged model structs)")
	pkg := fs.String("package", "models", "with --format go, the Go `PACKAGE` name of the models")
	schema := fs.String("schema", "", "PostgreSQL `SCHEMA` (MySQL database) to read")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("one URL at most")
	}
	if len(pos) == 1 {
		*url = pos[0]
	}
	u, err := a.databaseURL(*url)
	if err != nil {
		return usagef("%v", err)
	}
	if *format != "sql" && *format != "json" && *format != "go" {
		return usagef("--format must be sql, json or go, not %q", *format)
	}
	d, err := openDatabase(ctx, u, mustExist)
	if err != nil {
		return err
	}
	defer d.Close()
	s, err := d.inspect(ctx, *schema, defaultEnv.RunnerTables())
	if err != nil {
		return err
	}
	objs, err := d.unmodeled(ctx, *schema, defaultEnv.RunnerTables())
	if err != nil {
		return err
	}
	// Named on stderr in every format: stdout stays SQL, JSON or Go.
	if line := introspect.NotCompared("(left out of this output)", objs); line != "" {
		fmt.Fprintln(a.stderr, line)
	}
	if *format == "go" {
		res, err := generateModels(a.stderr, s, *pkg, u, "retort inspect --format go")
		if err != nil {
			return usagef("--package: %v", err)
		}
		_, err = a.stdout.Write(res.Source)
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		doc := autogen.NewSchemaDocument(string(d.be.Dialect.Name()), s)
		doc.NotCompared = autogen.ObjectDocs(objs)
		return enc.Encode(doc)
	}
	list, err := diff.Compare(model.Schema{}, s, d.be.Dialect, diff.Options{})
	if err != nil {
		return err
	}
	return writeSQL(ctx, a.stdout, d.be.Dialect, list, schemaTables(s))
}

// writeSQL prints the statements of list, each ending in ";", grouped as
// the runner applies them (MySQL merges consecutive ALTERs of a table).
func writeSQL(ctx context.Context, w io.Writer, d dialect.Dialect, list []ops.Op, tables dialect.TableSource) error {
	for i := 0; i < len(list); {
		n, stmts, err := dialect.PlanGroup(ctx, d, list, i, tables)
		if err != nil {
			return fmt.Errorf("%s: %w", ops.Describe(list[i]), err)
		}
		for _, st := range stmts {
			sql := strings.TrimRight(strings.TrimSpace(st.SQL), ";")
			if st.NoTransaction {
				fmt.Fprintln(w, "-- runs outside a transaction")
			}
			fmt.Fprintf(w, "%s;\n\n", sql)
		}
		if r, ok := tables.(replayer); ok {
			r.apply(list[i : i+n])
		}
		i += n
	}
	return nil
}

// schemaTables serves table definitions from a reflected schema, for SQL
// printed without running it (SQLite rebuilds need the table's columns;
// MySQL's primary key and AUTO_INCREMENT clauses read the live key).
// writeSQL replays each group's ops on it, so that every op is planned
// from the tables as the ops before it left them, as the runner does.
func schemaTables(s model.Schema) dialect.TableSource {
	return &schemaSource{s: s}
}

// replayer is a [dialect.TableSource] that replays the ops planned so far.
type replayer interface{ apply(list []ops.Op) }

// schemaCatalogTables is schemaTables that also answers catalog queries
// ([dialect.CatalogQuerier]) on db, the database the schema was read
// from, for what the model does not hold and a plan needs (SQLite's
// triggers, which a table rebuild creates again from their text).
func schemaCatalogTables(s model.Schema, db dialect.Querier) dialect.TableSource {
	return schemaCatalogSource{schemaSource: &schemaSource{s: s}, q: db}
}

// schemaCatalogSource is the [dialect.TableSource] of schemaCatalogTables.
type schemaCatalogSource struct {
	*schemaSource
	q dialect.Querier
}

// CatalogStrings runs query on the database the schema was read from.
func (c schemaCatalogSource) CatalogStrings(ctx context.Context, query string, args ...any) ([]string, error) {
	return dialect.WithCatalog(c.schemaSource, func() dialect.Querier { return c.q }).(dialect.CatalogQuerier).CatalogStrings(ctx, query, args...)
}

// schemaSource is the [dialect.TableSource] of schemaTables.
type schemaSource struct {
	s model.Schema
	// stale is set once an op could not be replayed: the tables are then
	// served as they were before it.
	stale bool
}

// Table returns the table as the ops replayed so far left it.
func (r *schemaSource) Table(_ context.Context, schema, name string) (model.Table, bool, error) {
	t, ok := r.s.Table(schema, name)
	return t, ok, nil
}

// apply replays ops on the schema; the first that cannot be replayed
// stops the replay.
func (r *schemaSource) apply(list []ops.Op) {
	for _, op := range list {
		if r.stale {
			return
		}
		if err := ops.Apply(&r.s, op); err != nil {
			r.stale = true
		}
	}
}
