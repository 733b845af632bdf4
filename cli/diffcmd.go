package cli

import (
	"context"
	"fmt"
	"slices"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/safety"
)

// runDiff compares two live databases: the ops that would turn --from into
// --to, each with its safety findings as `retort check` prints them. Exit 0
// when they agree, 1 when they differ. With --sql stdout holds SQL only, a
// script framed as `upgrade --sql` frames a revision ([writeScript]), and
// nothing when they agree. Objects retort does not model (views,
// triggers, ...), tables whose column order differs where retort cannot
// place columns, and tables whose key or check order the server would
// list differently after the migration (MariaDB), are named on stderr, on
// either outcome; they are not drift, so alone they never make the exit
// code 1.
func runDiff(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("diff")
	from := fs.String("from", "", "`URL` of the database as it is")
	to := fs.String("to", "", "`URL` of the database as it should be")
	asSQL := fs.Bool("sql", false, "print the SQL that turns --from into --to instead of the ops")
	schema := fs.String("schema", "", "PostgreSQL `SCHEMA` (MySQL database) to read on both sides")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *from == "" || *to == "" {
		return usagef("give --from URL and --to URL")
	}
	src, err := openDatabase(ctx, *from, mustExist)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openDatabase(ctx, *to, mustExist)
	if err != nil {
		return err
	}
	defer dst.Close()
	if src.be.Name != dst.be.Name {
		return fmt.Errorf("--from is %s and --to is %s: diff compares two databases of one dialect", src.be.Name, dst.be.Name)
	}
	current, err := src.inspect(ctx, *schema, defaultEnv.RunnerTables())
	if err != nil {
		return err
	}
	target, err := dst.inspect(ctx, *schema, defaultEnv.RunnerTables())
	if err != nil {
		return err
	}
	fromObjs, err := src.unmodeled(ctx, *schema, defaultEnv.RunnerTables())
	if err != nil {
		return err
	}
	toObjs, err := dst.unmodeled(ctx, *schema, defaultEnv.RunnerTables())
	if err != nil {
		return err
	}
	if *schema == "" {
		// The database's other schemas (named as objects not compared)
		// that both sides hold are compared too, qualified; a schema one
		// side lacks stays named, as retort writes no CREATE SCHEMA.
		if fromObjs, toObjs, err = compareSharedSchemas(ctx, src, dst, &current, &target, fromObjs, toObjs); err != nil {
			return err
		}
	}
	list, err := diff.Compare(current, target, src.be.Dialect, diff.Options{CompareServerDefault: diff.ReflectedDefaults(src.be.Dialect)})
	if err != nil {
		return err
	}
	unmodeled := a.reportNotCompared(fromObjs, toObjs)
	// Column order where retort cannot place columns, key and check order
	// where the server orders them itself: named, not drift.
	order := autogen.Order(src.be.Dialect, current, target, list)
	if line := introspect.NotCompared("", order); line != "" {
		fmt.Fprintln(a.stderr, line)
		unmodeled = true
	}
	if len(list) == 0 {
		// Under --sql stdout is SQL only: the sentence goes to stderr.
		w := a.stdout
		if *asSQL {
			w = a.stderr
		}
		if unmodeled {
			fmt.Fprintf(w, "%s and %s have the same schema in what retort compares; the objects named above were not compared.\n", dburl.Redact(*from), dburl.Redact(*to))
		} else {
			fmt.Fprintf(w, "%s and %s have the same schema.\n", dburl.Redact(*from), dburl.Redact(*to))
		}
		return nil
	}
	if *asSQL {
		if err := writeScript(ctx, a.stdout, src.be.Dialect, list, schemaCatalogTables(current, src.db)); err != nil {
			return err
		}
	} else {
		printOps(a.stdout, "", list, safety.Analyze(list, src.be.Dialect, safety.Options{Current: &current}))
	}
	return errDrift
}

// compareSharedSchemas adds to current and target the tables of every
// schema other than the one read that both databases hold (their
// unmodeled lists name them as introspect.Schema objects), qualified with
// the schema, and replaces those schemas in the lists by the objects of
// theirs retort does not model.
func compareSharedSchemas(ctx context.Context, src, dst *database, current, target *model.Schema, fromObjs, toObjs []introspect.Object) ([]introspect.Object, []introspect.Object, error) {
	schemasOf := func(objs []introspect.Object) []string {
		var out []string
		for _, o := range objs {
			if o.Kind == introspect.Schema {
				out = append(out, o.Name)
			}
		}
		return out
	}
	to := schemasOf(toObjs)
	var shared []string
	for _, s := range schemasOf(fromObjs) {
		if slices.Contains(to, s) {
			shared = append(shared, s)
		}
	}
	if len(shared) == 0 {
		return fromObjs, toObjs, nil
	}
	drop := func(objs []introspect.Object) []introspect.Object {
		return slices.DeleteFunc(objs, func(o introspect.Object) bool {
			return o.Kind == introspect.Schema && slices.Contains(shared, o.Name)
		})
	}
	fromObjs, toObjs = drop(fromObjs), drop(toObjs)
	for _, side := range []struct {
		d    *database
		s    *model.Schema
		objs *[]introspect.Object
	}{{src, current, &fromObjs}, {dst, target, &toObjs}} {
		for _, name := range shared {
			sc, err := side.d.inspect(ctx, name, nil)
			if err != nil {
				return nil, nil, err
			}
			model.QualifySchema(&sc, name)
			side.s.Tables = append(side.s.Tables, sc.Tables...)
			side.s.Enums = append(side.s.Enums, sc.Enums...)
			objs, err := side.d.unmodeled(ctx, name, nil)
			if err != nil {
				return nil, nil, err
			}
			for _, o := range objs {
				if o.Kind == introspect.Schema {
					continue
				}
				o.Schema = name
				*side.objs = append(*side.objs, o)
			}
		}
		introspect.SortObjects(*side.objs)
	}
	return fromObjs, toObjs, nil
}
