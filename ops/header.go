package ops

// Header is what a revision says about itself besides its ops: its id, its
// parents, the revisions it depends on, the branch it starts and its
// message. render.Revision holds one; [Script.Header] and
// migrate.Revision's Header give theirs (their own fields stay, as the
// literal forms hooks and generated files write).
type Header struct {
	// ID is the revision id, e.g. "5c1e9a3f7b20".
	ID string
	// Revises is the parent revision; empty for the first revision.
	Revises string
	// Merges lists the parents of a merge revision (instead of Revises).
	Merges []string
	// DependsOn names revisions on other branches that must come first.
	DependsOn []string
	// BranchLabels name the branch the revision starts.
	BranchLabels []string
	// Message is the revision's one-line description.
	Message string
}

// Parents returns the revision's parent ids: Merges, else Revises, else
// none.
func (h Header) Parents() []string {
	if len(h.Merges) > 0 {
		return h.Merges
	}
	if h.Revises != "" {
		return []string{h.Revises}
	}
	return nil
}

// Header returns the script's header; a script is never a merge.
func (s Script) Header() Header {
	return Header{ID: s.ID, Revises: s.Revises, DependsOn: s.DependsOn, BranchLabels: s.BranchLabels, Message: s.Message}
}
