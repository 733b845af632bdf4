package datamigration

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"github.com/retortdb/retort/migrate"
)

// Bind writes the n-th (1-based) query parameter in the driver's syntax:
// "?" for SQLite and MySQL, "$1" for PostgreSQL.
type Bind func(n int) string

// Question is [Bind] for drivers that take "?".
func Question(int) string { return "?" }

// Dollar is [Bind] for drivers that take "$1".
func Dollar(n int) string { return fmt.Sprintf("$%d", n) }

// FillDomains returns the data migration: it reads every user's e-mail,
// parses it and writes the lower-cased domain to users.domain. An
// address that does not parse fails the revision, naming the user.
func FillDomains(bind Bind) migrate.RunFunc {
	return func(ctx context.Context, tx migrate.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT id, email FROM users ORDER BY id")
		if err != nil {
			return err
		}
		type user struct {
			id     int64
			domain string
		}
		var users []user
		for rows.Next() {
			var id int64
			var email string
			if err := rows.Scan(&id, &email); err != nil {
				rows.Close()
				return err
			}
			addr, err := mail.ParseAddress(email)
			if err != nil {
				rows.Close()
				return fmt.Errorf("user %d: e-mail %q: %w", id, email, err)
			}
			_, domain, _ := strings.Cut(addr.Address, "@")
			users = append(users, user{id, strings.ToLower(domain)})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		update := "UPDATE users SET domain = " + bind(1) + " WHERE id = " + bind(2)
		for _, u := range users {
			if _, err := tx.ExecContext(ctx, update, u.domain, u.id); err != nil {
				return fmt.Errorf("user %d: %w", u.id, err)
			}
		}
		return nil
	}
}

// ClearDomains is the reverse of [FillDomains]: it empties users.domain.
func ClearDomains(ctx context.Context, tx migrate.Tx) error {
	_, err := tx.ExecContext(ctx, "UPDATE users SET domain = NULL")
	return err
}

// Register adds the example's revisions to env: a1 creates users, b2
// adds users.domain and fills it in Go.
func Register(env *migrate.Env, bind Bind) {
	env.Add(migrate.Revision{
		ID: "a1", Message: "users",
		Upgrade: func(op *migrate.Op) {
			op.CreateTable("users",
				op.Column("id", "bigint").PrimaryKey(),
				op.Column("email", "varchar(255)").NotNull(),
			)
		},
		Downgrade: func(op *migrate.Op) { op.DropTable("users") },
	})
	domain := func(op *migrate.Op) *migrate.ColumnDef { return op.Column("domain", "varchar(255)") }
	env.Add(migrate.Revision{
		ID: "b2", Revises: "a1", Message: "fill users.domain",
		Upgrade: func(op *migrate.Op) {
			op.AddColumn("users", domain(op))
			op.Run(FillDomains(bind)).Down(ClearDomains).Describe("fill users.domain")
		},
		Downgrade: func(op *migrate.Op) {
			op.Run(ClearDomains).Describe("clear users.domain")
			op.DropColumn("users", "domain", domain(op))
		},
	})
}
