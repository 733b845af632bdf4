// Package load reads Go structs into a [model.Schema]: retort's db tags,
// GORM's and bun's tags, the source positions of the structs' fields, and
// the discovery of model structs in a package's source.
//
// # What it owns
//
// [Models] reads tagged struct values into the target schema; [Options]
// configures it. Problems come back as [*TagError] values wrapping the
// package's sentinels ([ErrUnknownOption], [ErrBadTag], ...).
// [SourcePositions] and [PackagePaths] find the file and line of each
// struct field, and [Discover] lists the model structs of a package
// directory; both read the source with go/parser, in one walk over a
// package's top-level declarations.
//
// # What it may import
//
// [github.com/retortdb/retort/model] and the standard library. The schema
// vocabulary (tables, columns, types, the naming helpers) is model's; load
// only fills it in.
//
// # Loading models
//
// [Models] reads the target schema from struct values (models.User{}); each
// struct is one table, in the order given. [SourcePositions] parses the
// models' package directories so that every [TagError] can name the file
// and line of the field at fault:
//
//	pos, err := load.SourcePositions("models")
//	schema, err := load.Models([]any{models.User{}, models.Team{}}, load.Options{Positions: pos})
//
// Models reports every problem at once (errors.Join of [*TagError] values),
// rendered as
//
//	models.User.Email (models/user.go:14): unknown tag option "uniq"; did you mean "unique"?
//
// [Options.Validate] checks the loaded schema against the target database
// (autogen passes the target dialect's checks); each [Problem] it returns
// becomes a [*TagError] on the field that declared it, wrapping [ErrTarget]:
//
//	models.User.Name (models/user.go:15): charset "utf8mb4;DROP TABLE victim;--" is refused: charset must be an identifier such as utf8mb4
//
// # Tags
//
// The tag key is db, in sqlx's name-first form: the column name, then
// options after commas. A value may hold commas inside parentheses or
// single quotes (type=numeric(10,2), default='a,b', check=(a > 0 AND b > 0));
// inside a quoted value, two single quotes stand for one, as in SQL.
//
//	type User struct {
//		ID        int64     `db:"id,pk"`                         // integer pk: auto-increment
//		Email     string    `db:"email,type=varchar(255),unique"`
//		Name      *string   `db:"name,size=100"`                 // pointer or sql.Null*: NULL allowed
//		Balance   float64   `db:"balance,type=numeric(10,2),default=0"`
//		Role      string    `db:"role,default='user',index"`
//		TeamID    int64     `db:"team_id,fk=teams.id,ondelete=cascade,index"`
//		CreatedAt time.Time `db:",default=CURRENT_TIMESTAMP"`  // name: created_at
//		Scratch   string    `db:"-"`                             // not a column
//	}
//
// An empty name (db:",pk") and an exported field without a db tag both
// give the snake_case of the field name ([model.SnakeCase]). Unexported fields
// and fields tagged db:"-" are not columns. Option names are not
// case-sensitive; an unknown one is an error with a suggestion.
//
// The table is named by a TableName() string method (value or pointer
// receiver; "schema.name" also sets the schema), else by the table= table
// option, else by the snake_case of the type name (without type
// arguments).
//
// Embedded structs (a TimestampMixin shared by many models), exported or
// not and at any depth, are flattened in place: their fields become columns
// at the embedding field's position. An embedded struct tagged db:"-" is
// skipped. time.Time, database/sql's Null types and driver.Valuer structs
// are columns, never flattened. Two fields with one column name are an
// error naming both.
//
// # Column options
//
//	pk                 part of the primary key pk_<table>; several = composite, in field order;
//	                   NOT NULL whatever the Go type, unless also tagged null: pk,null is
//	                   a key column that declares no NOT NULL (SQLite's INTEGER PRIMARY
//	                   KEY as written; other databases make key columns NOT NULL anyway)
//	autoincrement      the database numbers the column (a single-column integer pk is by default)
//	noautoincrement    turn that default off
//	type=SQL           the column's SQL type, verbatim (type=jsonb, type=numeric(10,2))
//	size=N             a string's length: varchar(N)
//	null, notnull      override the nullability the Go type gives
//	default=EXPR       server default, an SQL expression as written: 'user', 0, CURRENT_TIMESTAMP
//	unique             unique constraint uq_<table>_<col>
//	unique=NAME        fields with the same NAME form one unique constraint, in field order
//	index              index ix_<table>_<col>
//	index=NAME         fields with the same NAME form one index, in field order
//	index_where=PRED   make the field's index partial
//	index_method=M     the field's index access method (gin, gist, hash, brin, ...;
//	                   on MariaDB btree and hash are USING as written, compared so)
//	fk=table.col       foreign key fk_<table>_<col>_<reftable>; also fk=schema.table.col
//	ondelete=ACTION    cascade, restrict, set null (set_null), set default, no action
//	onupdate=ACTION    the foreign key's ON UPDATE; any other expression
//	                   (onupdate=CURRENT_TIMESTAMP) is MySQL's column ON UPDATE
//	check=EXPR         check constraint ck_<table>_<col>
//	column_check=EXPR  column-level check in the column's definition, named after the column (MariaDB keeps the level)
//	comment='text'     column comment
//	unsigned           an unsigned integer type where the dialect has one
//	charset=X          column character set
//	collate=X          column collation
//	identity           PostgreSQL GENERATED BY DEFAULT AS IDENTITY; identity=always: ALWAYS
//	sequence=(OPTS)    the options of the sequence numbering an identity or serial column:
//	                   START WITH n, INCREMENT BY n, MINVALUE n, MAXVALUE n, CACHE n, CYCLE
//	                   ([model.Column.Sequence]); type=serial (bigserial, smallserial) makes
//	                   a PostgreSQL serial column, kept distinct from identity ([model.Column.Serial]);
//	                   autoincrement alone leaves the mechanism to the dialect
//	storage=S          the column's storage strategy (PostgreSQL SET STORAGE: plain, external,
//	                   extended, main) where it differs from its type's
//	compression=M      the column's compression method (PostgreSQL pglz, lz4)
//	generated=EXPR     a generated column, VIRTUAL unless also tagged stored
//	stored             with generated=: STORED
//	invisible          left out of SELECT * (MariaDB and MySQL INVISIBLE)
//	notnull_onconflict=A  SQLite's NOT NULL ON CONFLICT A (rollback, abort, fail,
//	                   ignore, replace); needs a NOT NULL column
//	pk_onconflict=A    SQLite's PRIMARY KEY ON CONFLICT A, on a pk field
//	pk_desc            the key column descends (SQLite PRIMARY KEY DESC; an INTEGER
//	                   key written so is not the rowid), on a pk field
//	unique_onconflict=A  SQLite's UNIQUE ON CONFLICT A, on a field of the unique
//	                   constraint (unique or unique=NAME); other dialects refuse
//	                   the ON CONFLICT options and pk_desc when the models are read
//	enum=NAME(a,b,c)   an enum type (PostgreSQL CREATE TYPE, MySQL inline ENUM), optionally
//	                   followed by comment 'text' (PostgreSQL COMMENT ON TYPE); values may be
//	                   quoted; enum=NAME alone uses an enum declared on another field;
//	                   NAME may be schema-qualified
//	renamed_from=OLD   the column's previous name, a hint for diff ([model.Column.RenamedFrom])
//	skip_autogenerate  keep the column out of autogenerate (Alembic's skip_autogenerate):
//	                   it is not in the schema [Models] returns, and autogenerate neither
//	                   adds, changes nor drops the database's column of that name, nor
//	                   the indexes, keys and constraints on it ([Read] lists it in
//	                   [Result].Skips); it takes no other option: db:"legacy,skip_autogenerate"
//
// Conflicting options (null with notnull, type= with size=
// or enum=, generated= with default=, identity with autoincrement) are
// errors. Outer parentheses around check=, generated= and index_where=
// expressions are dropped.
//
// # Go types
//
// Without type=, the Go type gives the column type: bool → bool; int8,
// int16, uint8 → smallint; int32, uint16 → int; int, int64, uint32, uint,
// uint64 → bigint (unsigned kinds set [model.Type.Unsigned]); float32 → real;
// float64 → double; string → string; []byte → bytes; time.Time →
// timestamp; json.RawMessage → json; [16]byte (uuid.UUID and the like) →
// uuid. Named types map by their underlying kind (type Status string is a
// string). A pointer gives its pointee's type and allows NULL; so do
// sql.NullString (string), NullInt64 (bigint), NullInt32 (int), NullInt16
// and NullByte (smallint), NullFloat64 (double), NullBool (bool), NullTime
// (timestamp) and sql.Null[T] (T's type). Everything else (maps, other
// slices, structs, driver.Valuer structs, interfaces) needs type=. A
// column is NOT NULL unless its Go type allows NULL or it is tagged null.
//
// # Table options
//
// Table-level options live on blank fields (several are allowed):
//
//	type Account struct {
//		_ struct{} `db:",table=accounts,schema=billing,comment='Customer''s accounts',option=ENGINE=InnoDB"`
//		_ struct{} `db:",uindex=ux_accounts_org_email(org_id, email DESC),unique=(org_id, name)"`
//		_ struct{} `db:",index=ix_accounts_lower_email(lower(email)) where (deleted_at IS NULL) using gin include (id)"`
//		_ struct{} `db:",check=ck_accounts_positive(balance >= 0)"`
//		...
//	}
//
//	table=NAME              the table name (a TableName method wins)
//	schema=NAME             the table's schema
//	comment='text'          table comment
//	option=NAME=VALUE       a dialect table option ([model.Table.Options], sorted by name); PostgreSQL's:
//	                        UNLOGGED=true, WITH=(name=value, ...), REPLICA_IDENTITY=FULL (or NOTHING,
//	                        DEFAULT, USING INDEX name), ROW_SECURITY=true (ENABLE ROW LEVEL SECURITY),
//	                        FORCE_ROW_SECURITY=true (FORCE ROW LEVEL SECURITY)
//	renamed_from=OLD        the table's previous name in the same schema, a hint for diff ([model.Table.RenamedFrom])
//	pk_timing=deferrable    the primary key is DEFERRABLE; pk_timing=deferred: DEFERRABLE INITIALLY DEFERRED
//	pk_comment='text'       the primary key's comment (MySQL PRIMARY KEY (...) COMMENT 'text', PostgreSQL
//	                        COMMENT ON CONSTRAINT of the key; SQLite refuses it)
//	index=NAME(...)         an index (repeatable); grammar below
//	uindex=NAME(...)        a unique index, same grammar
//	unique=NAME(col, ...)   a unique constraint (columns only)
//	check=NAME(EXPR)        a named check constraint
//	extension=NAME          a PostgreSQL extension the schema needs (CREATE EXTENSION IF NOT EXISTS;
//	                        [model.Extension]), e.g. extension=citext for a type=citext column; repeatable,
//	                        on any model. Extensions no model names are left alone (plpgsql,
//	                        pg_stat_statements): autogenerate never drops them
//	exclude=NAME(DEF)       an exclusion constraint (PostgreSQL EXCLUDE; [model.Exclude]): DEF is what
//	                        follows EXCLUDE, e.g. exclude=ex_zones_area(USING gist (area WITH &&));
//	                        it may end in WHERE (PREDICATE) and DEFERRABLE [INITIALLY DEFERRED]
//	fk=NAME(col, ...) references [schema.]table(col, ...) [ondelete ACTION] [onupdate ACTION] [deferrable [initially deferred]]
//	                        a (composite) foreign key; "on delete" may be two words;
//	                        an empty NAME gives fk_<table>_<cols>_<reftable>
//
// The index grammar is
//
//	NAME(part, part, ...) [where (PREDICATE)] [using METHOD] [include (col, ...)]
//	    [nulls not distinct] [with (name=value, ...)] [comment 'text'] [invisible]
//
// (comment is the index's COMMENT; invisible keeps the index out of the
// optimizer's reach: MariaDB's IGNORED, MySQL's INVISIBLE), where a part is a column (email), a column with a MySQL prefix length
// (email(191)) or any other expression (lower(email), (a + b)), each
// optionally followed by collate NAME, an operator class
// (text_pattern_ops), ASC or DESC, and nulls first or nulls last. with
// gives storage parameters ([model.Index.StorageParams]).
//
// unique= takes [nulls not distinct] [deferrable [initially deferred]]
// [comment 'text'] after its columns; check= takes [no inherit] [not
// valid] [comment 'text'] after its expression, exclude= [comment 'text']
// after its definition; fk= also takes [match full], [not valid] and
// [comment 'text']. not valid is PostgreSQL's ADD ... NOT VALID: a
// constraint the rows already there were never checked against
// ([model.Check.NotValid], [model.ForeignKey.NotValid]). The clauses may
// come in any order;
// the predicate is always parenthesised. An empty NAME is generated from
// the columns (ix_<table>_<cols> for indexes and unique indexes,
// uq_<table>_<cols> for unique constraints); an index with expression
// parts needs a NAME. An index's or foreign key's NAME, like a column in
// a list, is a plain identifier or a double-quoted one, which keeps its
// spaces and case (index=\"ix order group\"(\"Group\") inside the Go
// tag's quotes). Every column an index or constraint names must be a
// column of the table. A foreign key whose referenced table is one of the
// models must name columns that table has.
//
// # Tag families: db, gorm, bun
//
// Models reads models written for GORM or bun as they are, without
// importing either. The family is detected per struct from its fields'
// tag keys (through embedded structs): gorm:"..." fields (or an embedded
// gorm.Model) make a GORM model, bun:"..." fields (or an embedded
// bun.BaseModel) a bun model, db:"..." fields a db model. A struct whose
// fields carry no tag at all is read as [Options.Family] says (db by
// default). Fields of two families in one struct ([ErrMixedFamilies]) are
// an error naming the field:
//
//	models.User.Name: mixed tag families: Name has a bun tag but ID has a gorm tag; a model uses one of db, gorm and bun (a db tag may sit next to a gorm or bun tag on the same field)
//
// A db tag next to a gorm (or bun) tag on the same field is allowed, for
// teams that scan rows with sqlx too: the gorm tag gives the schema, and
// the db tag may only name the column, which must be the column the gorm
// tag gives (db:"full_name" next to gorm:"column:full_name"). A field with
// only a db tag in a GORM model is an error: GORM would ignore the tag.
// Blank fields with db table options (_ struct{} `db:",index=..."`) work
// in every family.
//
// # GORM
//
// GORM models are read as GORM's AutoMigrate creates them, with the
// settings [Options.GORM] holds ([GORMOptions]: the driver, the naming
// strategy, gorm.Config's DisableForeignKeyConstraintWhenMigrating,
// mysql.Config's DefaultStringSize and DefaultDatetimePrecision, and a
// hook for GormDBDataType methods). The rules, as GORM applies them:
//
//   - table: TableName() wins, else the naming strategy's TablePrefix and
//     the plural (SingularTable: the singular) of the type name in GORM's
//     snake_case, by github.com/jinzhu/inflection's rules ([Plural]: User →
//     users, Category → categories, Person → people, Status → statuses);
//   - column: column:NAME, else the field name in GORM's snake_case, which
//     spells common initialisms as words (UserIDs → user_ids, HTTPPort →
//     http_port); embeddedPrefix: is prepended for fields of an embedded
//     struct; of two fields with one column, the one with the shorter path
//     through embedded structs is kept (a warning names the other);
//   - primary key: primaryKey fields, else the field whose column (or Go
//     name) is id; the id key, or the only key, or the first key tagged
//     autoIncrement auto-increments when its GORM type is an integer and it
//     has no autoIncrement setting; any field tagged autoIncrement does;
//     the key is unnamed (the database names it);
//   - NULL: every column allows NULL unless tagged not null, whatever its
//     Go type (the database makes key columns NOT NULL where it does);
//   - gorm.Model gives id (the auto-increment key), created_at,
//     updated_at and deleted_at and the index idx_<table>_deleted_at;
//   - unexported fields and fields tagged -, -:all or -:migration are not
//     columns; -> and <- (read/write permissions) do not change the schema.
//
// Column types are GORM's: the field's GORM data type (bool, int, uint,
// float, string, time, bytes, or SQL) comes from the Go kind, from the
// value a driver.Valuer's zero value writes (a uuid.UUID writes a string)
// or its first field (sql.NullString is a string, gorm.DeletedAt a time),
// from GormDataType(), or from type: (whose GORM kind names, in any case,
// are kinds: type:int is GORM's int); size: defaults to an integer's or
// float's bits; a foreign key field takes its referenced key's data type
// and size. The driver turns that into SQL exactly as its DataTypeOf does:
// PostgreSQL smallint/integer/bigint by size (a uint needs one more bit),
// decimal or numeric(P,S), varchar(N) or text, timestamptz(P), bytea;
// MySQL tinyint to bigint [unsigned], float, double or decimal(P,S),
// varchar(N) or longtext (varchar(191) for a key, an indexed column or one
// with a default; DefaultStringSize otherwise), datetime(3) (or
// DefaultDatetimePrecision), varbinary(N) or longblob; SQLite integer,
// real, numeric, text, datetime, blob. Such a type is marked implied
// ([model.Type.IsImplied]): a database type that means the same for the Go
// type is no drift. type: and GormDataType() names are SQL, compared
// exactly. A type with a GormDBDataType(*gorm.DB, *schema.Field) method
// gets [GORMOptions.DBDataType]'s answer; without the hook a [Warning]
// says so. Without a driver, GORM models get dialect-neutral logical
// types, as db models do.
//
// Settings (case-insensitive keys, ";"-separated, as GORM parses them):
//
//	column:NAME            the column name
//	type:SQL               the SQL type, verbatim, or a GORM kind (int, string, ...)
//	size:N                 a string's or []byte's length; an integer's bits
//	precision:P;scale:S    a float's decimal precision; a time's fractional seconds
//	primaryKey             part of the primary key
//	not null               NOT NULL
//	default:V              server default as GORM writes it: parsed by the Go
//	                       kind (default:0x10 on an int is 16, default:true on a
//	                       bool true), a string's value quoted ('active'); a
//	                       function call as written; null is none
//	autoIncrement[:false]  turn auto-increment on or off
//	unique                 unique constraint uni_<table>_<column>
//	uniqueIndex[:NAME,...] unique index, as index:
//	index[:NAME,...]       index idx_<table>_<field> (or NAME, or
//	                       idx_<table>_<composite:>; fields with one NAME form one
//	                       index, ordered by priority:N, default 10, then field
//	                       order); settings sort:desc, type:METHOD (btree, gin,
//	                       ...; see below), where:PREDICATE, length:N (MySQL prefix),
//	                       expression:EXPR, class:UNIQUE, FULLTEXT or SPATIAL,
//	                       unique, priority:N, composite:NAME
//	check:[NAME,]EXPR      check constraint NAME, else chk_<table>_<column>
//	comment:TEXT           column comment
//	serializer:json        a string column (GORM stores the serialized value)
//	embedded               flatten a struct field; embeddedPrefix:P prefixes its columns
//	foreignKey:F;references:R;constraint:[NAME,]OnUpdate:A,OnDelete:A  on relation fields
//	many2many:T;joinForeignKey:F;joinReferences:R  a join table
//
// An index's type:METHOD is written by GORM's CREATE INDEX (an index
// added to an existing table) but left out of its CREATE TABLE's inline
// INDEX clause, so the index carries [model.Index.MethodWrittenUnknown].
// Where the catalog shows such a method only as written (MariaDB's USING
// BTREE/HASH), a database index written without USING then agrees with
// the model and is named as not compared (retort check, retort revision);
// one written USING another method is drift; retort's own ops write the
// method. On PostgreSQL the method is compared exactly; MySQL 8's USING
// BTREE/HASH is not read.
//
// Names GORM generates (idx_, uni_, chk_, fk_) longer than the naming
// strategy's IdentifierMaxLength (64; 63 with the PostgreSQL driver) are
// shortened as GORM shortens them, with a hash. A setting GORM does not
// read is ignored, as GORM ignores it, and reported as a [Warning] with a
// suggestion ([Read]); the polymorphic settings are errors.
// autoCreateTime, autoUpdateTime and autoIncrementIncrement change nothing
// in the schema.
//
// Relations follow GORM's rules: a field without a data type (a struct
// that is no value, a pointer to one, a slice of them) is a relation. A
// slice is has-many: the foreign key is the element type's field <Owner
// type><PK field> (UserID) or foreignKey:, referencing the owner's primary
// key or references:. A struct field is has-one when its type has that
// field, else belongs-to: the key is the owner's field <Field><PK field>
// (field User with User.ID: UserID) referencing the target's key (a
// self-reference tries belongs-to first). The foreign key is named as GORM
// names it, fk_<owner table>_<field> (fk_orders_user, fk_users_orders), or
// constraint:'s NAME, with constraint:'s actions (constraint:- creates
// none; so does DisableForeignKeyConstraintWhenMigrating). When a
// belongs-to and a has-one/has-many describe the same key, the has-
// side's is kept, as GORM does. many2many:NAME adds the join table GORM
// creates: NAME (with TablePrefix); a column per key field of the owner,
// <Owner type><Field> (or joinForeignKey:), then one per key field of the
// target, <Target type><Field> (or joinReferences:; a self-reference takes
// the [Singular] of the relation field's name), each of its key field's
// type; all of them the primary key; a foreign key to each side,
// fk_<join table>_<owner type> and fk_<join table>_<target type>. A
// relation whose foreign key field does not exist is an error.
//
// # bun
//
// bun's conventions, as CreateTable(...).WithForeignKeys() applies them
// (proven against real bun on all three dialects by the nested module
// internal/ormtest, package buncase):
//
//   - table: bun.BaseModel's tag, table:[schema.]NAME or the name form
//     bun:"NAME,alias:a" (an embedded field named BaseModel, or any
//     embedded field whose bun tag has table:), else the plural snake_case
//     type name ([Plural]); a struct embedded with extend (or inherit)
//     gives its table name, a BaseModel inside a struct embedded without
//     it does not; alias:, select: and view: are accepted;
//   - column: the tag's first element when it holds no ":", else the
//     snake_case field name; embed:PREFIX flattens a struct field with a
//     prefix, and anonymous embedded structs are flattened;
//   - NULL: every column allows NULL unless tagged notnull, pk or
//     autoincrement; nullzero and soft_delete change only how values are
//     written;
//   - pk marks the primary key; only autoincrement makes it
//     auto-increment; identity is GENERATED BY DEFAULT AS IDENTITY on
//     PostgreSQL (bun writes nothing for it elsewhere);
//   - unique: one constraint per field (unnamed: on MySQL named after the
//     column, as the server names it); unique:NAME: fields with one NAME
//     form one constraint; default:EXPR and type:SQL verbatim, a bare
//     type:varchar sized as CreateTable sizes it;
//   - types: with [BunOptions].Dialect set, a field without type: gets
//     the SQL that dialect's CreateTable writes for its Go type (marked
//     implied): int8/int16/uint8/uint16 SMALLINT, int32/uint32 INTEGER,
//     other integers BIGINT (all INTEGER on SQLite), float32 REAL, float64
//     DOUBLE PRECISION, string VARCHAR (VARCHAR(255) on MySQL),
//     time.Time TIMESTAMPTZ / DATETIME / TIMESTAMP, []byte BYTEA or BLOB,
//     json.RawMessage JSONB or JSON, maps, structs and slices JSONB on
//     PostgreSQL and VARCHAR elsewhere (as bun types them), net.IPNet
//     CIDR on PostgreSQL (net.IP is a []byte there too), array an
//     element-type array on PostgreSQL; without a dialect, dialect-neutral types as for db
//     tags (maps, slices and structs json);
//   - rel:belongs-to and rel:has-one make the foreign key bun writes:
//     join:base=join pairs (several join: options for a composite key), or
//     for a belongs-to without join: the target's primary key columns
//     found on the model as <field>_<pk> or <pk>; no key when a column is
//     in the model's primary key, unless all are and the table is an m2m
//     join table (named by some model's m2m:); on_delete: and on_update:
//     on belongs-to (bun ignores them on has-one: a [Warning]); bun names
//     no key, so neither does retort (the server does); rel:has-many and
//     m2m: fields make nothing, and the related model must be one of the
//     models; skipupdate, scanonly, alt:, json_use_number, msgpack,
//     join_on and polymorphic are accepted.
//
// Unknown options are errors with a suggestion; array without a dialect
// is refused (give type:).
//
// What retort does not read of bun: indexes (bun has no index tag; declare
// an index made with NewCreateIndex with a blank field's db table option,
// _ struct{} `db:",index=ix_events_kind(kind)"`, else it is drift), hstore:, composite: and multirange: types (give type:),
// CreateTableQuery.ForeignKey(...) written by hand, and a relation whose
// target is registered under another Go type than the field's.
//
// # Names
//
// Generated names follow [model.PrimaryKeyName], [model.IndexName],
// [model.UniqueName], [model.ForeignKeyName] and [model.CheckName]; names
// longer than 63 bytes are shortened by [model.Truncate]. Names given in
// tags are kept as written.
// Within a table, indexes, unique constraints, foreign keys and checks come
// out sorted by name, and all their names (with the primary key's) must
// differ.
package load
