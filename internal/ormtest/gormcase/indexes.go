package gormcase

import "gorm.io/gorm"

// indexCases are GORM's index: and uniqueIndex: settings.
func indexCases() []Case {
	return []Case{
		indexCase(), indexNamedCompositeCase(), uniqueIndexCase(), uniqueIndexCompositeCase(),
		indexSortCase(), indexWhereCase(), indexTypeCase(), indexLengthCase(), indexExpressionCase(),
		indexFulltextCase(), softDeleteCase(), longNameCase(),
	}
}

func indexCase() Case {
	type Post struct {
		ID     uint
		Author string `gorm:"index;size:60"`
		Score  int
	}
	c := Case{Name: "index", Models: []any{&Post{}}}
	{
		type Post struct {
			ID     uint
			Author string `gorm:"index;size:60"`
			Score  int    `gorm:"index"`
		}
		c.Edit = []any{&Post{}}
	}
	return c
}

func indexNamedCompositeCase() Case {
	type Visit struct {
		ID   uint
		Site string `gorm:"size:80;index:idx_site_day"`
		Day  int    `gorm:"index:idx_site_day"`
		Hits int
	}
	c := Case{Name: "index:NAME composite", Models: []any{&Visit{}}}
	{
		type Visit struct {
			ID   uint
			Site string `gorm:"size:80;index:idx_site_day"`
			Day  int    `gorm:"index:idx_site_day"`
			Hits int    `gorm:"index:idx_site_day"`
		}
		c.Edit = []any{&Visit{}}
	}
	return c
}

func uniqueIndexCase() Case {
	type User struct {
		ID    uint
		Email string `gorm:"uniqueIndex;size:150"`
		Login string `gorm:"uniqueIndex:idx_login;size:40"`
	}
	c := Case{Name: "uniqueIndex (default and named)", Models: []any{&User{}}}
	{
		type User struct {
			ID    uint
			Email string `gorm:"uniqueIndex;size:150"`
			Login string `gorm:"uniqueIndex:idx_login_v2;size:40"`
		}
		c.Edit = []any{&User{}}
	}
	return c
}

func uniqueIndexCompositeCase() Case {
	type Seat struct {
		ID    uint
		Row   string `gorm:"size:4;uniqueIndex:idx_seat,priority:2"`
		Show  uint   `gorm:"uniqueIndex:idx_seat,priority:1"`
		Place int    `gorm:"uniqueIndex:idx_seat,priority:3"`
	}
	c := Case{Name: "uniqueIndex composite with priority", Models: []any{&Seat{}}}
	{
		type Seat struct {
			ID    uint
			Row   string `gorm:"size:4;uniqueIndex:idx_seat,priority:1"`
			Show  uint   `gorm:"uniqueIndex:idx_seat,priority:2"`
			Place int    `gorm:"uniqueIndex:idx_seat,priority:3"`
		}
		c.Edit = []any{&Seat{}}
	}
	return c
}

func indexSortCase() Case {
	type Score struct {
		ID     uint
		Points int `gorm:"index:,sort:desc"`
		Player string
	}
	c := Case{Name: "index sort:desc", Models: []any{&Score{}}}
	{
		type Score struct {
			ID     uint
			Points int    `gorm:"index:,sort:desc"`
			Player string `gorm:"size:30;index:,sort:desc"`
		}
		c.Edit = []any{&Score{}}
	}
	return c
}

func indexWhereCase() Case {
	type Job struct {
		ID     uint
		State  string `gorm:"size:10;index:idx_jobs_open,where:state = 'open'"`
		Worker string `gorm:"size:20"`
	}
	c := Case{Name: "index where: (partial)", SameOn: []string{"mysql"}, Models: []any{&Job{}}}
	{
		type Job struct {
			ID     uint
			State  string `gorm:"size:10;index:idx_jobs_open,where:state <> 'done'"`
			Worker string `gorm:"size:20"`
		}
		c.Edit = []any{&Job{}}
	}
	return c
}

func indexTypeCase() Case {
	type Doc struct {
		ID   uint
		Slug string `gorm:"size:50;index:,type:btree"`
		Kind string `gorm:"size:10"`
	}
	// SQLite has no USING clause: GORM's CREATE INDEX ... USING fails there.
	c := Case{Name: "index type:", Models: []any{&Doc{}}, Dialects: []string{"postgres", "mysql"}}
	{
		type Doc struct {
			ID   uint
			Slug string `gorm:"size:50;index:,type:btree"`
			Kind string `gorm:"size:10;index:,type:hash"`
		}
		c.Edit = []any{&Doc{}}
	}
	return c
}

func indexLengthCase() Case {
	type Article struct {
		ID    uint
		Title string `gorm:"size:200;index:,length:20"`
	}
	// Only MySQL has prefix indexes; the other drivers leave length: out.
	c := Case{Name: "index length: (MySQL prefix)", Models: []any{&Article{}}, Dialects: []string{"mysql"}}
	{
		type Article struct {
			ID    uint
			Title string `gorm:"size:200;index:,length:30"`
		}
		c.Edit = []any{&Article{}}
	}
	return c
}

func indexExpressionCase() Case {
	type Handle struct {
		ID   uint
		Name string `gorm:"size:40;index:idx_handles_lower,expression:lower(name)"`
	}
	c := Case{Name: "index expression:", Models: []any{&Handle{}}, Dialects: []string{"sqlite", "postgres"}}
	{
		type Handle struct {
			ID   uint
			Name string `gorm:"size:40;index:idx_handles_lower,expression:upper(name)"`
		}
		c.Edit = []any{&Handle{}}
	}
	return c
}

func indexFulltextCase() Case {
	type Page struct {
		ID   uint
		Body string `gorm:"size:500;index:idx_pages_body,class:FULLTEXT"`
	}
	c := Case{Name: "index class:FULLTEXT", Models: []any{&Page{}}, Dialects: []string{"mysql"}}
	{
		type Page struct {
			ID    uint
			Body  string `gorm:"size:500;index:idx_pages_body,class:FULLTEXT"`
			Title string `gorm:"size:100;index:idx_pages_title,class:FULLTEXT"`
		}
		c.Edit = []any{&Page{}}
	}
	return c
}

func softDeleteCase() Case {
	type Draft struct {
		ID        uint
		Body      string
		DeletedAt gorm.DeletedAt `gorm:"index"`
	}
	c := Case{Name: "gorm.DeletedAt soft delete index", Models: []any{&Draft{}}}
	{
		type Draft struct {
			ID         uint
			Body       string
			DeletedAt  gorm.DeletedAt `gorm:"index"`
			ArchivedAt gorm.DeletedAt
		}
		c.Edit = []any{&Draft{}}
	}
	return c
}

// NotificationPreferenceOverride has a long name: GORM's generated
// names pass 64 characters and are shortened with a hash.
type NotificationPreferenceOverride struct {
	ID                              uint
	SubscriberNotificationChannelID uint   `gorm:"index"`
	DeliveryWindowDescriptionText   string `gorm:"size:20;unique"`
}

// NotificationPreferenceOverride2 is its edit (same table).
type NotificationPreferenceOverride2 struct {
	ID                              uint
	SubscriberNotificationChannelID uint   `gorm:"index"`
	DeliveryWindowDescriptionText   string `gorm:"size:20;unique"`
	EscalationPolicyIdentifierValue int    `gorm:"check:escalation_policy_identifier_value >= 0"`
}

// TableName keeps the edit on the same table.
func (NotificationPreferenceOverride2) TableName() string { return "notification_preference_overrides" }

func longNameCase() Case {
	return Case{Name: "long generated names", Models: []any{&NotificationPreferenceOverride{}}, Edit: []any{&NotificationPreferenceOverride2{}}}
}
