package autogen

import (
	"context"
	"errors"
	"fmt"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// ErrVersioned is wrapped by the error [Revision] returns for a baseline
// of a database whose version table already names a revision.
var ErrVersioned = errors.New("autogen: the database already has a version")

// ErrHasRevisions is wrapped by the error [Revision] returns for a
// baseline in a migrations package that already has revisions.
var ErrHasRevisions = errors.New("autogen: the migrations package already has revisions")

// baselineOps are the ops of a baseline revision: the upgrade creates the
// live schema as it is (env.go's filters applied, the runner's tables left
// out), compared from an empty schema; the downgrade drops it. A database
// whose version table names a revision, or a migrations package with
// revisions, is refused: a baseline is where history starts.
func baselineOps(ctx context.Context, db *Database, env *migrate.Env) (upgrade, downgrade []ops.Op, current *model.Schema, err error) {
	if db == nil {
		return nil, nil, nil, errors.New("autogen: a baseline needs a database")
	}
	if g, err := graph(env); err != nil {
		return nil, nil, nil, err
	} else if g != nil {
		return nil, nil, nil, fmt.Errorf("%w (heads: %s): a baseline is the first revision; write it in an empty migrations package, or stamp the database with `retort stamp`", ErrHasRevisions, IDList(g.Heads()))
	}
	at, err := migrate.Current(ctx, db.DB, db.runtimeEnv(env))
	if err != nil {
		return nil, nil, nil, err
	}
	if len(at) > 0 {
		return nil, nil, nil, fmt.Errorf("%w: it is at %s; a baseline is for a database retort has not migrated yet (use `retort revision --autogenerate` for a change)", ErrVersioned, IDList(at))
	}
	live, err := Reflect(ctx, *db, env, model.Schema{})
	if err != nil {
		return nil, nil, nil, err
	}
	empty := model.Schema{}
	if upgrade, err = Diff(ctx, *db, env, empty, live); err != nil {
		return nil, nil, nil, err
	}
	if downgrade, err = downgradeOf(upgrade, empty, db.Dialect); err != nil {
		return nil, nil, nil, err
	}
	return upgrade, downgrade, &empty, nil
}
