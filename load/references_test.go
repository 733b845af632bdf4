package load_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/load"
)

type (
	refProduct struct {
		ID int64 `db:"id,pk"`
	}
	refLineItem struct {
		ID        int64 `db:"id,pk"`
		ProductID int64 `db:"product_id,fk=product.id"`
	}
	refExternal struct {
		ID      int64 `db:"id,pk"`
		OwnerID int64 `db:"owner_id,fk=accounts.id"`
	}
	refHidden struct {
		ID  int64  `db:"id,pk"`
		bio string `db:"bio"`
		raw string
		tmp string `db:"-"`
	}
)

func (refProduct) TableName() string  { return "products" }
func (refLineItem) TableName() string { return "line_items" }

// TestForeignKeyToMisspelledTable pins issue 17: fk=product.id beside a
// model table products is a load error with "did you mean", while a
// foreign key to a table unlike any model (it may exist in the database)
// still loads.
func TestForeignKeyToMisspelledTable(t *testing.T) {
	t.Parallel()
	_, err := load.Models([]any{refProduct{}, refLineItem{}}, load.Options{})
	if !errors.Is(err, load.ErrUnknownTable) {
		t.Fatalf("err = %v, want ErrUnknownTable", err)
	}
	var te *load.TagError
	if !errors.As(err, &te) || te.Field != "ProductID" {
		t.Fatalf("err = %v, want a TagError on ProductID", err)
	}
	if !strings.Contains(err.Error(), `did you mean "products"?`) {
		t.Errorf("err = %v, want a suggestion of products", err)
	}
	if _, err := load.Models([]any{refProduct{}, refExternal{}}, load.Options{}); err != nil {
		t.Errorf("a foreign key to a table outside the models: %v", err)
	}
}

// TestUnexportedTaggedField pins issue 17: a db tag on an unexported field
// is an error naming the field, not a column silently left out; untagged
// and db:"-" unexported fields stay ignored.
func TestUnexportedTaggedField(t *testing.T) {
	t.Parallel()
	_ = refHidden{bio: "", raw: "", tmp: ""}
	_, err := load.Models([]any{refHidden{}}, load.Options{})
	if !errors.Is(err, load.ErrUnexportedField) {
		t.Fatalf("err = %v, want ErrUnexportedField", err)
	}
	var te *load.TagError
	if !errors.As(err, &te) || te.Field != "bio" || !strings.Contains(err.Error(), "export it (Bio)") {
		t.Errorf("err = %v, want the field bio named with the fix", err)
	}
	if n := strings.Count(err.Error(), "unexported"); n != 1 {
		t.Errorf("%d errors, want one (raw and tmp are not tagged):\n%v", n, err)
	}
}
