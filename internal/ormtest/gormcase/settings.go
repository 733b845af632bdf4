package gormcase

import "time"

// settingCases are the settings of gorm.Config, the naming strategy and
// mysql.Config that change what AutoMigrate creates.
func settingCases() []Case {
	return []Case{tablePrefixCase(), singularTableCase(), disableFKCase(), stringSizeCase(), datetimePrecisionCase()}
}

func tablePrefixCase() Case {
	type Tenant struct {
		ID   uint
		Name string `gorm:"index"`
	}
	type Seat struct {
		ID       uint
		TenantID uint
		Tenant   Tenant
	}
	c := Case{Name: "NamingStrategy TablePrefix", Settings: Settings{TablePrefix: "app_"}, Models: []any{&Tenant{}, &Seat{}}}
	{
		type Tenant struct {
			ID   uint
			Name string `gorm:"index"`
			Plan string `gorm:"size:10"`
		}
		type Seat struct {
			ID       uint
			TenantID uint
			Tenant   Tenant
		}
		c.Edit = []any{&Tenant{}, &Seat{}}
	}
	return c
}

func singularTableCase() Case {
	type Category struct {
		ID   uint
		Name string
	}
	c := Case{Name: "NamingStrategy SingularTable", Settings: Settings{SingularTable: true}, Models: []any{&Category{}}}
	{
		type Category struct {
			ID   uint
			Name string
			Slug string `gorm:"uniqueIndex;size:40"`
		}
		c.Edit = []any{&Category{}}
	}
	return c
}

func disableFKCase() Case {
	type Store struct {
		ID   uint
		Name string
	}
	type Sale struct {
		ID      uint
		StoreID uint
		Store   Store
	}
	c := Case{Name: "DisableForeignKeyConstraintWhenMigrating", Settings: Settings{DisableFK: true}, Models: []any{&Store{}, &Sale{}}}
	{
		type Sale struct {
			ID      uint
			StoreID uint
			Store   Store
			Amount  int
		}
		c.Edit = []any{&Store{}, &Sale{}}
	}
	return c
}

func stringSizeCase() Case {
	type Contact struct {
		ID    uint
		Name  string
		Email string `gorm:"index"`
	}
	c := Case{Name: "mysql DefaultStringSize", Settings: Settings{DefaultStringSize: 256}, Models: []any{&Contact{}}}
	{
		type Contact struct {
			ID    uint
			Name  string
			Email string `gorm:"index"`
			Phone string
		}
		c.Edit = []any{&Contact{}}
	}
	return c
}

func datetimePrecisionCase() Case {
	six := 6
	type Reading struct {
		ID      uint
		TakenAt time.Time
		Exact   time.Time `gorm:"precision:0"`
	}
	c := Case{Name: "mysql DefaultDatetimePrecision", Settings: Settings{DefaultDatetimePrecision: &six}, Models: []any{&Reading{}}}
	{
		type Reading struct {
			ID      uint
			TakenAt time.Time
			Exact   time.Time `gorm:"precision:0"`
			SentAt  *time.Time
		}
		c.Edit = []any{&Reading{}}
	}
	return c
}
