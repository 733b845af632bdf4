package autogen

import (
	"context"
	"log/slog"
	"slices"
	"strings"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// MigrationCheck is one check of [CheckMigrations]: one revision's round
// trip, or one of the checks on the whole history.
type MigrationCheck struct {
	// What names the check: "aaaa00000001 initial: upgrade, downgrade,
	// upgrade", "head matches the models".
	What string
	// Failed reports that the check failed; Detail says why, a line each
	// (the ops a downgrade would also need, an error).
	Failed bool
	Detail []string
}

// MigrationsReport is what [CheckMigrations] found.
type MigrationsReport struct {
	// Revisions is the number of revisions checked.
	Revisions int
	// Checks are the checks in the order they ran. A revision that does
	// not apply stops the run: the checks after it are not run.
	Checks []MigrationCheck
}

// Failed returns the number of failed checks.
func (r MigrationsReport) Failed() int {
	n := 0
	for _, c := range r.Checks {
		if c.Failed {
			n++
		}
	}
	return n
}

// CheckMigrations checks env's revision files themselves on db, which must
// be an empty scratch database of env's dialect (with env.Schema created
// in it, when set): every revision is applied, undone and applied again,
// and its downgrade must bring the schema back exactly; head must match
// the models; downgrading to base must leave no table or enum; upgrading
// again must work. The data-loss gate is off: the database is a scratch
// one. The revisions run on env.Backend, or on db's dialect when env.go
// sets none. A failed check is in the report, not an error; the error is
// for what stops the check from running.
func CheckMigrations(ctx context.Context, db Database, env *migrate.Env, opts Options) (MigrationsReport, error) {
	g, err := graph(env)
	if err != nil || g == nil {
		return MigrationsReport{}, err
	}
	env = db.runtimeEnv(env)
	c := &migrationCheck{db: db, env: env, g: g, opts: opts, rep: MigrationsReport{Revisions: g.Len()}}
	c.run(ctx)
	return c.rep, nil
}

// migrationCheck is one run of [CheckMigrations].
type migrationCheck struct {
	db   Database
	env  *migrate.Env
	g    *migrate.Graph
	opts Options
	rep  MigrationsReport
}

func (c *migrationCheck) ok(what string) {
	c.rep.Checks = append(c.rep.Checks, MigrationCheck{What: what})
}

func (c *migrationCheck) fail(what string, detail ...string) {
	var lines []string
	for _, d := range detail {
		for _, l := range strings.Split(strings.TrimRight(d, "\n"), "\n") {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	c.rep.Checks = append(c.rep.Checks, MigrationCheck{What: what, Failed: true, Detail: lines})
}

// runOpts are the runs' options: the scratch database holds no data, so
// the data-loss gate is off.
func (c *migrationCheck) runOpts() migrate.Options {
	return migrate.Options{Logger: slog.New(slog.DiscardHandler), AllowDataLoss: true}
}

func (c *migrationCheck) upgrade(ctx context.Context, target string) error {
	_, err := migrate.Upgrade(ctx, c.db.DB, c.env, target, c.runOpts())
	return err
}

func (c *migrationCheck) downgrade(ctx context.Context, target string) error {
	_, err := migrate.Downgrade(ctx, c.db.DB, c.env, target, c.runOpts())
	return err
}

func (c *migrationCheck) inspect(ctx context.Context) (model.Schema, error) {
	skip := c.env.RunnerTables()
	return c.db.inspect(ctx, introspectOptions(c.env.Schema, skip))
}

// run runs the checks; it stops at the first revision that does not apply.
func (c *migrationCheck) run(ctx context.Context) {
	steps, err := c.g.Plan(migrate.Up, nil, c.g.Heads())
	if err != nil {
		c.fail("plan base -> heads", err.Error())
		return
	}
	for _, st := range steps {
		if !c.roundTrip(ctx, st) {
			return
		}
	}
	if res, err := Compare(ctx, c.db, c.env, c.opts); err != nil {
		c.fail("compare head with the models", err.Error())
	} else if len(res.Ops) > 0 {
		c.fail("head does not match the models; the revisions would need:", describeAll(res.Ops)...)
	} else {
		c.ok("head matches the models")
	}
	if err := c.downgrade(ctx, "base"); err != nil {
		c.fail("downgrade head -> base", err.Error())
		return
	}
	if s, err := c.inspect(ctx); err != nil {
		c.fail("inspect after downgrade to base", err.Error())
	} else if left := leftovers(s); len(left) > 0 {
		c.fail("downgrade to base leaves objects behind:", left...)
	} else {
		c.ok("downgrade head -> base leaves no tables")
	}
	if err := c.upgrade(ctx, "heads"); err != nil {
		c.fail("upgrade base -> head again", err.Error())
		return
	}
	c.ok("upgrade base -> head again")
}

// roundTrip applies one revision, undoes it and applies it again, and
// checks the undo restored the schema. Merge revisions and revisions that
// start a branch beside other heads are only applied.
func (c *migrationCheck) roundTrip(ctx context.Context, st migrate.Step) bool {
	r := st.Revision
	name := r.ID + " " + r.Message
	before, err := c.inspect(ctx)
	if err != nil {
		c.fail(name, "inspect: "+err.Error())
		return false
	}
	cur, err := migrate.Current(ctx, c.db.DB, c.env)
	if err != nil {
		c.fail(name, err.Error())
		return false
	}
	if err := c.upgrade(ctx, r.ID); err != nil {
		c.fail(name+": upgrade fails", err.Error())
		return false
	}
	after, err := migrate.Current(ctx, c.db.DB, c.env)
	if err != nil {
		c.fail(name, err.Error())
		return false
	}
	if len(cur) > 1 || !slices.Equal(after, []string{r.ID}) {
		c.ok(name + ": upgrade (merge or branch: downgrade checked from base only)")
		return true
	}
	back := "base"
	if len(cur) == 1 {
		back = cur[0]
	}
	if err := c.downgrade(ctx, back); err != nil {
		c.fail(name+": downgrade fails", err.Error())
		return false
	}
	undone, err := c.inspect(ctx)
	if err != nil {
		c.fail(name, "inspect: "+err.Error())
		return false
	}
	rest, err := diff.Compare(undone, before, c.db.Dialect, diff.Options{})
	switch {
	case err != nil:
		c.fail(name+": compare before upgrade and after downgrade", err.Error())
	case len(rest) > 0:
		c.fail(name+": the downgrade does not undo the upgrade; to get back it would also need:", describeAll(rest)...)
	}
	if err := c.upgrade(ctx, r.ID); err != nil {
		c.fail(name+": upgrade after downgrade fails", err.Error())
		return false
	}
	if len(rest) == 0 && err == nil {
		c.ok(name + ": upgrade, downgrade, upgrade")
	}
	return true
}

func describeAll(list []ops.Op) []string {
	out := make([]string, len(list))
	for i, op := range list {
		out[i] = ops.Describe(op)
	}
	return out
}

// leftovers names the tables and enums of s.
func leftovers(s model.Schema) []string {
	var out []string
	for _, t := range s.Tables {
		out = append(out, "table "+t.QualifiedName())
	}
	for _, e := range s.Enums {
		out = append(out, "enum "+qualify(e.Schema, e.Name))
	}
	return out
}
