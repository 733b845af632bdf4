package gormcase

import "github.com/retortdb/retort/internal/ormtest/gormcase/m2medit"

// relationCases are GORM's relations: belongs-to, has-one, has-many,
// many2many join tables, constraint actions and custom keys.
func relationCases() []Case {
	return []Case{
		belongsToCase(), hasOneCase(), hasManyCase(), selfReferenceCase(), constraintCase(),
		foreignKeyReferencesCase(), nonUniqueTargetCase(), keyTypeCase(),
		many2manyCase(), many2manyCustomCase(), many2manySelfCase(), many2manyBothSidesCase(),
	}
}

func belongsToCase() Case {
	type Company struct {
		ID   int
		Name string
	}
	type Employee struct {
		ID        uint
		Name      string
		CompanyID int
		Company   Company
	}
	c := Case{Name: "belongs-to", Models: []any{&Company{}, &Employee{}}}
	{
		type Employee struct {
			ID        uint
			Name      string
			CompanyID int
			Company   Company `gorm:"constraint:OnDelete:CASCADE"`
		}
		c.Edit = []any{&Company{}, &Employee{}}
	}
	return c
}

func hasOneCase() Case {
	type CreditCard struct {
		ID     uint
		Number string
		UserID uint
	}
	type User struct {
		ID         uint
		CreditCard CreditCard
	}
	c := Case{Name: "has-one", Models: []any{&User{}, &CreditCard{}}}
	{
		type User struct {
			ID         uint
			CreditCard CreditCard `gorm:"constraint:OnUpdate:CASCADE,OnDelete:SET NULL"`
		}
		c.Edit = []any{&User{}, &CreditCard{}}
	}
	return c
}

func hasManyCase() Case {
	type Order struct {
		ID         uint
		CustomerID uint
		Total      int
	}
	type Customer struct {
		ID     uint
		Orders []Order
	}
	c := Case{Name: "has-many", Models: []any{&Customer{}, &Order{}}}
	{
		type Customer struct {
			ID     uint
			Orders []Order `gorm:"constraint:OnDelete:CASCADE"`
		}
		c.Edit = []any{&Customer{}, &Order{}}
	}
	return c
}

func selfReferenceCase() Case {
	type Category struct {
		ID       uint
		Name     string
		ParentID *uint
		Parent   *Category
	}
	c := Case{Name: "self-referential belongs-to", Models: []any{&Category{}}}
	{
		type Category struct {
			ID       uint
			Name     string
			ParentID *uint
			Parent   *Category `gorm:"constraint:OnDelete:SET NULL"`
		}
		c.Edit = []any{&Category{}}
	}
	return c
}

func constraintCase() Case {
	type Team struct {
		ID   uint
		Name string
	}
	type Player struct {
		ID     uint
		TeamID *uint
		Team   Team `gorm:"constraint:OnUpdate:CASCADE,OnDelete:SET NULL"`
	}
	c := Case{Name: "constraint:OnDelete/OnUpdate", Models: []any{&Team{}, &Player{}}}
	{
		type Player struct {
			ID     uint
			TeamID *uint
			Team   Team `gorm:"constraint:fk_player_team,OnDelete:RESTRICT"`
		}
		c.Edit = []any{&Team{}, &Player{}}
	}
	return c
}

func foreignKeyReferencesCase() Case {
	type Owner struct {
		ID   uint
		Code string `gorm:"size:20;uniqueIndex"`
	}
	type Pet struct {
		ID        uint
		OwnerCode string `gorm:"size:20"`
		Owner     Owner  `gorm:"foreignKey:OwnerCode;references:Code"`
	}
	c := Case{Name: "foreignKey/references", Models: []any{&Owner{}, &Pet{}}}
	{
		type Pet struct {
			ID        uint
			OwnerCode string `gorm:"size:20"`
			Owner     Owner  `gorm:"foreignKey:OwnerCode;references:Code;constraint:OnDelete:CASCADE"`
		}
		c.Edit = []any{&Owner{}, &Pet{}}
	}
	return c
}

func nonUniqueTargetCase() Case {
	type Shelf struct {
		ID   uint
		Zone string `gorm:"size:10;index"`
	}
	// Shelf has a Zone field too, so GORM reads the relation as has-one:
	// the key is on shelves.zone, referencing boxes.zone (indexed, not
	// unique). PostgreSQL refuses a foreign key whose target is not unique.
	type Box struct {
		ID    uint
		Zone  string `gorm:"size:10;index"`
		Shelf Shelf  `gorm:"foreignKey:Zone;references:Zone"`
	}
	// boxes first: shelves' CREATE TABLE carries the key to it.
	c := Case{Name: "foreign key to a non-unique column", Models: []any{&Box{}, &Shelf{}}, Dialects: []string{"sqlite", "mysql"}}
	{
		type Box struct {
			ID    uint
			Zone  string `gorm:"size:10;index"`
			Shelf Shelf  `gorm:"foreignKey:Zone;references:Zone"`
			Label string
		}
		c.Edit = []any{&Box{}, &Shelf{}}
	}
	return c
}

func keyTypeCase() Case {
	type Account struct {
		ID   uint
		Name string
	}
	// AccountID is an int, the key a uint: GORM gives the column the key's
	// type (bigint unsigned on MySQL, where an int would refuse the key).
	type Invoice struct {
		ID        uint
		AccountID int
		Account   Account
	}
	c := Case{Name: "foreign key takes its key's type", Models: []any{&Account{}, &Invoice{}}}
	{
		type Invoice struct {
			ID        uint
			AccountID int
			Account   Account
			Amount    int
		}
		c.Edit = []any{&Account{}, &Invoice{}}
	}
	return c
}

func many2manyCase() Case {
	type Language struct {
		ID   uint
		Name string
	}
	type User struct {
		ID        uint
		Languages []Language `gorm:"many2many:user_languages"`
	}
	c := Case{Name: "many2many", Models: []any{&User{}, &Language{}}}
	{
		type Skill struct {
			ID   uint
			Name string
		}
		type User struct {
			ID        uint
			Languages []Language `gorm:"many2many:user_languages"`
			Skills    []Skill    `gorm:"many2many:UserSkills"`
		}
		c.Edit = []any{&User{}, &Language{}, &Skill{}}
	}
	return c
}

func many2manyCustomCase() Case {
	type Role struct {
		ID   uint
		Name string `gorm:"size:30;uniqueIndex"`
	}
	type Account struct {
		ID    uint
		Login string `gorm:"size:30;uniqueIndex"`
		Roles []Role `gorm:"many2many:account_roles;foreignKey:Login;joinForeignKey:AccountLogin;references:Name;joinReferences:RoleName"`
	}
	c := Case{Name: "many2many joinForeignKey/joinReferences", Models: []any{&Account{}, &Role{}}}
	{
		type Account struct {
			ID    uint
			Login string `gorm:"size:30;uniqueIndex"`
			Roles []Role `gorm:"many2many:account_roles;foreignKey:Login;joinForeignKey:AccountLogin;references:Name;joinReferences:RoleName;constraint:OnDelete:CASCADE"`
		}
		c.Edit = []any{&Account{}, &Role{}}
	}
	return c
}

func many2manySelfCase() Case {
	type Person struct {
		ID      uint
		Name    string
		Friends []*Person `gorm:"many2many:person_friends"`
	}
	c := Case{Name: "many2many self-referential", Models: []any{&Person{}}}
	{
		type Person struct {
			ID        uint
			Name      string
			Friends   []*Person `gorm:"many2many:person_friends"`
			Followers []*Person `gorm:"many2many:person_followers"`
		}
		c.Edit = []any{&Person{}}
	}
	return c
}

// Author and Book declare one many2many from both sides.
type Author struct {
	ID    uint
	Name  string
	Books []Book `gorm:"many2many:author_books"`
}

// Book is Author's other side.
type Book struct {
	ID      uint
	Title   string
	Authors []Author `gorm:"many2many:author_books"`
}

func many2manyBothSidesCase() Case {
	return Case{Name: "many2many from both sides", Models: []any{&Author{}, &Book{}}, Edit: []any{&m2medit.Author{}, &m2medit.Book{}}}
}
