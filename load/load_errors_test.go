package load_test

import (
	"database/sql/driver"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
)

type Money struct{ cents int64 }

func (m Money) Value() (driver.Value, error) { return m.cents, nil }

type (
	BadUnknown struct {
		ID    int64  `db:"id,pk"`
		Email string `db:"email,uniq"`
	}
	BadFK struct {
		ID     int64 `db:"id,pk"`
		TeamID int64 `db:"team_id,fk=teams"`
	}
	BadNull struct {
		ID   int64   `db:"id,pk"`
		Name *string `db:"name,null,notnull"`
	}
	BadQuote struct {
		ID   int64  `db:"id,pk"`
		Role string `db:"role,default='user,index"`
	}
	BadDup struct {
		ID    int64  `db:"id,pk"`
		Email string `db:"email"`
		Mail  string `db:"email"`
	}
	BadType struct {
		ID   int64             `db:"id,pk"`
		Meta map[string]string `db:"meta"`
	}
	BadValuer struct {
		ID    int64 `db:"id,pk"`
		Price Money
	}
	BadIface struct {
		ID  int64 `db:"id,pk"`
		Any any
	}
	BadSlice struct {
		ID   int64 `db:"id,pk"`
		Tags []string
	}
	BadMixinDup struct {
		ID int64 `db:"id,pk"`
		TimestampMixin
		Created time.Time `db:"created_at"`
	}
	Empty struct {
		hidden int //lint:ignore U1000 no exported fields on purpose
	}
	BadTableOptOnField struct {
		ID int64 `db:"id,pk,table=x"`
	}
	BadColumnOptOnBlank struct {
		_  struct{} `db:",pk"`
		ID int64    `db:"id,pk"`
	}
	BadBlankName struct {
		_  struct{} `db:"things,table=things"`
		ID int64    `db:"id,pk"`
	}
	BadFlagValue struct {
		ID int64 `db:"id,pk=true"`
	}
	BadRepeat struct {
		ID int64 `db:"id,pk,type=int,type=bigint"`
	}
	BadNoValue struct {
		ID int64 `db:"id,pk,default="`
	}
	BadOnDelete struct {
		ID    int64 `db:"id,pk"`
		Owner int64 `db:"owner,fk=users.id,ondelete=destroy"`
	}
	BadOnDeleteNoFK struct {
		ID    int64 `db:"id,pk"`
		Owner int64 `db:"owner,ondelete=cascade"`
	}
	BadSize struct {
		ID  int64 `db:"id,pk"`
		Num int64 `db:"num,size=10"`
	}
	BadSizeValue struct {
		ID   int64  `db:"id,pk"`
		Name string `db:"name,size=ten"`
	}
	BadTypeSize struct {
		ID   int64  `db:"id,pk"`
		Name string `db:"name,type=text,size=10"`
	}
	BadIndexWhere struct {
		ID   int64  `db:"id,pk"`
		Name string `db:"name,index_where=(name <> '')"`
	}
	BadTableIndex struct {
		_     struct{} `db:",index=ix_x(emial),index=(lower(email))"`
		ID    int64    `db:"id,pk"`
		Email string
	}
	BadTableSyntax struct {
		_  struct{} `db:",check=(id > 0),option=ENGINE,unique=u(lower(x))"`
		ID int64    `db:"id,pk"`
	}
	BadDupName struct {
		_     struct{} `db:",index=ix_bad_dup_name_email(email)"`
		ID    int64    `db:"id,pk"`
		Email string   `db:"email,index"`
	}
	BadEmbeddedTag struct {
		ID             int64 `db:"id,pk"`
		TimestampMixin `db:"ts"`
	}
	BadAuto struct {
		ID   int64  `db:"id,pk"`
		Name string `db:"name,autoincrement"`
	}
	BadStored struct {
		ID  int64 `db:"id,pk"`
		Sum int64 `db:"sum,stored"`
	}
	BadEnumDecl struct {
		ID   int64  `db:"id,pk"`
		Mood string `db:"mood,enum=mood(happy,sad)"`
		Bad  string `db:"bad,enum=(x)"`
	}
	BadEnumOther struct {
		ID   int64  `db:"id,pk"`
		Mood string `db:"mood,enum=mood(happy,angry)"`
		Nope string `db:"nope,enum=undeclared"`
	}
	BadOptionName struct {
		ID   int64  `db:"id,pk"`
		Name string `db:"type=text"`
	}
	BadIdentity struct {
		ID int64 `db:"id,pk,identity=sometimes"`
	}
	RefTarget struct {
		ID int64 `db:"id,pk"`
	}
	BadRef struct {
		ID       int64 `db:"id,pk"`
		TargetID int64 `db:"target_id,fk=ref_target.idd"`
		OtherID  int64 `db:"other_id,fk=unmanaged.whatever"`
	}
	BadAlias struct {
		ID int64 `db:"id,primary_key"`
	}
	BadGroups struct {
		ID int64  `db:"id,pk"`
		A  string `db:"a,index"`
		B  string `db:"b,index=ix_bad_groups_a"`
		C  string `db:"c,index=ix_c,index_where=(c > 1)"`
		D  string `db:"d,index=ix_c,index_where=(d > 1)"`
		E  string `db:"e,unique=ix_c"`
	}
	BadEnumValues struct {
		ID int64  `db:"id,pk"`
		A  string `db:"a,enum=a(x,x)"`
		B  string `db:"b,enum=b(x,'')"`
		C  string `db:"c,enum=c()"`
	}
	BadTableTwice struct {
		_  struct{} `db:",table=a"`
		_  struct{} `db:",table=b,unique=u(),uindex=u(x"`
		ID int64    `db:"id,pk"`
	}
	BadTableTwice2 struct {
		_  struct{} `db:",table=a"`
		_  struct{} `db:",table=b,unique=u()"`
		ID int64    `db:"id,pk"`
	}
	BadTableFK struct {
		_      struct{} `db:",fk=(user_id, tem_id) references membership(user_id, team_id),fk=f(user_id) references membership(usr_id),fk=(user_id) membership(x)"`
		ID     int64    `db:"id,pk"`
		UserID int64
		TeamID int64
	}
	DupTable1 struct {
		ID int64 `db:"id,pk"`
	}
	DupTable2 struct {
		_  struct{} `db:",table=dup_table1"`
		ID int64    `db:"id,pk"`
	}
)

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		models []any
		want   []string
		is     error
	}{
		{
			name:   "unknown option with suggestion",
			models: []any{BadUnknown{}},
			want:   []string{`load_test.BadUnknown.Email: unknown tag option "uniq"; did you mean "unique"?`},
			is:     load.ErrUnknownOption,
		},
		{
			name:   "bad fk target",
			models: []any{BadFK{}},
			want:   []string{`load_test.BadFK.TeamID: bad tag: fk=teams: want fk=table.column or fk=schema.table.column`},
			is:     load.ErrBadTag,
		},
		{
			name:   "conflicting null and notnull",
			models: []any{BadNull{}},
			want:   []string{`load_test.BadNull.Name: conflicting tag options: null and notnull`},
			is:     load.ErrConflictingOptions,
		},
		{
			name:   "unterminated quote in default",
			models: []any{BadQuote{}},
			want:   []string{`load_test.BadQuote.Role: bad tag: unterminated quote in default='user,index`},
			is:     load.ErrBadTag,
		},
		{
			name:   "duplicate column",
			models: []any{BadDup{}},
			want:   []string{`load_test.BadDup.Mail: duplicate column "email": field Email maps to it too`},
			is:     load.ErrDuplicateColumn,
		},
		{
			name:   "duplicate column from a mixin",
			models: []any{BadMixinDup{}},
			want:   []string{`load_test.BadMixinDup.Created: duplicate column "created_at": field TimestampMixin.CreatedAt maps to it too`},
			is:     load.ErrDuplicateColumn,
		},
		{
			name:   "map without type=",
			models: []any{BadType{}},
			want:   []string{`load_test.BadType.Meta: no column type for Go type map[string]string: add type=jsonb or type=json (or another SQL type)`},
			is:     load.ErrNoType,
		},
		{
			name:   "slice without type=",
			models: []any{BadSlice{}},
			want:   []string{`load_test.BadSlice.Tags: no column type for Go type []string: add type=jsonb or type=json (or another SQL type)`},
			is:     load.ErrNoType,
		},
		{
			name:   "driver.Valuer struct without type=",
			models: []any{BadValuer{}},
			want:   []string{`load_test.BadValuer.Price: no column type for Go type load_test.Money (a driver.Valuer): add type= with the SQL type its values need`},
			is:     load.ErrNoType,
		},
		{
			name:   "interface without type=",
			models: []any{BadIface{}},
			want:   []string{`load_test.BadIface.Any: no column type for Go type interface {}: add type= with an SQL type, or skip the field with db:"-"`},
			is:     load.ErrNoType,
		},
		{
			name:   "no columns",
			models: []any{Empty{}},
			want:   []string{`load_test.Empty: no columns: load_test.Empty has no exported fields that map to columns`},
			is:     load.ErrNoColumns,
		},
		{
			name:   "not a struct",
			models: []any{42, nil},
			want: []string{
				`int: model is not a struct: got int; pass a struct value such as models.User{}`,
				`<nil>: model is not a struct: got nil; pass a struct value such as models.User{}`,
			},
			is: load.ErrNotStruct,
		},
		{
			name:   "table option on a field",
			models: []any{BadTableOptOnField{}},
			want:   []string{"load_test.BadTableOptOnField.ID: unknown tag option \"table\"; it is a table option: put it on a blank field, _ struct{} `db:\",table=...\"`"},
			is:     load.ErrUnknownOption,
		},
		{
			name:   "column option on the blank field",
			models: []any{BadColumnOptOnBlank{}},
			want:   []string{`load_test.BadColumnOptOnBlank._: unknown tag option "pk"; it is a column option: put it on a field's db tag`},
			is:     load.ErrUnknownOption,
		},
		{
			name:   "name on the blank field",
			models: []any{BadBlankName{}},
			want:   []string{`load_test.BadBlankName._: bad tag: the table options field takes no name; start its tag with a comma: db:",table=things"`},
			is:     load.ErrBadTag,
		},
		{
			name:   "flag with a value",
			models: []any{BadFlagValue{}},
			want:   []string{`load_test.BadFlagValue.ID: bad tag: pk=true takes no value; write pk`},
		},
		{
			name:   "repeated option",
			models: []any{BadRepeat{}},
			want:   []string{`load_test.BadRepeat.ID: bad tag: type given twice`},
		},
		{
			name:   "missing value",
			models: []any{BadNoValue{}},
			want:   []string{`load_test.BadNoValue.ID: bad tag: default needs a value: default=EXPR`},
		},
		{
			name:   "bad ondelete action",
			models: []any{BadOnDelete{}},
			want:   []string{`load_test.BadOnDelete.Owner: bad tag: ondelete=destroy: want cascade, restrict, set null, set default or no action`},
		},
		{
			name:   "ondelete without fk",
			models: []any{BadOnDeleteNoFK{}},
			want:   []string{`load_test.BadOnDeleteNoFK.Owner: bad tag: ondelete=cascade needs fk=table.column`},
		},
		{
			name:   "size on an integer",
			models: []any{BadSize{}},
			want:   []string{`load_test.BadSize.Num: bad tag: size= applies to string fields; for int64 write type=SQL`},
		},
		{
			name:   "size not a number",
			models: []any{BadSizeValue{}},
			want:   []string{`load_test.BadSizeValue.Name: bad tag: size=ten: want a positive number of characters`},
		},
		{
			name:   "type and size",
			models: []any{BadTypeSize{}},
			want:   []string{`load_test.BadTypeSize.Name: conflicting tag options: type=text and size=10`},
			is:     load.ErrConflictingOptions,
		},
		{
			name:   "index_where without index",
			models: []any{BadIndexWhere{}},
			want:   []string{`load_test.BadIndexWhere.Name: bad tag: index_where= and index_method= need index or index=NAME`},
		},
		{
			name:   "table index naming an unknown column, unnamed expression index",
			models: []any{BadTableIndex{}},
			want: []string{
				`load_test.BadTableIndex._: unknown column "emial" in index "ix_x"; did you mean "email"?`,
				`load_test.BadTableIndex._: bad tag: an index with expressions needs a name: index=NAME(...)`,
			},
		},
		{
			name:   "table option syntax",
			models: []any{BadTableSyntax{}},
			want: []string{
				`load_test.BadTableSyntax._: bad tag: check=(id > 0): want check=NAME(EXPR)`,
				`load_test.BadTableSyntax._: bad tag: option=ENGINE: want option=NAME=VALUE, e.g. option=ENGINE=InnoDB`,
				`load_test.BadTableSyntax._: bad tag: unique=u(lower(x)): a unique constraint takes column names, not "lower(x)" (use uindex= for expressions)`,
			},
		},
		{
			name:   "duplicate index name",
			models: []any{BadDupName{}},
			want:   []string{`load_test.BadDupName._: duplicate index or constraint name "ix_bad_dup_name_email" in table bad_dup_name`},
			is:     load.ErrDuplicateName,
		},
		{
			name:   "embedded struct with a name",
			models: []any{BadEmbeddedTag{}},
			want:   []string{`load_test.BadEmbeddedTag.TimestampMixin: bad tag: an embedded struct's fields are columns of this table; its db tag may only be "-"`},
		},
		{
			name:   "autoincrement on a string",
			models: []any{BadAuto{}},
			want:   []string{`load_test.BadAuto.Name: bad tag: autoincrement needs an integer column, not string`},
		},
		{
			name:   "stored without generated",
			models: []any{BadStored{}},
			want:   []string{`load_test.BadStored.Sum: bad tag: stored needs generated=EXPR`},
		},
		{
			name:   "enums: bad declaration, different values, undeclared",
			models: []any{BadEnumDecl{}, BadEnumOther{}},
			want: []string{
				`load_test.BadEnumDecl.Bad: bad tag: enum=(x): want enum=NAME(value, ...)`,
				`load_test.BadEnumOther.Mood: enum declared with different values: enum "mood" is (happy, angry) here but (happy, sad) in load_test.BadEnumDecl.Mood`,
				`load_test.BadEnumOther.Nope: bad tag: enum "undeclared" is not declared; write enum=undeclared(value, ...) on one field`,
			},
		},
		{
			name:   "column name that looks like an option",
			models: []any{BadOptionName{}},
			want:   []string{`load_test.BadOptionName.Name: bad tag: column name "type=text" looks like an option; start the tag with a comma: db:",type=text"`},
		},
		{
			name:   "bad identity",
			models: []any{BadIdentity{}},
			want:   []string{`load_test.BadIdentity.ID: bad tag: identity=sometimes: want identity, identity=always or identity=by_default`},
		},
		{
			name:   "foreign key to a missing column of a model",
			models: []any{BadRef{}, RefTarget{}},
			want:   []string{`load_test.BadRef.TargetID: unknown column "idd" in fk target ref_target(idd); did you mean "id"?`},
			is:     load.ErrUnknownColumn,
		},
		{
			name:   "alias suggestion",
			models: []any{BadAlias{}},
			want:   []string{`load_test.BadAlias.ID: unknown tag option "primary_key"; did you mean "pk"?`},
		},
		{
			name:   "index and unique groups that clash",
			models: []any{BadGroups{}},
			want: []string{
				`load_test.BadGroups.B: duplicate index or constraint name "ix_bad_groups_a" in table bad_groups (also from field A)`,
				`load_test.BadGroups.D: conflicting tag options: index "ix_c" gets different index_where/index_method from fields C and D`,
				`load_test.BadGroups.E: duplicate index or constraint name "ix_c" in table bad_groups (also from field C)`,
			},
		},
		{
			name:   "bad enum values",
			models: []any{BadEnumValues{}},
			want: []string{
				`load_test.BadEnumValues.A: bad tag: enum=a(x,x): value "x" twice`,
				`load_test.BadEnumValues.B: bad tag: enum=b(x,''): empty value`,
				`load_test.BadEnumValues.C: bad tag: enum=c(): no values`,
			},
		},
		{
			name:   "unclosed parenthesis in a table option",
			models: []any{BadTableTwice{}},
			want: []string{
				`load_test.BadTableTwice._: bad tag: unclosed "(" in uindex=u(x`,
			},
		},
		{
			name:   "table option given twice, unique without columns",
			models: []any{BadTableTwice2{}},
			want: []string{
				`load_test.BadTableTwice2._: bad tag: table given twice`,
				`load_test.BadTableTwice2._: bad tag: unique=u(): no columns`,
			},
		},
		{
			name: "anonymous struct without a table name",
			models: []any{struct {
				ID int64 `db:"id,pk"`
			}{}},
			want: []string{`struct { ID int64 "db:\"id,pk\"" }: bad tag: an anonymous struct needs a table name: add _ struct{} ` + "`" + `db:",table=NAME"` + "`"},
		},
		{
			name:   "table-level foreign keys",
			models: []any{BadTableFK{}, Membership{}},
			want: []string{
				`load_test.BadTableFK._: bad tag: fk=(user_id) membership(x): want references table(col, ...) after the columns, got "membership(x)"`,
				`load_test.BadTableFK._: unknown column "tem_id" in fk (unnamed); did you mean "team_id"?`,
				`load_test.BadTableFK._: unknown column "usr_id" in fk target membership(usr_id); did you mean "user_id"?`,
			},
		},
		{
			name:   "duplicate table",
			models: []any{DupTable1{}, DupTable2{}},
			want:   []string{`load_test.DupTable2: duplicate table "dup_table1": load_test.DupTable1 maps to it too`},
			is:     load.ErrDuplicateTable,
		},
		{
			name:   "all problems reported",
			models: []any{BadUnknown{}, User{}, BadFK{}},
			want: []string{
				`load_test.BadUnknown.Email: unknown tag option "uniq"; did you mean "unique"?`,
				`load_test.BadFK.TeamID: bad tag: fk=teams: want fk=table.column or fk=schema.table.column`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := load.Models(tt.models, load.Options{})
			if err == nil {
				t.Fatalf("no error; schema %+v", s)
			}
			if len(s.Tables) != 0 {
				t.Errorf("schema with %d tables returned along with an error", len(s.Tables))
			}
			got := messages(t, err)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(err, %v) = false", tt.is)
			}
		})
	}
}

// messages returns the text of each *TagError joined in err.
func messages(t *testing.T, err error) []string {
	t.Helper()
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	var out []string
	for _, e := range errs {
		var te *load.TagError
		if !errors.As(e, &te) {
			t.Errorf("%v is not a *load.TagError", e)
		}
		out = append(out, e.Error())
	}
	return out
}

func TestTagError(t *testing.T) {
	t.Parallel()
	err := &load.TagError{Type: "models.User", Field: "Email", Pos: "models/user.go:14", Err: load.ErrUnknownOption}
	if got, want := err.Error(), "models.User.Email (models/user.go:14): unknown tag option"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, load.ErrUnknownOption) {
		t.Error("errors.Is does not see the sentinel")
	}
	noPos := &load.TagError{Type: "models.User", Err: load.ErrNoColumns}
	if got, want := noPos.Error(), "models.User: no columns"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
