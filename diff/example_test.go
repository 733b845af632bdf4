package diff_test

import (
	"fmt"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Compare a reflected schema with the models' schema; the downgrade is the
// reverse of the upgrade.
func ExampleCompare() {
	current := model.Schema{Tables: []model.Table{{
		Name: "members",
		Columns: []model.Column{
			{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true},
			{Name: "nick", Type: model.Type{SQL: "varchar(40)"}, Nullable: true},
		},
		PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
	}}}
	target := model.Schema{Tables: []model.Table{
		{
			Name: "members",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true},
				{Name: "nick", Type: model.Type{SQL: "varchar(80)"}},
				{Name: "bio", Type: model.Type{Logical: model.LogicalString}, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_members", Columns: []string{"id"}},
		},
		{
			Name: "notes",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true},
				{Name: "member_id", Type: model.Type{SQL: "bigint"}},
			},
			PrimaryKey:  model.PrimaryKey{Name: "pk_notes", Columns: []string{"id"}},
			Indexes:     []model.Index{{Name: "ix_notes_member_id", Parts: []model.IndexPart{{Column: "member_id"}}}},
			ForeignKeys: []model.ForeignKey{{Name: "fk_notes_member_id_members", Columns: []string{"member_id"}, RefTable: "members", RefColumns: []string{"id"}, OnDelete: model.Cascade}},
		},
	}}

	up, err := diff.Compare(current, target, testDialect{}, diff.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	down, _, _ := ops.ReverseList(up)
	fmt.Println("upgrade:")
	for _, op := range up {
		fmt.Println("  " + ops.Describe(op))
	}
	fmt.Println("downgrade:")
	for _, op := range down {
		fmt.Println("  " + ops.Describe(op))
	}
	// Output:
	// upgrade:
	//   create table notes (2 columns)
	//   notes: create index ix_notes_member_id (member_id)
	//   members: add column bio text NULL
	//   members: alter column nick: type varchar(40) -> varchar(80), set NOT NULL
	// downgrade:
	//   members: alter column nick: type varchar(80) -> varchar(40), drop NOT NULL
	//   members: drop column bio text NULL
	//   notes: drop index ix_notes_member_id (member_id)
	//   drop table notes
}
