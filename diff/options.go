package diff

// Options shapes the comparison. The zero value compares everything.
type Options struct {
	// IgnoreTypes turns type comparison off (Alembic's compare_type=False).
	IgnoreTypes bool
	// IgnoreServerDefaults turns server-default comparison off.
	IgnoreServerDefaults bool
}
