package model

// Extension is a PostgreSQL extension a database has (CREATE EXTENSION):
// the types, functions and operators it installs are what columns,
// defaults and indexes of the schema may use (citext, pg_trgm, postgis).
//
// Extensions are matched by name. The version is reflected for the
// record but not compared (which version to run is the server's
// packaging and an upgrade's decision: ALTER EXTENSION ... UPDATE is
// written by hand), and neither is the schema the extension was installed
// into once it exists.
type Extension struct {
	Name string
	// Schema is the schema the extension's objects go into ("" for the
	// default one).
	Schema string
	// Version is the installed version; "" from models. Not compared.
	Version string
}

// Extension returns the extension with the given name.
func (s *Schema) Extension(name string) (Extension, bool) {
	for _, e := range s.Extensions {
		if e.Name == name {
			return e, true
		}
	}
	return Extension{}, false
}
