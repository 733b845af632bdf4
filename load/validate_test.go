package load_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
)

// Validated is a model whose problems a validator reports on a column, on
// an index declared on a blank field, on a field-level index and on the
// table.
type Validated struct {
	_     struct{} `db:",table=validated,index=ix_validated_lower(lower(email))"`
	ID    int64    `db:"id,pk"`
	Email string   `db:"email,type=varchar(100),charset=bad"`
	Name  string   `db:"name,type=varchar(10),index"`
}

// errUnsupported stands for a target database's refusal.
var errUnsupported = errors.New("the target refuses it")

// TestValidateNamesField checks that each problem a validator reports
// lands on the field that declared it, with its position, wrapping
// ErrTarget and the validator's error.
func TestValidateNamesField(t *testing.T) {
	t.Parallel()
	pos, err := load.SourcePositions(".")
	if err != nil {
		t.Fatal(err)
	}
	validate := func(s model.Schema) []load.Problem {
		tb := s.Tables[0]
		return []load.Problem{
			{Table: tb.Name, Column: "email", Err: errUnsupported},
			{Table: tb.Name, Object: "ix_validated_lower", Err: errUnsupported},
			{Table: tb.Name, Object: "ix_validated_name", Err: errUnsupported},
			{Table: tb.Name, Err: errUnsupported},
		}
	}
	_, err = load.Models([]any{Validated{}}, load.Options{Positions: pos, Validate: validate})
	if !errors.Is(err, load.ErrTarget) || !errors.Is(err, errUnsupported) {
		t.Fatalf("error = %v, want load.ErrTarget and the validator's error", err)
	}
	for _, want := range []string{
		"load_test.Validated.Email (validate_test.go:18): the target refuses it",
		"load_test.Validated._ (validate_test.go:16): the target refuses it",
		"load_test.Validated.Name (validate_test.go:19): the target refuses it",
		"load_test.Validated (validate_test.go:15): the target refuses it",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}
