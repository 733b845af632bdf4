// Package datamigration is an example of a data migration written in Go
// (Alembic's op.get_bind()): a revision adds users.domain and fills it
// from each user's e-mail address, parsed with net/mail, something SQL
// alone does poorly. The Go code runs through op.Run with the revision's
// transaction, between the ops recorded before and after it:
//
//	Upgrade: func(op *migrate.Op) {
//		op.AddColumn("users", op.Column("domain", "varchar(255)"))
//		op.Run(datamigration.FillDomains(bind)).Describe("fill users.domain")
//	},
//	Downgrade: func(op *migrate.Op) {
//		op.DropColumn("users", "domain", op.Column("domain", "varchar(255)"))
//	},
//
// On PostgreSQL and SQLite the func runs inside the revision's
// transaction: an error rolls the whole revision back. MySQL commits DDL
// implicitly, so there it runs on the run's connection after the ops
// before it are applied. `retort upgrade --sql` refuses a revision that
// runs Go code, naming it: there is no SQL to print.
package datamigration
