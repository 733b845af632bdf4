package model

// Family is the tag family a model's fields are written in.
type Family int

// Tag families. A model uses one; the struct loader (package
// github.com/retortdb/retort/load) detects it per struct.
const (
	// FamilyDB is retort's own db tag (sqlx's name-first form); a struct
	// with no tags at all is read as FamilyDB too.
	FamilyDB Family = iota
	// FamilyGORM is gorm:"..." tags, read with GORM's conventions.
	FamilyGORM
	// FamilyBun is bun:"..." tags, read with bun's conventions.
	FamilyBun
)

// String returns the family's tag key: db, gorm or bun.
func (f Family) String() string {
	switch f {
	case FamilyGORM:
		return "gorm"
	case FamilyBun:
		return "bun"
	}
	return "db"
}
