package dialect

// ScratchFile is implemented by dialects whose databases are local files
// (SQLite): `retort check --migrations` makes its throwaway database as a
// file in a temporary directory.
type ScratchFile interface {
	// ScratchFileURL returns the database URL of the file at path.
	ScratchFileURL(path string) string
}

// ScratchServer is implemented by dialects whose throwaway database is
// made on a development server (`retort check --migrations --dev-url`):
// CREATE DATABASE before the check, DROP DATABASE after it.
type ScratchServer interface {
	// DevURLExample returns a server URL to show in the message that asks
	// for --dev-url.
	DevURLExample() string
	// CreateDatabaseSQL returns the statement that creates the database
	// named quoted (a name already quoted by QuoteIdent).
	CreateDatabaseSQL(quoted string) string
	// DropDatabaseSQL returns statements that drop that database if it
	// exists, to try in order until one succeeds.
	DropDatabaseSQL(quoted string) []string
}
