package load_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
)

type skipModel struct {
	ID     int64  `db:"id,pk"`
	Legacy []byte `db:"legacy_blob,skip_autogenerate"`
	Name   string `db:"name"`
}

func (skipModel) TableName() string { return "things" }

type skipBad struct {
	ID     int64  `db:"id,pk"`
	Legacy string `db:"legacy,skip_autogenerate,type=text"`
}

func TestSkipAutogenerate(t *testing.T) {
	t.Parallel()
	res, err := load.Read([]any{skipModel{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Schema.Tables[0].Column("legacy_blob"); ok {
		t.Error("the skipped field is a column of the model")
	}
	if diff := cmp.Diff([]load.Skip{{Table: "things", Column: "legacy_blob"}}, res.Skips); diff != "" {
		t.Errorf("Skips (-want +got):\n%s", diff)
	}
	_, err = load.Read([]any{skipBad{}}, load.Options{})
	var te *load.TagError
	if !errors.As(err, &te) || te.Field != "Legacy" || !errors.Is(err, load.ErrBadTag) {
		t.Errorf("skip_autogenerate with another option: err = %v, want a TagError on Legacy", err)
	}

	current := model.Schema{Tables: []model.Table{{Name: "things",
		Columns: []model.Column{{Name: "id"}, {Name: "legacy_blob"}, {Name: "name"}},
		Indexes: []model.Index{{Name: "ix_legacy", Parts: []model.IndexPart{{Column: "legacy_blob"}}}, {Name: "ix_name", Parts: []model.IndexPart{{Column: "name"}}}},
	}}}
	got := load.SkipColumns(current, res.Skips)
	want := model.Table{Name: "things", Columns: []model.Column{{Name: "id"}, {Name: "name"}},
		Indexes: []model.Index{{Name: "ix_name", Parts: []model.IndexPart{{Column: "name"}}}}}
	if diff := cmp.Diff(want, got.Tables[0]); diff != "" {
		t.Errorf("SkipColumns (-want +got):\n%s", diff)
	}
	if len(current.Tables[0].Columns) != 3 {
		t.Error("SkipColumns changed its input")
	}
}
