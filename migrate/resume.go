package migrate

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/ops"
)

// Fingerprint returns the hash that identifies an op in the ops table of
// a database without transactional DDL: SHA-256 over the op's Go type and
// its fields. A resumed run compares the fingerprints an earlier run
// recorded with the ops the revision holds now, op by op, so that an edit
// after a partial run is noticed instead of skipped. (It hashes the op, not
// its SQL: on MySQL an op's SQL depends on the live table, which the op
// itself changed.)
func Fingerprint(op ops.Op) string {
	data, err := json.Marshal(op)
	if err != nil {
		data = fmt.Appendf(nil, "%+v", op)
	}
	sum := sha256.Sum256(append(fmt.Appendf(nil, "%T\n", op), data...))
	return hex.EncodeToString(sum[:])
}

// opsTableName names the ops table of a version table.
func opsTableName(versionTable string) string { return versionTable + "_ops" }

// opsName is the unquoted ops table name.
func (v versionTable) opsName() string { return opsTableName(v.name) }

// opsTable is the quoted ops table.
func (v versionTable) opsTable() string { return v.qualified(v.opsName()) }

// createOpsSQL creates the ops table: one row per op of the revision a run
// is applying op by op, with its fingerprint; applied is 0 while the op's
// statement is sent (it may or may not complete if the run is killed), 1
// once it is done.
func (v versionTable) createOpsSQL() string {
	return "CREATE TABLE IF NOT EXISTS " + v.opsTable() +
		" (version_num VARCHAR(32) NOT NULL, op_index INTEGER NOT NULL, fingerprint VARCHAR(64) NOT NULL, applied INTEGER NOT NULL, PRIMARY KEY (version_num, op_index))"
}

// opRow is one row of the ops table.
type opRow struct {
	index       int
	fingerprint string
	applied     bool
}

// readOps reads the ops table's rows of revision id, by op index.
func readOps(ctx context.Context, q introspect.Querier, v versionTable, id string) ([]opRow, error) {
	rows, err := q.QueryContext(ctx, "SELECT op_index, fingerprint, applied FROM "+v.opsTable()+" WHERE version_num = "+quoteString(id)+" ORDER BY op_index")
	if err != nil {
		return nil, fmt.Errorf("migrate: read ops table %s: %w", v.opsName(), err)
	}
	defer rows.Close()
	var out []opRow
	for rows.Next() {
		var r opRow
		var applied int
		if err := rows.Scan(&r.index, &r.fingerprint, &applied); err != nil {
			return nil, fmt.Errorf("migrate: read ops table %s: %w", v.opsName(), err)
		}
		r.applied = applied != 0
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("migrate: read ops table %s: %w", v.opsName(), err)
	}
	return out, nil
}

// insertOpSQL records op i of revision id with its fingerprint.
func (v versionTable) insertOpSQL(id string, i int, fp string, applied bool) string {
	a := 0
	if applied {
		a = 1
	}
	return fmt.Sprintf("INSERT INTO %s (version_num, op_index, fingerprint, applied) VALUES (%s, %d, %s, %d)",
		v.opsTable(), quoteString(id), i, quoteString(fp), a)
}

// execTx runs stmts in one transaction on conn.
func execTx(ctx context.Context, conn *sql.Conn, stmts []string) (string, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return "BEGIN", err
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			tx.Rollback()
			return q, err
		}
	}
	if err := tx.Commit(); err != nil {
		return "COMMIT", err
	}
	return "", nil
}

// stampCommand is the command that records n ops of id as applied.
func stampCommand(id string, dir Direction, n int) string {
	s := fmt.Sprintf("retort stamp %s --partial %d", id, n)
	if dir == Down {
		s += " --downgrade"
	}
	return "`" + s + "`"
}

// resumeAt decides where the step st resumes after an earlier run left the
// progress row p: it checks the fingerprints of the ops recorded as
// applied against the revision's ops now (an edit is refused), then asks
// the live catalog whether the ops that were running when the earlier run
// stopped completed on the server (MySQL finishes a DDL statement whose
// client was killed) and records those that did. It returns the number of
// ops applied.
func (s *session) resumeAt(ctx context.Context, st Step, list []ops.Op, p progressRow) (int, error) {
	rows, err := readOps(ctx, s.conn, s.vt, p.id)
	if err != nil {
		return 0, err
	}
	fps := make([]string, len(list))
	for i, op := range list {
		fps[i] = Fingerprint(op)
	}
	done := p.done
	recorded := 0
	firstChanged := -1
	for _, r := range rows {
		if !r.applied || r.index >= done {
			continue
		}
		recorded++
		if firstChanged < 0 && (r.index >= len(list) || r.fingerprint != fps[r.index]) {
			firstChanged = r.index
		}
	}
	if firstChanged < 0 && (done > len(list) || (recorded == 0 && done > 0 && p.total != len(list))) {
		firstChanged = min(done, len(list))
		if recorded == 0 {
			firstChanged = 0
		}
	}
	if firstChanged >= 0 {
		return 0, s.editedError(st, list, p, firstChanged)
	}
	// The ops that were running: rows not yet applied, or, from a run that
	// recorded no fingerprints, the op after the last one recorded.
	var running []opRow
	for _, r := range rows {
		if !r.applied && r.index >= done {
			running = append(running, r)
		}
	}
	if len(rows) == 0 && done < len(list) {
		running = []opRow{{index: done, fingerprint: fps[done]}}
	}
	src := s.tables(func() introspect.Querier { return s.conn })
	for _, r := range running {
		if r.index != done || r.index >= len(list) {
			break
		}
		if r.fingerprint != fps[r.index] {
			return 0, fmt.Errorf("%w: an earlier run stopped while op %d of revision %s was running, and the revision now holds another op there (%s); "+
				"restore the revision as it was and run the %s again, or check whether the earlier op completed, make the database match ops 1-%d of the revision as it is now, and run %s",
				ErrPartlyApplied, r.index+1, st.Revision.ID, describeOp(list[r.index]), st.Direction, done, stampCommand(st.Revision.ID, st.Direction, done))
		}
		e, why, err := opEffect(ctx, s.be.Dialect, list[r.index], src)
		if err != nil {
			return 0, fmt.Errorf("migrate: resume %s: %w", st.Revision.ID, err)
		}
		if e == effectAbsent {
			break
		}
		if e == effectUnknown {
			return 0, fmt.Errorf("%w: an earlier run of the %s of revision %s stopped while op %d of %d (%s) was running; %s applied, "+
				"and whether op %d completed cannot be read from the catalog (%s). Check it in the database, then run %s if it completed, or %s if it did not, and run the %s again",
				ErrPartlyApplied, st.Direction, st.Revision.ID, r.index+1, len(list), describeOp(list[r.index]), unchangedText(done), r.index+1, why,
				stampCommand(st.Revision.ID, st.Direction, done+1), stampCommand(st.Revision.ID, st.Direction, done), st.Direction)
		}
		s.log.InfoContext(ctx, fmt.Sprintf("migrate: op %d of %s was running when an earlier run stopped, and its effect is in the database: recorded as applied", r.index+1, st.Revision.ID),
			"revision", st.Revision.ID, "op", r.index+1, "what", describeOp(list[r.index]))
		done++
	}
	// Record what the catalog showed, and forget the ops that did not run.
	stmts := []string{
		fmt.Sprintf("UPDATE %s SET ops_done = %d, ops_total = %d WHERE version_num = %s", s.vt.progress(), done, len(list), quoteString(p.id)),
		fmt.Sprintf("DELETE FROM %s WHERE version_num = %s AND op_index >= %d", s.vt.opsTable(), quoteString(p.id), p.done),
	}
	for i := p.done; i < done; i++ {
		stmts = append(stmts, s.vt.insertOpSQL(p.id, i, fps[i], true))
	}
	if q, err := execTx(ctx, s.conn, stmts); err != nil {
		return 0, fmt.Errorf("migrate: record progress: %s: %w", q, err)
	}
	return done, nil
}

// editedError refuses a revision that changed at op index first after an
// earlier run applied ops 1-p.done of it.
func (s *session) editedError(st Step, list []ops.Op, p progressRow, first int) error {
	now := "it no longer has that op"
	if first < len(list) {
		now = "it is now " + describeOp(list[first])
	}
	return fmt.Errorf("%w: revision %s was edited after an earlier run applied %s of its %s (of %d ops then, %d now): "+
		"%s unchanged, op %d is not the op that ran (%s). Restore the revision as it was and run the %s again, "+
		"or make the database match the first %d ops of the revision as it is now by undoing what the earlier ops %d-%d did, then run %s",
		ErrPartlyApplied, st.Revision.ID, opRange(p.done), st.Direction, p.total, len(list),
		unchangedText(first), first+1, now, st.Direction, first, first+1, p.done, stampCommand(st.Revision.ID, st.Direction, first))
}

// unchangedText names the first n ops with a verb: "ops 1-n are", "op 1
// is", "no op is".
func unchangedText(n int) string {
	switch n {
	case 0:
		return "no op is"
	case 1:
		return "op 1 is"
	}
	return fmt.Sprintf("ops 1-%d are", n)
}
