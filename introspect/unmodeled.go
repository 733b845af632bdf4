package introspect

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

// ObjectKind is a kind of database object retort does not model: it is
// neither reflected into a model.Schema nor compared, and retort's SQL
// never drops or recreates it on purpose. Readers name such objects
// ([UnmodeledLister]) so that no command calls two databases equal
// without saying what it did not look at.
type ObjectKind string

// The kinds of object an [UnmodeledLister] names, in the order
// [NotCompared] prints them.
const (
	View             ObjectKind = "view"
	MaterializedView ObjectKind = "materialized view"
	// PartitionedTable is a table whose columns, keys and indexes are
	// compared, but not its partitioning.
	PartitionedTable ObjectKind = "partitioned table"
	// Partition is a partition of a partitioned table, not read at all.
	Partition    ObjectKind = "partition"
	VirtualTable ObjectKind = "virtual table"
	ForeignTable ObjectKind = "foreign table"
	Trigger      ObjectKind = "trigger"
	Function     ObjectKind = "function"
	Procedure    ObjectKind = "procedure"
	Aggregate    ObjectKind = "aggregate"
	Package      ObjectKind = "package"
	Event        ObjectKind = "event"
	Policy       ObjectKind = "policy"
	Rule         ObjectKind = "rule"
	Sequence     ObjectKind = "sequence"
	Domain       ObjectKind = "domain"
	// Type is a user-defined type other than an enum (composite, range).
	Type             ObjectKind = "type"
	Collation        ObjectKind = "collation"
	StatisticsObject ObjectKind = "statistics object"
	// Schema is another schema of the database than the one read: its
	// objects were not read at all (--schema, or env.go's IncludeSchemas,
	// reads it).
	Schema ObjectKind = "schema"
	// ColumnOrder is not an object but an attribute of a table (Name)
	// present on both sides: the order of its columns differs where the
	// dialect cannot place a column (PostgreSQL's ADD COLUMN appends and
	// retort never moves one), so it is not compared.
	ColumnOrder ObjectKind = "column order"
	// IndexOrder is, like ColumnOrder, an attribute of a table present on
	// both sides: the order the server lists its indexes in would differ
	// after the migration (MariaDB's SHOW CREATE TABLE; an added index
	// goes last in its group, and retort never recreates one to move it),
	// so it is not compared.
	IndexOrder ObjectKind = "index order"
	// CheckOrder is, like IndexOrder, an attribute of a table present on
	// both sides: the order the server lists its table-level checks in
	// would differ after the migration (MariaDB's SHOW CREATE TABLE; an
	// added check goes last, and retort never drops and adds one to move
	// it), so it is not compared.
	CheckOrder ObjectKind = "check order"
	// IndexUsing is not an object but an attribute of an index (Name, of
	// Table) present on both sides: whether its USING clause is written,
	// where the catalog keeps the clause only as written (MariaDB) and
	// the models do not say (GORM's type:, which its CREATE TABLE leaves
	// out and its CREATE INDEX writes; model.Index.MethodWrittenUnknown).
	// The database's index has none written; it is not compared.
	IndexUsing ObjectKind = "index USING as written"
)

var kindOrder = []ObjectKind{Schema, View, MaterializedView, PartitionedTable, Partition, VirtualTable, ForeignTable,
	Trigger, Function, Procedure, Aggregate, Package, Event, Policy, Rule, Sequence, Domain, Type, Collation, StatisticsObject, ColumnOrder, IndexOrder, CheckOrder, IndexUsing}

// Plural returns the kind's plural ("views", "policies").
func (k ObjectKind) Plural() string {
	s := string(k)
	if stem, ok := strings.CutSuffix(s, "y"); ok && !strings.HasSuffix(stem, "a") && !strings.HasSuffix(stem, "e") {
		return stem + "ies"
	}
	return s + "s"
}

// Object is one object retort does not model.
type Object struct {
	Kind ObjectKind
	// Schema is the object's schema: "" for the schema read (as tables are
	// reflected), else the name a qualified table would carry.
	Schema string
	// Name is the object's name; for a function or procedure, its name
	// and argument types.
	Name string
	// Table is the table a trigger, policy, rule or partition belongs to,
	// or "".
	Table string
}

// QualifiedName is "schema.name", or the name alone in the schema read;
// an object of a table reads "name on table".
func (o Object) QualifiedName() string {
	n := o.Name
	if o.Schema != "" {
		n = o.Schema + "." + n
	}
	if o.Table != "" {
		n += " on " + o.Table
	}
	return n
}

// UnmodeledLister is implemented by inspectors that can name the objects
// of a schema that retort does not model (views, triggers, functions,
// ...), with a constant number of catalog queries.
type UnmodeledLister interface {
	// Unmodeled lists them in opts.Schema, sorted by kind and name.
	// Objects of a table that opts.IncludeTable refuses are left out.
	Unmodeled(ctx context.Context, q Querier, opts Options) ([]Object, error)
}

// ListUnmodeled asks ins for the unmodeled objects of opts.Schema; an
// inspector that cannot list them yields none.
func ListUnmodeled(ctx context.Context, ins Inspector, q Querier, opts Options) ([]Object, error) {
	l, ok := ins.(UnmodeledLister)
	if !ok {
		return nil, nil
	}
	objs, err := l.Unmodeled(ctx, q, opts)
	if err != nil {
		return nil, fmt.Errorf("listing objects retort does not model: %w", err)
	}
	SortObjects(objs)
	return objs, nil
}

// SortObjects sorts objects by kind (in the order of the kind constants),
// then schema, table and name.
func SortObjects(objs []Object) {
	slices.SortFunc(objs, func(a, b Object) int {
		return cmp.Or(cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)), strings.Compare(string(a.Kind), string(b.Kind)),
			strings.Compare(a.Schema, b.Schema), strings.Compare(a.Table, b.Table), strings.Compare(a.Name, b.Name))
	})
}

func kindRank(k ObjectKind) int {
	if i := slices.Index(kindOrder, k); i >= 0 {
		return i
	}
	return len(kindOrder)
}

// maxNamed is how many names of one kind [NotCompared] lists.
const maxNamed = 8

// NotCompared is the one line every command prints about objects it did
// not compare, e.g. "not compared: 2 views (a, b), 1 trigger (t on
// posts)", or "column order of 1 table (t; ...)" for [ColumnOrder],
// "index order of 1 table (t; ...)" for [IndexOrder] (likewise
// [CheckOrder]), or "USING as written of 1 index (ix on t; ...)" for
// [IndexUsing]; where,
// when not empty, says where they are ("in --from"). It returns "" for
// none. Names beyond the first few of a kind are counted.
func NotCompared(where string, objs []Object) string {
	if len(objs) == 0 {
		return ""
	}
	objs = slices.Clone(objs)
	SortObjects(objs)
	var parts []string
	for i := 0; i < len(objs); {
		j := i
		for j < len(objs) && objs[j].Kind == objs[i].Kind {
			j++
		}
		n, noun := j-i, string(objs[i].Kind)
		if n != 1 {
			noun = objs[i].Kind.Plural()
		}
		var names []string
		for _, o := range objs[i:min(j, i+maxNamed)] {
			names = append(names, o.QualifiedName())
		}
		if n > maxNamed {
			names = append(names, fmt.Sprintf("%d more", n-maxNamed))
		}
		switch objs[i].Kind {
		case ColumnOrder:
			parts = append(parts, fmt.Sprintf("column order of %s (%s; added columns go last, none is moved)", tables(n), strings.Join(names, ", ")))
		case IndexOrder:
			parts = append(parts, fmt.Sprintf("index order of %s (%s; added indexes go last in their group, none is moved)", tables(n), strings.Join(names, ", ")))
		case CheckOrder:
			parts = append(parts, fmt.Sprintf("check order of %s (%s; added checks go last, none is moved)", tables(n), strings.Join(names, ", ")))
		case IndexUsing:
			noun = "index"
			if n != 1 {
				noun = "indexes"
			}
			parts = append(parts, fmt.Sprintf("USING as written of %d %s (%s; written in the models' tags, not in the database, and the tags do not say whether it is written)", n, noun, strings.Join(names, ", ")))
		default:
			parts = append(parts, fmt.Sprintf("%d %s (%s)", n, noun, strings.Join(names, ", ")))
		}
		i = j
	}
	head := "not compared"
	if where != "" {
		head += " " + where
	}
	return head + ": " + strings.Join(parts, ", ") + " (retort does not model these; review them by hand)"
}

// tables counts tables: "1 table", "2 tables".
func tables(n int) string {
	if n == 1 {
		return "1 table"
	}
	return fmt.Sprintf("%d tables", n)
}
