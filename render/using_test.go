package render_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/render"
)

// TestUsingRendered: an AlterColumn's Using is written as .Using(...)
// after the type change, quoted as a Go string
// literal.
func TestUsingRendered(t *testing.T) {
	t.Parallel()
	col := func(typ string) model.Column {
		return model.Column{Name: "at", Type: model.Type{SQL: typ}, Nullable: true}
	}
	up := []ops.Op{ops.AlterColumn{Table: "events", Change: ops.ChangeType, From: col("text"), To: col("timestamptz"),
		Using: `to_timestamp(at, 'YYYY-MM-DD "T" HH24:MI')`}}
	src, err := render.File(render.Revision{Header: ops.Header{ID: "a1", Message: "using"}}, up, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "op.AlterColumn(\"events\", \"at\").Type(\"text\", \"timestamptz\").Using(`to_timestamp(at, 'YYYY-MM-DD \"T\" HH24:MI')`)"
	if !strings.Contains(string(src), want) {
		t.Errorf("file lacks %s:\n%s", want, src)
	}
}
