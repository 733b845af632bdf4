package load_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/load"
)

type PKCommented struct {
	_  struct{} `db:",table=tickets,pk_comment='the ticket''s number'"`
	ID int64    `db:"id,pk"`
}

type PKCommentNoKey struct {
	_    struct{} `db:",table=loose,pk_comment='x'"`
	Name string   `db:"name"`
}

type PKCommentTypo struct {
	_  struct{} `db:",table=typo,pk_coment='x'"`
	ID int64    `db:"id,pk"`
}

// TestPrimaryKeyComment checks pk_comment=: it sets PrimaryKey.Comment
// (a quoted SQL string), needs a key, and a misspelling is told apart.
func TestPrimaryKeyComment(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{PKCommented{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Tables[0].PrimaryKey.Comment; got != "the ticket's number" {
		t.Errorf("PrimaryKey.Comment = %q", got)
	}
	if _, err := load.Models([]any{PKCommentNoKey{}}, load.Options{}); !errors.Is(err, load.ErrBadTag) {
		t.Errorf("pk_comment without a key: err = %v, want ErrBadTag", err)
	}
	_, err = load.Models([]any{PKCommentTypo{}}, load.Options{})
	if err == nil || !strings.Contains(err.Error(), "pk_comment") {
		t.Errorf("pk_coment: err = %v, want a did-you-mean naming pk_comment", err)
	}
}
