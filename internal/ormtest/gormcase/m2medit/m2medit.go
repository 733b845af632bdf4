// Package m2medit holds the edited models of the "many2many from both
// sides" case: GORM names join columns after the Go type names, so the
// edited types keep the names Author and Book in a package of their own.
package m2medit

// Author declares the many2many to Book.
type Author struct {
	ID    uint
	Name  string
	Books []Book `gorm:"many2many:author_books"`
}

// Book declares it back, and has one more field than before.
type Book struct {
	ID      uint
	Title   string
	Year    int
	Authors []Author `gorm:"many2many:author_books"`
}
