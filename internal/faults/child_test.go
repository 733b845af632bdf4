package faults

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/migrate"
)

// TestMain runs the migrating child when FAULTS_CHILD is set.
func TestMain(m *testing.M) {
	if os.Getenv("FAULTS_CHILD") != "" {
		os.Exit(child())
	}
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// digits is a 0-9 derived table every dialect reads.
const digits = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)"

// scenario is the migration history every test runs: f1-f3 are small
// revisions of several ops each, f4 fills a big table and f5 changes a
// column type of it, which copies the table on MySQL.
func scenario(dialect string) *migrate.Env {
	be, err := backend.Lookup(dialect)
	if err != nil {
		panic(err)
	}
	env := &migrate.Env{Dialect: dialect, Backend: migrate.Backend{Dialect: be.Dialect, Inspector: be.Inspector}}
	env.Add(migrate.Revision{ID: "f1", Message: "items",
		Upgrade: func(op *migrate.Op) {
			op.CreateTable("items", op.Column("id", "integer").PrimaryKey(), op.Column("name", "varchar(100)").NotNull())
			op.Execute("INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b')").Down("DELETE FROM items")
			op.CreateIndex("ix_items_name", "items", "name")
		},
		Downgrade: func(op *migrate.Op) {
			op.DropIndex("ix_items_name", "items", "name")
			op.Execute("DELETE FROM items").Down("SELECT 1")
			op.DropTable("items", op.Column("id", "integer").PrimaryKey(), op.Column("name", "varchar(100)").NotNull())
		},
	})
	env.Add(migrate.Revision{ID: "f2", Revises: "f1", Message: "more",
		Upgrade: func(op *migrate.Op) {
			op.AddColumn("items", op.Column("note", "varchar(50)"))
			op.CreateTable("tags", op.Column("id", "integer").PrimaryKey(), op.Column("label", "varchar(20)").NotNull())
			op.AddColumn("items", op.Column("qty", "integer"))
			op.CreateIndex("ix_tags_label", "tags", "label")
		},
		Downgrade: func(op *migrate.Op) {
			op.DropIndex("ix_tags_label", "tags", "label")
			op.DropColumn("items", "qty", op.Column("qty", "integer"))
			op.DropTable("tags", op.Column("id", "integer").PrimaryKey(), op.Column("label", "varchar(20)").NotNull())
			op.DropColumn("items", "note", op.Column("note", "varchar(50)"))
		},
	})
	env.Add(migrate.Revision{ID: "f3", Revises: "f2", Message: "rename",
		Upgrade: func(op *migrate.Op) {
			op.RenameColumn("items", "note", "remark")
			op.Execute("UPDATE items SET qty = id * 10").Down("UPDATE items SET qty = NULL")
			op.AddColumn("tags", op.Column("rank", "integer"))
		},
		Downgrade: func(op *migrate.Op) {
			op.DropColumn("tags", "rank", op.Column("rank", "integer"))
			op.Execute("UPDATE items SET qty = NULL").Down("SELECT 1")
			op.RenameColumn("items", "remark", "note")
		},
	})
	env.Add(migrate.Revision{ID: "f4", Revises: "f3", Message: "big table",
		Upgrade: func(op *migrate.Op) {
			op.CreateTable("big", op.Column("id", "integer").PrimaryKey(), op.Column("n", "integer").NotNull(), op.Column("pad", "varchar(200)").NotNull())
			op.Execute("INSERT INTO big (id, n, pad) SELECT a.d + 10*b.d + 100*c.d + 1000*e.d + 10000*f.d, a.d, '" + strings.Repeat("x", 200) + "' FROM " +
				digits + " a CROSS JOIN " + digits + " b CROSS JOIN " + digits + " c CROSS JOIN " + digits + " e CROSS JOIN " + digits + " f").Down("DELETE FROM big")
		},
		Downgrade: func(op *migrate.Op) {
			op.DropTable("big", op.Column("id", "integer").PrimaryKey(), op.Column("n", "integer").NotNull(), op.Column("pad", "varchar(200)").NotNull())
		},
	})
	env.Add(migrate.Revision{ID: "f5", Revises: "f4", Message: "widen big.n",
		Upgrade: func(op *migrate.Op) {
			op.AlterColumn("big", "n").Existing(op.Column("n", "integer").NotNull()).Type("integer", "bigint")
			op.AddColumn("big", op.Column("extra", "integer"))
		},
		Downgrade: func(op *migrate.Op) {
			op.DropColumn("big", "extra", op.Column("extra", "integer"))
			op.AlterColumn("big", "n").Existing(op.Column("n", "bigint").NotNull()).Type("bigint", "integer")
		},
	})
	return env
}

// child runs one migration command from the environment:
// FAULTS_DIALECT, FAULTS_URL, FAULTS_CMD (upgrade, downgrade), FAULTS_TARGET,
// and FAULTS_KILL, "REV:OP:EVENT", to kill itself with SIGKILL when the
// runner logs EVENT for op OP of revision REV: "executed" (its statement
// completed, not yet recorded), "recorded" (MySQL: progress recorded), or
// "sleepN" (N ms after the revision started).
func child() int {
	ctx := context.Background()
	env := scenario(os.Getenv("FAULTS_DIALECT"))
	db, _, err := dburl.Open(ctx, os.Getenv("FAULTS_URL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer db.Close()
	opts := migrate.Options{Logger: slog.New(killer{spec: os.Getenv("FAULTS_KILL")})}
	if os.Getenv("FAULTS_CMD") == "downgrade" {
		_, err = migrate.Downgrade(ctx, db, env, os.Getenv("FAULTS_TARGET"), opts)
	} else {
		_, err = migrate.Upgrade(ctx, db, env, os.Getenv("FAULTS_TARGET"), opts)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

// killer is a log handler that kills its process as FAULTS_KILL says.
type killer struct{ spec string }

func (k killer) Enabled(context.Context, slog.Level) bool { return k.spec != "" }
func (k killer) WithAttrs([]slog.Attr) slog.Handler       { return k }
func (k killer) WithGroup(string) slog.Handler            { return k }

func (k killer) Handle(_ context.Context, r slog.Record) error {
	parts := append(strings.SplitN(k.spec, ":", 3), "", "")
	rev, op, event := parts[0], parts[1], parts[2]
	gotRev, to, done := "", 0, 0
	r.Attrs(func(a slog.Attr) bool {
		switch a.Key {
		case "revision":
			gotRev = a.Value.String()
		case "to":
			to = int(a.Value.Int64())
		case "done":
			done = int(a.Value.Int64())
		}
		return true
	})
	if gotRev != rev {
		return nil
	}
	n, _ := strconv.Atoi(op)
	switch {
	case event == "executed" && r.Message == "migrate: ops executed" && to == n,
		event == "recorded" && r.Message == "migrate: ops recorded" && done == n:
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
	case strings.HasPrefix(event, "sleep") && strings.HasSuffix(r.Message, " started"):
		ms, _ := strconv.Atoi(strings.TrimPrefix(event, "sleep"))
		go func() {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}()
	}
	return nil
}
