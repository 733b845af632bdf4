package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/render"
	"github.com/retortdb/retort/safety"
)

func isNoRevisions(err error) bool { return errors.Is(err, migrate.ErrNoRevisions) }

var revIDPattern = regexp.MustCompile(`^[A-Za-z0-9_]{1,32}$`)

func runRevision(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("revision")
	msg := fs.String("m", "", "the revision's `MESSAGE` (also the file name's slug)")
	fs.StringVar(msg, "message", "", "the revision's `MESSAGE` (also the file name's slug)")
	auto := fs.Bool("autogenerate", false, "fill the revision with the ops that bring the database to the models")
	baseline := fs.Bool("baseline", false, "write the first revision from the database's live schema as it is, and stamp the database at it (adopting a database that predates retort)")
	head := fs.String("head", "", "the `REV` to build on: a head when there are several, base to start a new root, or any revision with --splice")
	splice := fs.Bool("splice", false, "allow --head to name a revision that is not a head, starting a new branch")
	var labels, depends stringList
	fs.Var(&labels, "branch-label", "a `LABEL` for the branch this revision starts, usable as LABEL@head (repeatable)")
	fs.Var(&depends, "depends-on", "a `REV` that must be applied before this one, without being its parent (repeatable)")
	revID := fs.String("rev-id", "", "the revision `ID`: 1-32 letters, digits or _ (default: 12 random hex digits)")
	url := fs.String("url", "", "the database `URL` --autogenerate compares with (default: $RETORT_DATABASE_URL, else $DATABASE_URL)")
	dataAware := fs.Bool("data-aware", false, "with --autogenerate, count the rows each safety finding affects and write the counts into the file's comments")
	fs.String("dir", "migrations", "the migrations package `DIR`; $RETORT_DIR sets it too")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q (quote the message: -m \"add user bio\")", pos[0])
	}
	if strings.TrimSpace(*msg) == "" {
		return usagef("give a message with -m")
	}
	g, err := a.graph()
	if err != nil {
		return err
	}
	parent, err := a.revisionParent(g, *head, *splice)
	if err != nil {
		return err
	}
	id := *revID
	if id == "" {
		id = newRevisionID()
	} else if !revIDPattern.MatchString(id) {
		return usagef("--rev-id %q: use 1-32 letters, digits or _", id)
	}
	if g != nil {
		if _, dup := g.Revision(id); dup {
			return fmt.Errorf("revision %s already exists", id)
		}
	}
	if g != nil {
		for i, dep := range depends {
			ids, err := g.Resolve(dep, nil)
			if err != nil || len(ids) != 1 {
				return fmt.Errorf("--depends-on %s: %w", dep, errors.Join(err, errors.New("name one revision")))
			}
			depends[i] = ids[0]
		}
	}

	dir := filepath.Join(a.driver.Root, a.driver.Dir)
	pkg, err := packageName(dir)
	if err != nil {
		return err
	}
	spec := autogen.RevisionSpec{
		ID: id, Message: *msg, Parent: parent, BranchLabels: labels, DependsOn: depends,
		Autogenerate: *auto, Package: pkg, NewID: newRevisionID,
	}
	if *baseline {
		if *auto {
			return usagef("--baseline and --autogenerate: choose one")
		}
		return a.writeBaseline(ctx, spec, *url, dir)
	}
	var db *autogen.Database
	if *auto {
		d, err := a.envDatabase(ctx, *url, emptyIfMissing)
		if err != nil {
			return err
		}
		defer d.Close()
		if d.missing {
			fmt.Fprintf(a.stdout, "The database %s does not exist yet: comparing the models with an empty database (`retort upgrade head` creates it).\n", d.cfg.Database)
		}
		gd := d.gen()
		db = &gd
	}
	res, err := autogen.Revision(ctx, db, a.env, spec, a.autogenOptions(*dataAware))
	var notAtHead *autogen.NotAtHeadError
	if errors.As(err, &notAtHead) {
		fmt.Fprintf(a.stderr, "retort revision: the database is at %s, not at %s; run `retort upgrade head` first, so the comparison starts from the latest revision\n", idList(notAtHead.Current), idList(notAtHead.Want))
		return errDrift
	}
	if err != nil {
		return err
	}
	a.printModelWarnings(res.ModelWarnings)
	// As `retort check` and `retort diff` name them: what the revision
	// leaves alone because retort does not model it.
	if line := introspect.NotCompared("", res.NotCompared); line != "" {
		fmt.Fprintln(a.stderr, line)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(a.stderr, "warning: --data-aware: %v\n", w)
	}
	if len(res.Files) == 0 {
		fmt.Fprintln(a.stdout, "No revision written: env.go's script hooks cancelled it (no changes).")
		return nil
	}
	wd, _ := os.Getwd()
	for _, f := range res.Files {
		path := filepath.Join(dir, f.Name)
		if err := writeNew(path, f.Source); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "Generating %s ... done\n", rel(wd, path))
		if *auto {
			if len(f.Script.Upgrade) == 0 {
				fmt.Fprintln(a.stdout, "  No changes detected: the revision is empty.")
			}
			printOps(a.stdout, "  - ", f.Script.Upgrade, f.UpgradeFindings)
			for _, h := range renameHints(f.Script.Upgrade) {
				fmt.Fprintf(a.stdout, "  %s\n", h)
			}
			if safety.Has(f.UpgradeFindings, safety.DataLoss) {
				fmt.Fprintf(a.stdout, "  Data loss: review the \"retort:\" comments, then uncomment the Reviewed line in %s; `retort upgrade` refuses the revision until then.\n", rel(wd, path))
			} else if f.DowngradeNeedsReview {
				fmt.Fprintf(a.stdout, "  Data loss in the downgrade: review the \"retort:\" comments, then uncomment the Reviewed line in %s; `retort downgrade` refuses the revision until then.\n", rel(wd, path))
			}
		}
		if err := a.postWrite(ctx, path); err != nil {
			return fmt.Errorf("%s was written, but %w", rel(wd, path), err)
		}
	}
	if *auto {
		if missing := a.unlistedModels(ctx); len(missing) > 0 {
			a.warnUnlisted(missing)
		}
	}
	return nil
}

// postWrite runs env.go's PostWrite commands on a file just written, in
// the module root, their output going to stderr.
func (a *app) postWrite(ctx context.Context, path string) error {
	for _, h := range a.env.PostWrite {
		args, err := h.Args(path)
		if err != nil {
			return err
		}
		cmd := exec.CommandContext(ctx, args[0], args[1:]...)
		cmd.Dir = a.driver.Root
		cmd.Stdout, cmd.Stderr = a.stderr, a.stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("post-write hook %q failed: %w", strings.Join(args, " "), err)
		}
	}
	return nil
}

// revisionParent picks the revision a new one revises: --head, else the one head.
func (a *app) revisionParent(g *migrate.Graph, head string, splice bool) (string, error) {
	if g == nil {
		if head != "" && head != "base" {
			return "", fmt.Errorf("--head %s: there are no revisions yet", head)
		}
		return "", nil
	}
	if head != "" {
		if head == "base" {
			return "", nil
		}
		ids, err := g.Resolve(head, nil)
		if err != nil {
			return "", fmt.Errorf("--head: %w", err)
		}
		if len(ids) != 1 {
			return "", fmt.Errorf("--head %s names %d revisions; name one", head, len(ids))
		}
		if !splice && !slices.Contains(g.Heads(), ids[0]) {
			return "", fmt.Errorf("--head %s is not a head; pass --splice to start a new branch from it", ids[0])
		}
		return ids[0], nil
	}
	heads := g.Heads()
	if len(heads) > 1 {
		return "", fmt.Errorf("%w: %s; pass --head to choose, or `retort merge -m MSG %s` first", migrate.ErrMultipleHeads, strings.Join(heads, ", "), strings.Join(heads, " "))
	}
	return heads[0], nil
}

// newRevisionID returns 12 random hex digits.
func newRevisionID() string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err))
	}
	return hex.EncodeToString(b[:])
}

// packageName reads the package clause of the migrations package's env.go.
func packageName(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "env.go"))
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "package" {
			return f[1], nil
		}
	}
	return "", fmt.Errorf("%s: no package clause", filepath.Join(dir, "env.go"))
}

// writeNew writes a file that must not exist yet.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s already exists; choose another --rev-id", path)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func runMerge(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("merge")
	msg := fs.String("m", "", "the merge revision's `MESSAGE`")
	fs.StringVar(msg, "message", "", "the merge revision's `MESSAGE`")
	revID := fs.String("rev-id", "", "the merge revision's `ID` (default: 12 random hex digits)")
	var labels stringList
	fs.Var(&labels, "branch-label", "a branch `LABEL` for the merge revision")
	fs.String("dir", "migrations", "the migrations package `DIR`; $RETORT_DIR sets it too")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*msg) == "" {
		return usagef("give a message with -m")
	}
	if len(pos) == 0 {
		pos = []string{"heads"}
	}
	g, err := a.graph()
	if err != nil {
		return err
	}
	if g == nil {
		return errors.New("there are no revisions to merge")
	}
	var parents []string
	for _, p := range pos {
		ids, err := g.Resolve(p, nil)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if !slices.Contains(parents, id) {
				parents = append(parents, id)
			}
		}
	}
	if len(parents) < 2 {
		return fmt.Errorf("a merge needs two or more revisions; %s names %s", strings.Join(pos, " "), idList(parents))
	}
	id := *revID
	if id == "" {
		id = newRevisionID()
	}
	dir := filepath.Join(a.driver.Root, a.driver.Dir)
	pkg, err := packageName(dir)
	if err != nil {
		return err
	}
	naming, err := autogen.Naming(a.env)
	if err != nil {
		return err
	}
	date := naming.Date(time.Now())
	src, err := render.File(render.Revision{Header: ops.Header{ID: id, Merges: parents, BranchLabels: labels, Message: *msg}, CreateDate: date, Zone: naming.Zone, Package: pkg}, nil, nil)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, naming.Name(id, *msg, date))
	if err := writeNew(path, src); err != nil {
		return err
	}
	wd, _ := os.Getwd()
	fmt.Fprintf(a.stdout, "Generating %s (merges %s) ... done\n", rel(wd, path), strings.Join(parents, ", "))
	return nil
}
