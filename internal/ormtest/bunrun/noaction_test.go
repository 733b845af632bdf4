package bunrun

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/ormtest/buncase"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Poster and Post are bun models whose belongs-to key names no
// on_delete / on_update, as buncase's m2m join table OrderToItem names
// none for its two keys: bun's CREATE TABLE writes ON DELETE NO ACTION
// ON UPDATE NO ACTION for all three.
type (
	Poster struct {
		bun.BaseModel `bun:"table:na_posters"`
		ID            int64 `bun:",pk,autoincrement"`
	}
	Post struct {
		bun.BaseModel `bun:"table:na_posts"`
		ID            int64   `bun:",pk,autoincrement"`
		PosterID      int64   `bun:",notnull"`
		Poster        *Poster `bun:"rel:belongs-to,join:poster_id=id"`
	}
	// PostCascade is Post whose poster key cascades: the control that
	// check sees a key's actions at all.
	PostCascade struct {
		bun.BaseModel `bun:"table:na_posts"`
		ID            int64   `bun:",pk,autoincrement"`
		PosterID      int64   `bun:",notnull"`
		Poster        *Poster `bun:"rel:belongs-to,join:poster_id=id,on_delete:CASCADE"`
	}
)

// TestBunNoActionIsNoDrift: bun's CreateTable (WithForeignKeys) writes
// ON DELETE / ON UPDATE NO ACTION for belongs-to and m2m keys; retort's
// bun loader reads them as model.NoActionWritten, which PostgreSQL and
// SQLite fold to NO ACTION and MariaDB keeps apart from no clause. On
// each dialect: the server's own record shows the keys bun made with NO
// ACTION (sqlite_master's text, SHOW CREATE TABLE, pg_constraint's
// confdeltype/confupdtype 'a'), check against the bun-loaded models
// reports no drift, and check against PostCascade reports the key.
func TestBunNoActionIsNoDrift(t *testing.T) {
	records := map[string]func(t *testing.T, db *sql.DB) [2]int{"sqlite": sqliteRecord, "postgres": postgresRecord, "mysql": mysqlRecord}
	models := []any{Poster{}, Post{}, buncase.Order{}, buncase.Item{}, buncase.OrderToItem{}}
	eachBunDialect(t, func(t *testing.T, c bunDialect) {
		ctx := context.Background()

		// The loader gives every key NoActionWritten, as bun writes it.
		res, err := load.Read(models, buncase.LoadOptions(c.dialect))
		if err != nil {
			t.Fatal(err)
		}
		keys := 0
		for _, tb := range res.Schema.Tables {
			for _, fk := range tb.ForeignKeys {
				keys++
				if fk.OnDelete != model.NoActionWritten || fk.OnUpdate != model.NoActionWritten {
					t.Errorf("%s key %v: loaded ON DELETE %v ON UPDATE %v, want both NoActionWritten", tb.Name, fk.Columns, fk.OnDelete, fk.OnUpdate)
				}
			}
		}
		if keys != 3 {
			t.Fatalf("loaded %d foreign keys, want 3 (na_posts.poster_id, order_to_items.order_id and item_id)", keys)
		}

		db := c.open(t)
		bdb := bun.NewDB(db, c.bun)
		bdb.RegisterModel((*buncase.OrderToItem)(nil))
		for _, m := range []any{(*Poster)(nil), (*Post)(nil), (*buncase.Order)(nil), (*buncase.Item)(nil), (*buncase.OrderToItem)(nil)} {
			q := bdb.NewCreateTable().Model(m).WithForeignKeys()
			if _, err := q.Exec(ctx); err != nil {
				t.Fatalf("bun CreateTable %T: %v\n%s", m, err, q.String())
			}
			if sql := q.String(); strings.Contains(sql, "FOREIGN KEY") && (!strings.Contains(sql, "ON DELETE NO ACTION") || !strings.Contains(sql, "ON UPDATE NO ACTION")) {
				t.Errorf("bun no longer writes NO ACTION, the case this test is for:\n%s", sql)
			}
		}
		if got := records[c.dialect](t, db); got != [2]int{3, 3} {
			t.Errorf("the server's record holds %d keys ON DELETE NO ACTION and %d ON UPDATE NO ACTION, want 3 and 3", got[0], got[1])
		}

		adb, err := autogen.Open(ctx, db, c.dialect)
		if err != nil {
			t.Fatal(err)
		}
		orm := model.ORMSettings{Bun: model.BunSettings{Dialect: c.path}}
		rep, err := autogen.Check(ctx, adb, &migrate.Env{Dialect: c.dialect, Models: models, ORM: orm}, autogen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, op := range rep.Ops {
			t.Errorf("against the database bun created, check reports %s", autogen.OpName(op))
		}
		control := []any{Poster{}, PostCascade{}}
		rep, err = autogen.Check(ctx, adb, &migrate.Env{Dialect: c.dialect, Models: control, ORM: orm}, autogen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(rep.Ops, func(op ops.Op) bool {
			add, ok := op.(ops.AddForeignKey)
			return ok && add.Table == "na_posts" && add.ForeignKey.OnDelete == model.Cascade
		}) {
			t.Errorf("check does not report na_posts' key made CASCADE; the test proves nothing")
		}
	})
}

// sqliteRecord counts the ON DELETE NO ACTION and ON UPDATE NO ACTION
// clauses of sqlite_master's CREATE TABLE text.
func sqliteRecord(t *testing.T, db *sql.DB) [2]int {
	t.Helper()
	return countClauses(t, db, `SELECT sql FROM sqlite_master WHERE type = 'table' ORDER BY name`)
}

// mysqlRecord counts those clauses in SHOW CREATE TABLE.
func mysqlRecord(t *testing.T, db *sql.DB) [2]int {
	t.Helper()
	var n [2]int
	for _, table := range []string{"na_posts", "order_to_items"} {
		var name, create string
		if err := db.QueryRow("SHOW CREATE TABLE "+table).Scan(&name, &create); err != nil {
			t.Fatal(err)
		}
		n[0] += strings.Count(create, "ON DELETE NO ACTION")
		n[1] += strings.Count(create, "ON UPDATE NO ACTION")
	}
	return n
}

// postgresRecord counts the foreign keys pg_constraint holds with NO
// ACTION on delete, and on update.
func postgresRecord(t *testing.T, db *sql.DB) [2]int {
	t.Helper()
	var n [2]int
	if err := db.QueryRow(`SELECT count(*) FILTER (WHERE confdeltype = 'a'), count(*) FILTER (WHERE confupdtype = 'a') FROM pg_constraint WHERE contype = 'f'`).Scan(&n[0], &n[1]); err != nil {
		t.Fatal(err)
	}
	return n
}

// countClauses counts the NO ACTION clauses in the SQL text the query
// returns, one row a table.
func countClauses(t *testing.T, db *sql.DB, query string) [2]int {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var n [2]int
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		n[0] += strings.Count(s, "ON DELETE NO ACTION")
		n[1] += strings.Count(s, "ON UPDATE NO ACTION")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}
