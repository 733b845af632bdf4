package gormcase

// keyCases are GORM's primary keys, auto-increment, unique constraints and
// checks.
func keyCases() []Case {
	return []Case{
		idConventionCase(), compositeKeyCase(), stringKeyCase(), autoIncrementOffCase(),
		autoIncrementFieldCase(), uniqueCase(), keyUniqueCase(), checkCase(),
	}
}

func idConventionCase() Case {
	type Widget struct {
		ID   int64
		Name string
	}
	c := Case{Name: "id field is the key", Models: []any{&Widget{}}}
	{
		type Widget struct {
			ID    int64
			Name  string
			Color string `gorm:"size:16"`
		}
		c.Edit = []any{&Widget{}}
	}
	return c
}

func compositeKeyCase() Case {
	type Translation struct {
		Key    string `gorm:"primaryKey;size:64"`
		Locale string `gorm:"primaryKey;size:8"`
		Text   string
	}
	c := Case{Name: "composite primaryKey", Models: []any{&Translation{}}}
	{
		type Translation struct {
			Key      string `gorm:"primaryKey;size:64"`
			Locale   string `gorm:"primaryKey;size:8"`
			Text     string
			Reviewed bool
		}
		c.Edit = []any{&Translation{}}
	}
	return c
}

func stringKeyCase() Case {
	type Coupon struct {
		Code    string `gorm:"primaryKey"`
		Percent int
	}
	c := Case{Name: "string primaryKey", Models: []any{&Coupon{}}}
	{
		type Coupon struct {
			Code    string `gorm:"primaryKey"`
			Percent int
			Note    string
		}
		c.Edit = []any{&Coupon{}}
	}
	return c
}

func autoIncrementOffCase() Case {
	type Region struct {
		ID   uint `gorm:"primaryKey;autoIncrement:false"`
		Name string
	}
	c := Case{Name: "autoIncrement:false", Models: []any{&Region{}}}
	{
		type Region struct {
			ID   uint `gorm:"primaryKey;autoIncrement:false"`
			Name string
			Code string `gorm:"size:3"`
		}
		c.Edit = []any{&Region{}}
	}
	return c
}

func autoIncrementFieldCase() Case {
	type Ticket struct {
		Number int32 `gorm:"primaryKey;autoIncrement"`
		Title  string
	}
	c := Case{Name: "autoIncrement on a named key", Models: []any{&Ticket{}}}
	{
		type Ticket struct {
			Number int32 `gorm:"primaryKey;autoIncrement"`
			Title  string
			Owner  string
		}
		c.Edit = []any{&Ticket{}}
	}
	return c
}

func uniqueCase() Case {
	type Member struct {
		ID     uint
		Email  string `gorm:"unique;size:120"`
		Handle string `gorm:"size:40"`
	}
	c := Case{Name: "unique", Models: []any{&Member{}}}
	{
		type Member struct {
			ID     uint
			Email  string `gorm:"unique;size:120"`
			Handle string `gorm:"unique;size:40"`
		}
		c.Edit = []any{&Member{}}
	}
	return c
}

func keyUniqueCase() Case {
	type Serial struct {
		ID   uint `gorm:"primaryKey;unique"`
		Name string
	}
	c := Case{Name: "primaryKey + unique", Models: []any{&Serial{}}}
	{
		type Serial struct {
			ID    uint `gorm:"primaryKey;unique"`
			Name  string
			Batch int
		}
		c.Edit = []any{&Serial{}}
	}
	return c
}

func checkCase() Case {
	type Stock struct {
		ID    uint
		Qty   int    `gorm:"check:qty >= 0"`
		Name  string `gorm:"size:50;check:name_not_empty,name <> ''"`
		Price int    `gorm:"check:,price > 0"`
	}
	c := Case{Name: "check:", Models: []any{&Stock{}}}
	{
		type Stock struct {
			ID    uint
			Qty   int    `gorm:"check:qty >= 1"`
			Name  string `gorm:"size:50;check:name_not_empty,name <> ''"`
			Price int    `gorm:"check:,price > 0"`
		}
		c.Edit = []any{&Stock{}}
	}
	return c
}
