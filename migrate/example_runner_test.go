package migrate_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/dburl"
	isqlite "github.com/retortdb/retort/introspect/sqlite"
	"github.com/retortdb/retort/migrate"
)

// exampleEnv is what a migrations package holds: an Env and revisions
// that add themselves to it. The application gives the Env the dialect
// it runs on (the retort command does that itself).
func exampleEnv() *migrate.Env {
	env := &migrate.Env{Dialect: "sqlite"}
	env.Backend = migrate.Backend{Dialect: sqlite.New(), Inspector: isqlite.Inspector{}}
	env.Add(migrate.Revision{
		ID:      "1f0c2a7d9e31",
		Message: "create users",
		Upgrade: func(op *migrate.Recorder) {
			op.CreateTable("users",
				op.Column("id", "integer").PrimaryKey(),
				op.Column("name", "varchar(100)").NotNull(),
			)
		},
		Downgrade: func(op *migrate.Recorder) { op.DropTable("users") },
	})
	env.Add(migrate.Revision{
		ID:      "7b3e9c04a5d2",
		Revises: "1f0c2a7d9e31",
		Message: "add email",
		Upgrade: func(op *migrate.Recorder) {
			op.AddColumn("users", op.Column("email", "varchar(200)"))
		},
		Downgrade: func(op *migrate.Recorder) {
			op.DropColumn("users", "email", op.Column("email", "varchar(200)"))
		},
	})
	return env
}

// Upgrade is what an application calls at start-up; every replica may
// call it at once.
func ExampleUpgrade() {
	dir, err := os.MkdirTemp("", "retort-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	db, _, err := dburl.Open(ctx, "sqlite://"+filepath.Join(dir, "app.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()

	env := exampleEnv()
	res, err := migrate.Upgrade(ctx, db, env, "head", migrate.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range res.Applied {
		fmt.Println(a.Direction, a.ID, a.Message)
	}
	res, _ = migrate.Downgrade(ctx, db, env, "-1", migrate.Options{})
	fmt.Println(res.Applied[0].Direction, res.Applied[0].ID)
	current, _ := migrate.Current(ctx, db, env)
	fmt.Println("current:", current)
	// Output:
	// upgrade 1f0c2a7d9e31 create users
	// upgrade 7b3e9c04a5d2 add email
	// downgrade 7b3e9c04a5d2
	// current: [1f0c2a7d9e31]
}

// SQL prints what an upgrade would run, for review, without a database.
func ExampleSQL() {
	out, err := migrate.SQL(context.Background(), exampleEnv(), "1f0c2a7d9e31", "head", migrate.Up)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(out)
	// Output:
	// CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
	//
	// -- Running upgrade 1f0c2a7d9e31 -> 7b3e9c04a5d2
	//
	// PRAGMA foreign_keys = OFF;
	// BEGIN;
	// ALTER TABLE users ADD COLUMN email varchar(200);
	// UPDATE retort_version SET version_num = '7b3e9c04a5d2' WHERE version_num = '1f0c2a7d9e31';
	// CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT "foreign key violations (PRAGMA foreign_key_check lists them): this transaction must not commit" CHECK (violations = 0));
	// INSERT INTO temp.retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
	// DROP TABLE temp.retort_foreign_key_check;
	// COMMIT;
	// PRAGMA foreign_keys = ON;
}

// Resolve reads targets as Alembic does.
func ExampleGraph_Resolve() {
	g, err := exampleEnv().Graph()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, target := range []string{"head", "1f", "+1", "head-1", "base"} {
		ids, err := g.Resolve(target, nil)
		fmt.Println(target, ids, err)
	}
	// Output:
	// head [7b3e9c04a5d2] <nil>
	// 1f [1f0c2a7d9e31] <nil>
	// +1 [1f0c2a7d9e31] <nil>
	// head-1 [1f0c2a7d9e31] <nil>
	// base [] <nil>
}

// An application's Upgrade refuses a revision that loses data until the
// revision lists "data-loss" in Reviewed; Options.AllowDataLoss opts out.
func ExampleDataLossError() {
	dir, err := os.MkdirTemp("", "retort-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	db, _, err := dburl.Open(ctx, "sqlite://"+filepath.Join(dir, "app.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()

	env := exampleEnv()
	env.Add(migrate.Revision{
		ID:        "c40d1e8b2f67",
		Revises:   "7b3e9c04a5d2",
		Message:   "drop email",
		Upgrade:   func(op *migrate.Recorder) { op.DropColumn("users", "email", op.Column("email", "varchar(200)")) },
		Downgrade: func(op *migrate.Recorder) { op.AddColumn("users", op.Column("email", "varchar(200)")) },
	})
	res, err := migrate.Upgrade(ctx, db, env, "head", migrate.Options{})
	var refused *migrate.DataLossError
	if errors.As(err, &refused) {
		for _, r := range refused.Revisions {
			for _, l := range r.Losses {
				fmt.Printf("refused %s, op %d: %s\n", r.ID, l.Op+1, l.Message)
			}
		}
	}
	fmt.Println("applied:", len(res.Applied))
	res, err = migrate.Upgrade(ctx, db, env, "head", migrate.Options{AllowDataLoss: true})
	fmt.Println("applied with AllowDataLoss:", len(res.Applied), err)
	// Output:
	// refused c40d1e8b2f67, op 1: drops column users.email (varchar(200) NULL) and every value in it
	// applied: 0
	// applied with AllowDataLoss: 3 <nil>
}
