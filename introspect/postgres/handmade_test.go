package postgres_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// handSQL is a schema written by hand, the way teams write it without retort:
// serial keys, casts in defaults, now(), unnamed constraints.
const handSQL = `
CREATE TYPE status AS ENUM ('draft', 'published');
CREATE TABLE authors (
  id serial PRIMARY KEY,
  name VARCHAR(100) NOT NULL DEFAULT 'anon'::character varying,
  email varchar(255) UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
  score numeric(5,2) DEFAULT '0'::numeric,
  active bool DEFAULT 't',
  bio text COLLATE "C",
  flags int4[] DEFAULT ARRAY[]::integer[],
  span interval DEFAULT '01:00:00'::interval
);
COMMENT ON TABLE authors IS 'writers';
COMMENT ON COLUMN authors.bio IS 'about';
CREATE TABLE posts (
  id bigserial PRIMARY KEY,
  author_id integer NOT NULL REFERENCES authors ON DELETE CASCADE,
  title text NOT NULL CHECK (char_length(title) > 0),
  st status NOT NULL DEFAULT 'draft',
  tags varchar(20)[] DEFAULT '{}'::varchar[],
  body jsonb DEFAULT '{}'::jsonb,
  slug text GENERATED ALWAYS AS (lower(title)) STORED,
  rank int GENERATED ALWAYS AS IDENTITY,
  CONSTRAINT posts_title_author UNIQUE (author_id, title),
  CHECK (st IN ('draft', 'published'))
);
CREATE UNIQUE INDEX posts_slug_idx ON posts (slug) WHERE st = 'published';
CREATE INDEX ON posts USING gin (body);
CREATE INDEX posts_lower_title ON posts (lower(title) DESC);
CREATE TABLE post_tags (
  post_id bigint REFERENCES posts (id) DEFERRABLE INITIALLY DEFERRED,
  tag text,
  PRIMARY KEY (post_id, tag)
);
INSERT INTO authors (name) VALUES ('a');
INSERT INTO posts (author_id, title) VALUES (1, 'Hello');
`

// handModel is handSQL as a user would describe it to retort.
func handModel() model.Schema {
	sql := func(s string) model.Type { return model.Type{SQL: s} }
	return model.Schema{
		Enums: []model.Enum{{Name: "status", Values: []string{"draft", "published"}}},
		Tables: []model.Table{
			{
				Name: "authors", Comment: "writers",
				Columns: []model.Column{
					{Name: "id", Type: sql("int"), AutoIncrement: true},
					{Name: "name", Type: sql("varchar(100)"), Default: "'anon'"},
					{Name: "email", Type: sql("varchar(255)"), Nullable: true},
					{Name: "created_at", Type: sql("timestamptz"), Default: "CURRENT_TIMESTAMP"},
					{Name: "updated_at", Type: sql("timestamp(3)"), Nullable: true, Default: "CURRENT_TIMESTAMP"},
					{Name: "score", Type: sql("decimal(5,2)"), Nullable: true, Default: "0"},
					{Name: "active", Type: sql("boolean"), Nullable: true, Default: "true"},
					{Name: "bio", Type: sql("text"), Nullable: true, Collation: "C", Comment: "about"},
					{Name: "flags", Type: sql("int[]"), Nullable: true, Default: "ARRAY[]::int[]"},
					{Name: "span", Type: sql("interval"), Nullable: true, Default: "'01:00:00'"},
				},
				PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
				Uniques:    []model.Unique{{Columns: []string{"email"}}},
			},
			{
				Name: "posts",
				Columns: []model.Column{
					{Name: "id", Type: sql("bigserial")},
					{Name: "author_id", Type: sql("integer")},
					{Name: "title", Type: sql("text")},
					{Name: "st", Type: model.Type{Enum: "status"}, Default: "'draft'"},
					{Name: "tags", Type: sql("varchar(20)[]"), Nullable: true, Default: "'{}'"},
					{Name: "body", Type: sql("jsonb"), Nullable: true, Default: "'{}'"},
					{Name: "slug", Type: sql("text"), Nullable: true, Generated: model.Generated{Expr: "lower(title)", Stored: true}},
					{Name: "rank", Type: sql("int4"), Identity: model.IdentityAlways},
				},
				PrimaryKey:  model.PrimaryKey{Columns: []string{"id"}},
				Uniques:     []model.Unique{{Name: "posts_title_author", Columns: []string{"author_id", "title"}}},
				ForeignKeys: []model.ForeignKey{{Columns: []string{"author_id"}, RefTable: "authors", OnDelete: model.Cascade}},
				Checks: []model.Check{
					{Name: "posts_title_check", Expr: "char_length(title) > 0"},
					{Name: "posts_st_check", Expr: "st IN ('draft', 'published')"},
				},
				Indexes: []model.Index{
					{Name: "posts_slug_idx", Unique: true, Parts: []model.IndexPart{{Column: "slug"}}, Where: "st = 'published'"},
					{Method: "gin", Parts: []model.IndexPart{{Column: "body"}}},
					{Name: "posts_lower_title", Parts: []model.IndexPart{{Expr: "lower(title)", Desc: true}}},
				},
			},
			{
				Name: "post_tags",
				Columns: []model.Column{
					{Name: "post_id", Type: sql("bigint")},
					{Name: "tag", Type: sql("text")},
				},
				PrimaryKey:  model.PrimaryKey{Columns: []string{"post_id", "tag"}},
				ForeignKeys: []model.ForeignKey{{Columns: []string{"post_id"}, RefTable: "posts", RefColumns: []string{"id"}, InitiallyDeferred: true}},
			},
		},
	}
}

// recreateOps returns the ops that build a reflected schema in an empty
// database: enums, tables without foreign keys, foreign keys, indexes.
func recreateOps(s model.Schema) []ops.Op {
	var list []ops.Op
	for _, e := range s.Enums {
		list = append(list, ops.CreateEnum{Enum: e})
	}
	for _, t := range s.Tables {
		bare := t
		bare.ForeignKeys, bare.Indexes = nil, nil
		list = append(list, ops.CreateTable{Table: bare})
	}
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			list = append(list, ops.AddForeignKey{Schema: t.Schema, Table: t.Name, ForeignKey: fk})
		}
		for _, ix := range t.Indexes {
			list = append(list, ops.CreateIndex{Schema: t.Schema, Table: t.Name, Index: ix})
		}
	}
	return list
}

// TestHandMadeSchema reflects a schema written in raw SQL, checks it
// compares equal with the model a user would write for it, and re-creates
// it from the reflection in a second database.
func TestHandMadeSchema(t *testing.T) {
	t.Parallel()
	db := testdb.Postgres(t)
	exec(t, db, handSQL)
	first := inspect(t, db)
	sameSchema(t, pg.Canonical(handModel()), first)
	if d := cmp.Diff(first, pg.Canonical(first)); d != "" {
		t.Errorf("Canonical(reflected) changed it (-reflected +canonical):\n%s", d)
	}

	db2 := testdb.Postgres(t)
	apply(t, db2, recreateOps(first)...)
	second := inspect(t, db2)
	if d := cmp.Diff(first, second); d != "" {
		t.Errorf("re-created schema differs (-hand-made +re-created):\n%s", d)
	}
	exec(t, db2, `INSERT INTO authors (name) VALUES ('a');
INSERT INTO posts (author_id, title) VALUES (1, 'Hello');
INSERT INTO post_tags VALUES (1, 'go')`)
}
