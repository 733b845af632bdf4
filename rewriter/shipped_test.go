package rewriter_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/rewriter"
)

func TestTwoStepNotNull(t *testing.T) {
	t.Parallel()
	status := model.Column{Name: "status", Type: model.Type{SQL: "text"}, Default: "'active'"}
	nullableStatus := status
	nullableStatus.Nullable = true
	score := col("score", "integer", false)
	nullableScore := score
	nullableScore.Nullable = true
	order := col("order", "integer", false)
	order.Default = "0"
	nullableOrder := order
	nullableOrder.Nullable = true
	backfill := rewriter.Backfill(func(ctx rewriter.Context, op ops.AddColumn) string {
		if op.Column.Name == "score" {
			return "0"
		}
		return ""
	})
	tests := []struct {
		name    string
		r       *rewriter.Rewriter
		dialect string
		in      ops.Op
		want    []ops.Op
	}{
		{"with a default", rewriter.TwoStepNotNull(), "postgres", ops.AddColumn{Table: "users", Column: status}, []ops.Op{
			ops.AddColumn{Table: "users", Column: nullableStatus},
			ops.Execute{SQL: "UPDATE users SET status = 'active' WHERE status IS NULL"},
			ops.AlterColumn{Table: "users", Change: ops.ChangeNullable, From: nullableStatus, To: status},
		}},
		{"in a schema, reserved names quoted", rewriter.TwoStepNotNull(), "postgres", ops.AddColumn{Schema: "app", Table: "user", Column: order}, []ops.Op{
			ops.AddColumn{Schema: "app", Table: "user", Column: nullableOrder},
			ops.Execute{SQL: `UPDATE app."user" SET "order" = 0 WHERE "order" IS NULL`},
			ops.AlterColumn{Schema: "app", Table: "user", Change: ops.ChangeNullable, From: nullableOrder, To: order},
		}},
		{"mysql quotes with backticks", rewriter.TwoStepNotNull(), "mysql", ops.AddColumn{Table: "Users", Column: order}, []ops.Op{
			ops.AddColumn{Table: "Users", Column: nullableOrder},
			ops.Execute{SQL: "UPDATE `Users` SET `order` = 0 WHERE `order` IS NULL"},
			ops.AlterColumn{Table: "Users", Change: ops.ChangeNullable, From: nullableOrder, To: order},
		}},
		{"no default is left alone", rewriter.TwoStepNotNull(), "sqlite", ops.AddColumn{Table: "users", Column: score}, []ops.Op{
			ops.AddColumn{Table: "users", Column: score},
		}},
		{"no default with a backfill", rewriter.TwoStepNotNull(backfill), "sqlite", ops.AddColumn{Table: "users", Column: score}, []ops.Op{
			ops.AddColumn{Table: "users", Column: nullableScore},
			ops.Execute{SQL: "UPDATE users SET score = 0 WHERE score IS NULL"},
			ops.AlterColumn{Table: "users", Change: ops.ChangeNullable, From: nullableScore, To: score},
		}},
		{"backfill declines", rewriter.TwoStepNotNull(backfill), "sqlite", ops.AddColumn{Table: "users", Column: col("other", "int", false)}, []ops.Op{
			ops.AddColumn{Table: "users", Column: col("other", "int", false)},
		}},
		{"nullable", rewriter.TwoStepNotNull(), "sqlite", ops.AddColumn{Table: "users", Column: nullableStatus}, []ops.Op{
			ops.AddColumn{Table: "users", Column: nullableStatus},
		}},
		{"identity", rewriter.TwoStepNotNull(), "postgres", ops.AddColumn{Table: "users", Column: model.Column{Name: "n", Type: model.Type{SQL: "integer"}, Identity: model.IdentityAlways}}, []ops.Op{
			ops.AddColumn{Table: "users", Column: model.Column{Name: "n", Type: model.Type{SQL: "integer"}, Identity: model.IdentityAlways}},
		}},
		{"generated", rewriter.TwoStepNotNull(), "postgres", ops.AddColumn{Table: "users", Column: model.Column{Name: "g", Type: model.Type{SQL: "integer"}, Default: "1", Generated: model.Generated{Expr: "a+1", Stored: true}}}, []ops.Op{
			ops.AddColumn{Table: "users", Column: model.Column{Name: "g", Type: model.Type{SQL: "integer"}, Default: "1", Generated: model.Generated{Expr: "a+1", Stored: true}}},
		}},
		{"drop column untouched", rewriter.TwoStepNotNull(), "postgres", ops.DropColumn{Table: "users", Column: status}, []ops.Op{
			ops.DropColumn{Table: "users", Column: status},
		}},
		{"concurrent create on postgres", rewriter.ConcurrentIndexes(), "postgres", index("users", "ix_users_a", "a"), []ops.Op{
			ops.CreateIndex{Table: "users", Index: index("users", "ix_users_a", "a").Index, Concurrently: true},
		}},
		{"concurrent drop on postgres", rewriter.ConcurrentIndexes(), "postgres", ops.DropIndex(index("users", "ix_users_a", "a")), []ops.Op{
			ops.DropIndex{Table: "users", Index: index("users", "ix_users_a", "a").Index, Concurrently: true},
		}},
		{"not concurrent on mysql", rewriter.ConcurrentIndexes(), "mysql", index("users", "ix_users_a", "a"), []ops.Op{
			index("users", "ix_users_a", "a"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, dir := range []rewriter.Direction{rewriter.Upgrade, rewriter.Downgrade} {
				got, err := tt.r.Rewrite(rewriter.Context{Direction: dir, Dialect: tt.dialect, SQLDialect: sqlDialect(tt.dialect)}, []ops.Op{tt.in})
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("%s: Rewrite() (-want +got):\n%s", dir, diff)
				}
			}
		})
	}
}
