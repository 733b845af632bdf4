package render

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestKnownFields fails when a model or ops type gains a field: render (and
// the migrate op builder) must learn to write it, or re-recording a
// rendered file silently loses it. Update the list once both do.
func TestKnownFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v    any
		want string
	}{
		{model.Table{}, "Schema Name Columns PrimaryKey Indexes Uniques ForeignKeys Checks Excludes Comment Options RenamedFrom"},
		{model.Column{}, "Name Type Nullable Default AutoIncrement Identity Generated Comment Charset Collation OnUpdate Invisible RenamedFrom Serial Sequence Storage Compression NotNullOnConflict"},
		// Implied matters only when diff compares models: Canonical resolves
		// every type to SQL, so ops (and rendered files) never carry it.
		{model.Type{}, "SQL Logical Size Unsigned Enum EnumValues Implied"},
		{model.Generated{}, "Expr Stored"},
		{model.PrimaryKey{}, "Name Columns Deferrable InitiallyDeferred OnConflict Desc Comment"},
		{model.Index{}, "Name Unique Parts Where Method Include NullsNotDistinct StorageParams Comment Invisible MethodWrittenUnknown"},
		{model.IndexPart{}, "Column Expr Desc Length Collation Opclass Nulls"},
		{model.Unique{}, "Name Columns NullsNotDistinct Deferrable InitiallyDeferred Comment OnConflict"},
		{model.ForeignKey{}, "Name Columns RefSchema RefTable RefColumns OnDelete OnUpdate Deferrable InitiallyDeferred MatchFull Comment NotValid"},
		{model.Check{}, "Name Expr NoInherit Comment NotValid Column"},
		{model.Exclude{}, "Name Def Comment"},
		{model.Enum{}, "Schema Name Values Comment"},
		{model.TableOption{}, "Name Value"},
		{ops.CreateTable{}, "Table"},
		{ops.DropTable{}, "Table"},
		{ops.RenameTable{}, "Schema From To"},
		{ops.AddColumn{}, "Schema Table Column Position"},
		{ops.DropColumn{}, "Schema Table Column Position"},
		{ops.AlterColumn{}, "Schema Table Change From To Using"},
		{ops.RenameColumn{}, "Schema Table From To"},
		{ops.CreateIndex{}, "Schema Table Index Concurrently"},
		{ops.DropIndex{}, "Schema Table Index Concurrently"},
		{ops.AddPrimaryKey{}, "Schema Table PrimaryKey"},
		{ops.DropPrimaryKey{}, "Schema Table PrimaryKey"},
		{ops.AddUnique{}, "Schema Table Unique"},
		{ops.DropUnique{}, "Schema Table Unique"},
		{ops.AddForeignKey{}, "Schema Table ForeignKey"},
		{ops.DropForeignKey{}, "Schema Table ForeignKey"},
		{ops.AddCheck{}, "Schema Table Check"},
		{ops.DropCheck{}, "Schema Table Check"},
		{ops.SetTableComment{}, "Schema Table From To"},
		{ops.SetTableOptions{}, "Schema Table From To"},
		{ops.SetObjectComment{}, "Schema Table Object Name From To"},
		{ops.AddExclude{}, "Schema Table Exclude"},
		{ops.CreateExtension{}, "Extension"},
		{ops.DropExtension{}, "Extension"},
		{model.Extension{}, "Name Schema Version"},
		{ops.DropExclude{}, "Schema Table Exclude"},
		{ops.CreateEnum{}, "Enum"},
		{ops.DropEnum{}, "Enum"},
		{ops.AddEnumValue{}, "Schema Enum Value Before After"},
		{ops.SetEnumComment{}, "Schema Enum From To"},
		{ops.ValidateConstraint{}, "Schema Table Check ForeignKey"},
		{ops.Execute{}, "SQL DownSQL NoTransaction"},
		{ops.BulkInsert{}, "Schema Table Columns Rows"},
		{ops.RenameEnum{}, "Schema From To"},
	}
	for _, tt := range tests {
		typ := reflect.TypeOf(tt.v)
		t.Run(typ.String(), func(t *testing.T) {
			t.Parallel()
			var names []string
			for f := range typ.Fields() {
				names = append(names, f.Name)
			}
			if diff := cmp.Diff(tt.want, strings.Join(names, " ")); diff != "" {
				t.Errorf("%s fields changed; teach render and the migrate builder, then update this list (-want +got):\n%s", typ, diff)
			}
		})
	}
}
