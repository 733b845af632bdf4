package buncase

import "github.com/uptrace/bun"

// keyCases are bun's keys and table names: primary keys (auto-increment,
// identity, natural, composite), unique constraints (bare and named
// groups) and bun.BaseModel's table tag.
func keyCases() []Case {
	return []Case{
		autoincrementCase(), plainPKCase(), stringPKCase(), compositePKCase(), identityCase(),
		uniqueCase(), uniqueGroupCase(), createIndexCase(), tableTagCase(), tableNameFormCase(), conventionCase(), extendCase(),
	}
}

func autoincrementCase() Case {
	type Widget struct {
		ID   int64 `bun:",pk,autoincrement"`
		Name string
	}
	c := Case{Name: "pk,autoincrement", Models: []any{(*Widget)(nil)}}
	{
		type Widget struct {
			ID    int64 `bun:",pk,autoincrement"`
			Name  string
			Count int32 `bun:",notnull,default:0"`
		}
		c.Edit = []any{(*Widget)(nil)}
	}
	return c
}

func plainPKCase() Case {
	type Gadget struct {
		ID   int64 `bun:",pk"`
		Name string
	}
	c := Case{Name: "pk (no autoincrement)", Models: []any{(*Gadget)(nil)}}
	{
		type Gadget struct {
			ID   int64  `bun:",pk"`
			Name string `bun:",notnull"`
		}
		c.Edit = []any{(*Gadget)(nil)}
	}
	return c
}

func stringPKCase() Case {
	type Country struct {
		Code string `bun:",pk,type:varchar(2)"`
		Name string
	}
	c := Case{Name: "string pk", Models: []any{(*Country)(nil)}}
	{
		type Country struct {
			Code string `bun:",pk,type:varchar(3)"`
			Name string
		}
		c.Edit = []any{(*Country)(nil)}
	}
	return c
}

func compositePKCase() Case {
	type Membership struct {
		OrgID  int64 `bun:",pk"`
		UserID int64 `bun:",pk"`
		Role   string
	}
	c := Case{Name: "composite pk", Models: []any{(*Membership)(nil)}}
	{
		type Membership struct {
			OrgID  int64  `bun:",pk"`
			UserID int64  `bun:",pk"`
			Role   string `bun:",notnull,default:'member'"`
		}
		c.Edit = []any{(*Membership)(nil)}
	}
	return c
}

func identityCase() Case {
	type Invoice struct {
		ID    int64 `bun:",pk,identity"`
		Total float64
	}
	c := Case{Name: "identity", Dialects: []string{"postgres"}, Models: []any{(*Invoice)(nil)}}
	{
		type Invoice struct {
			ID    int64 `bun:",pk,identity"`
			Total float64
			Paid  bool `bun:",notnull,default:false"`
		}
		c.Edit = []any{(*Invoice)(nil)}
	}
	return c
}

func uniqueCase() Case {
	type Member struct {
		ID    int64  `bun:",pk,autoincrement"`
		Email string `bun:",unique,notnull"`
		Nick  string
	}
	c := Case{Name: "unique", Models: []any{(*Member)(nil)}}
	{
		type Member struct {
			ID    int64  `bun:",pk,autoincrement"`
			Email string `bun:",unique,notnull"`
			Nick  string `bun:",unique"`
		}
		c.Edit = []any{(*Member)(nil)}
	}
	return c
}

func uniqueGroupCase() Case {
	type Login struct {
		ID     int64  `bun:",pk,autoincrement"`
		Org    string `bun:",unique:uq_login_org_name,notnull"`
		Name   string `bun:",unique:uq_login_org_name,notnull"`
		Domain string
	}
	c := Case{Name: "unique:group", Models: []any{(*Login)(nil)}}
	{
		type Login struct {
			ID     int64  `bun:",pk,autoincrement"`
			Org    string `bun:",unique:uq_login_org_name,notnull"`
			Name   string `bun:",unique:uq_login_org_name,notnull"`
			Domain string `bun:",unique:uq_login_org_name"`
		}
		c.Edit = []any{(*Login)(nil)}
	}
	return c
}

func tableTagCase() Case {
	type User struct {
		bun.BaseModel `bun:"table:app_users,alias:u"`
		ID            int64 `bun:",pk,autoincrement"`
		Name          string
	}
	c := Case{Name: "BaseModel table:,alias:", Models: []any{(*User)(nil)}}
	{
		type User struct {
			bun.BaseModel `bun:"table:app_users,alias:u"`
			ID            int64 `bun:",pk,autoincrement"`
			Name          string
			Email         string
		}
		c.Edit = []any{(*User)(nil)}
	}
	return c
}

func tableNameFormCase() Case {
	type Person struct {
		bun.BaseModel `bun:"people_table,alias:p"`
		ID            int64 `bun:",pk,autoincrement"`
	}
	c := Case{Name: "BaseModel name form", Models: []any{(*Person)(nil)}}
	{
		type Person struct {
			bun.BaseModel `bun:"people_table,alias:p"`
			ID            int64 `bun:",pk,autoincrement"`
			Age           int32
		}
		c.Edit = []any{(*Person)(nil)}
	}
	return c
}

func conventionCase() Case {
	type OrderLine struct {
		ID  int64 `bun:",pk,autoincrement"`
		Qty int32
	}
	type Category struct {
		ID int64 `bun:",pk,autoincrement"`
	}
	c := Case{Name: "table name convention", Models: []any{(*OrderLine)(nil), (*Category)(nil)}}
	{
		type OrderLine struct {
			ID  int64 `bun:",pk,autoincrement"`
			Qty int32
		}
		type Category struct {
			ID   int64 `bun:",pk,autoincrement"`
			Name string
		}
		c.Edit = []any{(*OrderLine)(nil), (*Category)(nil)}
	}
	return c
}

// BaseAccount is a model other models extend.
type BaseAccount struct {
	bun.BaseModel `bun:"table:accounts"`
	ID            int64 `bun:",pk,autoincrement"`
	Name          string
}

func extendCase() Case {
	type AccountWithPlan struct {
		BaseAccount `bun:",extend"`
		Plan        string
	}
	c := Case{Name: "extend", Models: []any{(*AccountWithPlan)(nil)}}
	{
		type AccountWithPlan struct {
			BaseAccount `bun:",extend"`
			Plan        string `bun:",notnull,default:'free'"`
		}
		c.Edit = []any{(*AccountWithPlan)(nil)}
	}
	return c
}

func createIndexCase() Case {
	// bun has no index tag: the index bun's CreateIndex makes is declared
	// with a blank field's db table option, which every family reads.
	type Event struct {
		_    struct{} `db:",index=ix_events_kind_at(kind, at),uindex=ux_events_ref(ref)"`
		ID   int64    `bun:",pk,autoincrement"`
		Kind string   `bun:",notnull"`
		At   int64    `bun:",notnull"`
		Ref  string   `bun:",notnull"`
	}
	c := Case{Name: "CreateIndex + db index option", Models: []any{(*Event)(nil)}}
	c.Indexes = []Index{
		{Model: (*Event)(nil), Name: "ix_events_kind_at", Columns: []string{"kind", "at"}},
		{Model: (*Event)(nil), Name: "ux_events_ref", Columns: []string{"ref"}, Unique: true},
	}
	{
		type Event struct {
			_    struct{} `db:",index=ix_events_kind_at(kind, at),uindex=ux_events_ref(ref),index=ix_events_at(at)"`
			ID   int64    `bun:",pk,autoincrement"`
			Kind string   `bun:",notnull"`
			At   int64    `bun:",notnull"`
			Ref  string   `bun:",notnull"`
		}
		c.Edit = []any{(*Event)(nil)}
		c.EditIndexes = []Index{
			{Model: (*Event)(nil), Name: "ix_events_kind_at", Columns: []string{"kind", "at"}},
			{Model: (*Event)(nil), Name: "ux_events_ref", Columns: []string{"ref"}, Unique: true},
			{Model: (*Event)(nil), Name: "ix_events_at", Columns: []string{"at"}},
		}
	}
	return c
}
