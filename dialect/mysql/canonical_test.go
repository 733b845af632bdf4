package mysql_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
)

func TestCanonical(t *testing.T) {
	t.Parallel()
	col := func(name, typ string) model.Column { return model.Column{Name: name, Type: model.Type{SQL: typ}} }
	tests := []struct {
		name    string
		dialect *mysql.Dialect
		in      model.Table
		want    model.Table
	}{
		{
			name:    "implicit foreign key index",
			dialect: mysql.New(),
			in: model.Table{Name: "t", Columns: []model.Column{col("a", "int"), col("b", "int")},
				ForeignKeys: []model.ForeignKey{
					{Name: "fk_a", Columns: []string{"a"}, RefTable: "p", RefColumns: []string{"id"}, OnDelete: model.Restrict},
					{Name: "fk_b", Columns: []string{"b"}, RefTable: "p", RefColumns: []string{"id"}, Deferrable: true},
				},
				Indexes: []model.Index{{Name: "ix_b_a", Parts: []model.IndexPart{{Column: "b"}, {Column: "a"}}}}},
			want: model.Table{Name: "t", Columns: []model.Column{col("a", "int"), col("b", "int")},
				ForeignKeys: []model.ForeignKey{
					{Name: "fk_a", Columns: []string{"a"}, RefTable: "p", RefColumns: []string{"id"}},
					{Name: "fk_b", Columns: []string{"b"}, RefTable: "p", RefColumns: []string{"id"}},
				},
				Indexes: []model.Index{ // the model's order, the key's own index after
					{Name: "ix_b_a", Parts: []model.IndexPart{{Column: "b"}, {Column: "a"}}},
					{Name: "fk_a", Parts: []model.IndexPart{{Column: "a"}}},
				}},
		},
		{
			name:    "primary key or unique serves the foreign key; prefix index does not",
			dialect: mysql.New(),
			in: model.Table{Name: "t", Columns: []model.Column{col("a", "int"), col("s", "varchar(9)")},
				PrimaryKey: model.PrimaryKey{Name: "pk_t", Columns: []string{"a", "s"}},
				Uniques:    []model.Unique{{Name: "uq_s", Columns: []string{"s"}}},
				Indexes:    []model.Index{{Name: "ix_s", Parts: []model.IndexPart{{Column: "s", Length: 3}}}},
				ForeignKeys: []model.ForeignKey{
					{Name: "fk_a", Columns: []string{"a"}, RefTable: "p", RefColumns: []string{"id"}},
					{Name: "fk_s", Columns: []string{"s"}, RefTable: "p", RefColumns: []string{"s"}},
				}},
			want: model.Table{Name: "t", Columns: []model.Column{col("a", "int"), col("s", "varchar(9)")},
				PrimaryKey: model.PrimaryKey{Columns: []string{"a", "s"}},
				Indexes: []model.Index{
					{Name: "ix_s", Parts: []model.IndexPart{{Column: "s", Length: 3}}},
					{Name: "uq_s", Unique: true, Parts: []model.IndexPart{{Column: "s"}}},
				},
				ForeignKeys: []model.ForeignKey{
					{Name: "fk_a", Columns: []string{"a"}, RefTable: "p", RefColumns: []string{"id"}},
					{Name: "fk_s", Columns: []string{"s"}, RefTable: "p", RefColumns: []string{"s"}},
				}},
		},
		{
			name:    "columns",
			dialect: mysql.NewMariaDB(),
			in: model.Table{Name: "t",
				Columns: []model.Column{
					{Name: "id", Type: model.Type{Logical: model.LogicalBigInt, Unsigned: true}, Nullable: true, AutoIncrement: true, Default: "0"},
					{Name: "g", Type: model.Type{Logical: model.LogicalInt}, Generated: model.Generated{Expr: "id + 1"}},
					{Name: "at", Type: model.Type{SQL: "datetime(3)"}, OnUpdate: "now()"},
					{Name: "mood", Type: model.Type{Enum: "mood"}},
					{Name: "c", Type: model.Type{SQL: "varchar(5)"}, Charset: "latin1", Collation: "latin1_swedish_ci"},
					{Name: "d", Type: model.Type{SQL: "varchar(5)"}, Collation: "latin1_bin"},
				},
				PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
				Options:    []model.TableOption{{Name: "engine", Value: "innodb"}, {Name: "Default Charset", Value: "UTF8MB4"}},
			},
			want: model.Table{Name: "t",
				Columns: []model.Column{
					{Name: "id", Type: model.Type{SQL: "bigint unsigned"}, AutoIncrement: true},
					{Name: "g", Type: model.Type{SQL: "int"}, Nullable: true, Generated: model.Generated{Expr: "id + 1"}},
					{Name: "at", Type: model.Type{SQL: "datetime(3)"}, OnUpdate: "CURRENT_TIMESTAMP(3)"},
					{Name: "mood", Type: model.Type{SQL: "enum('a','b')"}},
					{Name: "c", Type: model.Type{SQL: "varchar(5)"}, Charset: "latin1"},
					{Name: "d", Type: model.Type{SQL: "varchar(5)"}, Charset: "latin1", Collation: "latin1_bin"},
				},
				PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
				Options:    []model.TableOption{{Name: "CHARSET", Value: "utf8mb4"}, {Name: "ENGINE", Value: "InnoDB"}},
			},
		},
	}
	latinDB := mysql.New()
	latinDB.DatabaseCollation = "latin1_swedish_ci"
	tests = append(tests, struct {
		name    string
		dialect *mysql.Dialect
		in      model.Table
		want    model.Table
	}{
		name:    "database collation",
		dialect: latinDB,
		in: model.Table{Name: "t", Columns: []model.Column{
			{Name: "a", Type: model.Type{SQL: "text"}, Charset: "latin1"},
			{Name: "b", Type: model.Type{SQL: "text"}, Collation: "latin1_bin"},
			{Name: "c", Type: model.Type{SQL: "text"}, Charset: "utf8mb4"},
		}},
		want: model.Table{Name: "t", Columns: []model.Column{
			{Name: "a", Type: model.Type{SQL: "text"}},
			{Name: "b", Type: model.Type{SQL: "text"}, Collation: "latin1_bin"},
			{Name: "c", Type: model.Type{SQL: "text"}, Charset: "utf8mb4"},
		}},
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.dialect.Canonical(model.Schema{Tables: []model.Table{tt.in}, Enums: []model.Enum{{Name: "mood", Values: []string{"a", "b"}}}})
			want := model.Schema{Tables: []model.Table{tt.want}}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Canonical (-want +got):\n%s", diff)
			}
		})
	}
}
