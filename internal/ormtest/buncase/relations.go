package buncase

import "github.com/uptrace/bun"

// relationCases are bun's relations with WithForeignKeys: belongs-to with
// and without join:, on_delete/on_update, has-one with join:, has-many
// (no key of its own) and m2m join tables.
func relationCases() []Case {
	return []Case{belongsToCase(), belongsToDefaultCase(), onDeleteCase(), hasOneCase(), hasManyCase(), m2mCase()}
}

func belongsToCase() Case {
	type Author struct {
		ID   int64 `bun:",pk,autoincrement"`
		Name string
	}
	type Book struct {
		ID       int64   `bun:",pk,autoincrement"`
		AuthorID int64   `bun:",notnull"`
		Author   *Author `bun:"rel:belongs-to,join:author_id=id"`
	}
	c := Case{Name: "rel:belongs-to join:", Models: []any{(*Author)(nil), (*Book)(nil)}}
	{
		type Book struct {
			ID       int64   `bun:",pk,autoincrement"`
			AuthorID int64   `bun:",notnull"`
			Author   *Author `bun:"rel:belongs-to,join:author_id=id"`
			EditorID *int64
			Editor   *Author `bun:"rel:belongs-to,join:editor_id=id"`
		}
		c.Edit = []any{(*Author)(nil), (*Book)(nil)}
	}
	return c
}

func belongsToDefaultCase() Case {
	type Team struct {
		ID int64 `bun:",pk,autoincrement"`
	}
	type Player struct {
		ID     int64 `bun:",pk,autoincrement"`
		TeamID int64
		Team   *Team `bun:"rel:belongs-to"`
	}
	c := Case{Name: "rel:belongs-to (derived join)", Models: []any{(*Team)(nil), (*Player)(nil)}}
	{
		type Player struct {
			ID     int64 `bun:",pk,autoincrement"`
			TeamID int64 `bun:",notnull"`
			Team   *Team `bun:"rel:belongs-to"`
		}
		c.Edit = []any{(*Team)(nil), (*Player)(nil)}
	}
	return c
}

func onDeleteCase() Case {
	type Folder struct {
		ID int64 `bun:",pk,autoincrement"`
	}
	type File struct {
		ID       int64   `bun:",pk,autoincrement"`
		FolderID *int64  ``
		Folder   *Folder `bun:"rel:belongs-to,join:folder_id=id,on_delete:CASCADE"`
	}
	c := Case{Name: "on_delete / on_update", Models: []any{(*Folder)(nil), (*File)(nil)}}
	{
		type File struct {
			ID       int64   `bun:",pk,autoincrement"`
			FolderID *int64  ``
			Folder   *Folder `bun:"rel:belongs-to,join:folder_id=id,on_delete:SET NULL,on_update:CASCADE"`
		}
		c.Edit = []any{(*Folder)(nil), (*File)(nil)}
	}
	return c
}

func hasOneCase() Case {
	type Avatar struct {
		ID  int64 `bun:",pk,autoincrement"`
		URL string
	}
	type Owner struct {
		ID       int64   `bun:",pk,autoincrement"`
		AvatarID int64   `bun:",notnull"`
		Avatar   *Avatar `bun:"rel:has-one,join:avatar_id=id"`
	}
	c := Case{Name: "rel:has-one join:", Models: []any{(*Avatar)(nil), (*Owner)(nil)}}
	{
		type Owner struct {
			ID       int64   `bun:",pk,autoincrement"`
			AvatarID int64   `bun:",notnull"`
			Avatar   *Avatar `bun:"rel:has-one,join:avatar_id=id"`
			Backup   *int64
			Spare    *Avatar `bun:"rel:has-one,join:backup=id"`
		}
		c.Edit = []any{(*Avatar)(nil), (*Owner)(nil)}
	}
	return c
}

func hasManyCase() Case {
	type Comment struct {
		ID     int64 `bun:",pk,autoincrement"`
		PostID int64 `bun:",notnull"`
	}
	type Post struct {
		ID       int64      `bun:",pk,autoincrement"`
		Comments []*Comment `bun:"rel:has-many,join:id=post_id"`
	}
	c := Case{Name: "rel:has-many", Models: []any{(*Post)(nil), (*Comment)(nil)}}
	{
		type Comment struct {
			ID     int64 `bun:",pk,autoincrement"`
			PostID int64 `bun:",notnull"`
			Body   string
		}
		type Post struct {
			ID       int64      `bun:",pk,autoincrement"`
			Comments []*Comment `bun:"rel:has-many,join:id=post_id"`
		}
		c.Edit = []any{(*Post)(nil), (*Comment)(nil)}
	}
	return c
}

// m2m: orders and items through order_to_items, as bun's documentation
// writes it.
type (
	// Order has many items through OrderToItem.
	Order struct {
		ID    int64   `bun:",pk,autoincrement"`
		Items []*Item `bun:"m2m:order_to_items,join:Order=Item"`
	}
	// Item is ordered.
	Item struct {
		ID int64 `bun:",pk,autoincrement"`
	}
	// OrderToItem is the join table.
	OrderToItem struct {
		OrderID int64  `bun:",pk"`
		Order   *Order `bun:"rel:belongs-to,join:order_id=id"`
		ItemID  int64  `bun:",pk"`
		Item    *Item  `bun:"rel:belongs-to,join:item_id=id"`
	}
	// OrderToItem2 is OrderToItem with a quantity.
	OrderToItem2 struct {
		bun.BaseModel `bun:"table:order_to_items"`
		OrderID       int64  `bun:",pk"`
		Order         *Order `bun:"rel:belongs-to,join:order_id=id"`
		ItemID        int64  `bun:",pk"`
		Item          *Item  `bun:"rel:belongs-to,join:item_id=id"`
		Qty           int32  `bun:",notnull,default:1"`
	}
)

func m2mCase() Case {
	c := Case{Name: "m2m join table", Register: []any{(*OrderToItem)(nil)},
		Models: []any{(*Order)(nil), (*Item)(nil), (*OrderToItem)(nil)}}
	c.EditRegister = []any{(*OrderToItem2)(nil)}
	c.Edit = []any{(*Order)(nil), (*Item)(nil), (*OrderToItem2)(nil)}
	return c
}
