package rewriter

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/retortdb/retort/ops"
)

// Direction says which op list of a revision is being rewritten. It is
// [ops.Direction].
type Direction = ops.Direction

// Directions.
const (
	// Upgrade is the list that applies the revision.
	Upgrade = ops.Upgrade
	// Downgrade is the list that undoes it.
	Downgrade = ops.Downgrade
)

// Context is what a rewrite function knows about where its op is.
type Context struct {
	// Direction is the op list being rewritten.
	Direction Direction
	// Dialect is the Env's dialect: "sqlite", "postgres" or "mysql".
	Dialect string
	// SQLDialect is the Env's dialect implementation, which the shipped
	// rewriters ask how to quote a name and whether an index can be built
	// concurrently. Nil when the caller has none: names are then quoted
	// with double quotes, and ConcurrentIndexes changes nothing.
	SQLDialect SQLDialect
	// RevisionID is the id of the revision being generated.
	RevisionID string
	// Message is its message.
	Message string
	// Within lists the containers (see [Container]) the op sits in, outermost
	// first; empty for an op of the revision's own list.
	Within []ops.CustomOp
}

// SQLDialect is what the shipped rewriters ask of the Env's dialect;
// every dialect.Dialect implements it. When it also has the methods
// QuoteIdentAlways(name string) string (dialect.IdentQuoter) and
// ConcurrentIndexes() bool (dialect.ConcurrentIndexer), they use them. It
// is [ops.SQLDialect], the type of [ScriptContext].SQLDialect.
type SQLDialect = ops.SQLDialect

// Func rewrites one op of type T into zero, one or many ops. Returning
// []ops.Op{op} keeps the op; returning nil removes it.
type Func[T any] func(ctx Context, op T) ([]ops.Op, error)

// handler is a registered Func with its type erased.
type handler func(ctx Context, op ops.Op) ([]ops.Op, error)

// Rewriter rewrites op lists with the functions registered on it with
// [On] and [OnCustom]. Each op goes to the function registered for its
// type; ops without one are kept as they are. The ops a function returns
// are not rewritten again by the same Rewriter: [Rewriter.Chain] a second
// Rewriter to rewrite them further.
//
// A nil *Rewriter keeps every op. Register functions before rewriting:
// a Rewriter is safe for concurrent use by Rewrite, not by On.
type Rewriter struct {
	// byType holds the functions for op types (On[ops.AddColumn]).
	byType map[reflect.Type]handler
	// byCustom holds the functions for custom op types (OnCustom[*policy.CreatePolicy]).
	byCustom map[reflect.Type]handler
	// fallback is the On[ops.Op] function, for ops with no function of their own.
	fallback handler
	// steps run, in order, before this Rewriter's own functions (Chain).
	steps []*Rewriter
}

// New returns a Rewriter with no functions: it keeps every op.
func New() *Rewriter {
	return &Rewriter{byType: map[reflect.Type]handler{}, byCustom: map[reflect.Type]handler{}}
}

// ErrRewrite is wrapped by every error a rewrite returns.
var ErrRewrite = errors.New("rewriter: rewrite failed")

// On registers f for ops of type T, a concrete op type such as
// [ops.AddColumn]. With T = [ops.Op], f receives every op that has no
// function of its own type. With T = [ops.Custom], f receives the custom ops
// that have no [OnCustom] function. It panics when r already has a function
// for T (Chain a second Rewriter instead) or when T is an interface other
// than ops.Op: like a compile error, such an env.go must be fixed.
func On[T ops.Op](r *Rewriter, f Func[T]) {
	if r == nil {
		panic("rewriter: On called on a nil *Rewriter; use rewriter.New()")
	}
	r.init()
	t := reflect.TypeFor[T]()
	h := func(ctx Context, op ops.Op) ([]ops.Op, error) { return f(ctx, op.(T)) }
	if t.Kind() == reflect.Interface {
		if t != reflect.TypeFor[ops.Op]() {
			panic(fmt.Sprintf("rewriter: On[%s]: register a concrete op type, or ops.Op for every op", t))
		}
		if r.fallback != nil {
			panic("rewriter: On[ops.Op] registered twice; Chain a second Rewriter")
		}
		r.fallback = h
		return
	}
	if _, dup := r.byType[t]; dup {
		panic(fmt.Sprintf("rewriter: On[%s] registered twice; Chain a second Rewriter", t))
	}
	r.byType[t] = h
}

// OnCustom registers f for the custom ops (the [ops.CustomOp] inside an
// [ops.Custom]) whose dynamic type is T, e.g. *policy.CreatePolicy. It takes
// precedence over On[ops.Custom]. It panics when r already has a function
// for T, or when T is an interface type.
func OnCustom[T ops.CustomOp](r *Rewriter, f Func[T]) {
	if r == nil {
		panic("rewriter: OnCustom called on a nil *Rewriter; use rewriter.New()")
	}
	r.init()
	t := reflect.TypeFor[T]()
	if t.Kind() == reflect.Interface {
		panic(fmt.Sprintf("rewriter: OnCustom[%s]: register a concrete custom op type", t))
	}
	if _, dup := r.byCustom[t]; dup {
		panic(fmt.Sprintf("rewriter: OnCustom[%s] registered twice; Chain a second Rewriter", t))
	}
	r.byCustom[t] = func(ctx Context, op ops.Op) ([]ops.Op, error) {
		return f(ctx, op.(ops.Custom).Op.(T))
	}
}

func (r *Rewriter) init() {
	if r.byType == nil {
		r.byType = map[reflect.Type]handler{}
	}
	if r.byCustom == nil {
		r.byCustom = map[reflect.Type]handler{}
	}
}

// Chain returns a Rewriter that runs r, then next on r's output. Neither
// is copied: functions registered on r or next later take part too.
// Functions registered with On on the returned Rewriter run after both.
// A nil r or next is skipped.
func (r *Rewriter) Chain(next *Rewriter) *Rewriter {
	c := New()
	for _, s := range []*Rewriter{r, next} {
		if s != nil {
			c.steps = append(c.steps, s)
		}
	}
	return c
}

// Container is implemented by custom ops that hold ops, such as a group of
// ops on one table. Rewrite rewrites the ops of a container first, in the
// same Context with the container appended to Within, then builds the
// container again with WithOps and hands that to the container's own
// function, if any.
type Container interface {
	ops.CustomOp
	// Ops returns the contained ops, in order.
	Ops() []ops.Op
	// WithOps returns a copy of the container holding list instead.
	WithOps(list []ops.Op) ops.CustomOp
}

// Rewrite returns list rewritten: every op replaced by what the function
// registered for its type returns, in order. The input list is not
// modified. Errors wrap [ErrRewrite] and name the op by index and
// description.
func (r *Rewriter) Rewrite(ctx Context, list []ops.Op) ([]ops.Op, error) {
	if r == nil {
		return list, nil
	}
	var err error
	for _, s := range r.steps {
		if list, err = s.Rewrite(ctx, list); err != nil {
			return nil, err
		}
	}
	out, err := r.pass(ctx, list)
	if err != nil {
		where := "op"
		if ctx.Direction != 0 {
			where = ctx.Direction.String() + " op"
		}
		return nil, fmt.Errorf("%w: %s %w", ErrRewrite, where, err)
	}
	return out, nil
}

// pass runs r's own functions over list (and into containers). Its errors
// start with the failing op's number, "2 (drop table users): ...".
func (r *Rewriter) pass(ctx Context, list []ops.Op) ([]ops.Op, error) {
	if r.empty() {
		return list, nil
	}
	out := make([]ops.Op, 0, len(list))
	for i, op := range list {
		got, err := r.rewriteOne(ctx, op)
		if err != nil {
			return nil, fmt.Errorf("%d (%s): %w", i+1, describe(op), err)
		}
		out = append(out, got...)
	}
	return out, nil
}

// empty reports whether r has functions of its own.
func (r *Rewriter) empty() bool {
	return len(r.byType) == 0 && len(r.byCustom) == 0 && r.fallback == nil
}

// rewriteOne rewrites one op: a container's ops first, then the op itself.
func (r *Rewriter) rewriteOne(ctx Context, op ops.Op) ([]ops.Op, error) {
	if op == nil {
		return nil, errors.New("nil op in the list")
	}
	if c, ok := op.(ops.Custom); ok {
		if cont, ok := c.Op.(Container); ok {
			inner := ctx
			inner.Within = append(append([]ops.CustomOp(nil), ctx.Within...), cont)
			kids, err := r.pass(inner, cont.Ops())
			if err != nil {
				return nil, fmt.Errorf("in %s, op %w", cont.Name(), err)
			}
			op = ops.Custom{Op: cont.WithOps(kids)}
		}
	}
	h := r.handlerFor(op)
	if h == nil {
		return []ops.Op{op}, nil
	}
	got, err := h(ctx, op)
	if err != nil {
		return nil, err
	}
	for j, g := range got {
		if g == nil {
			return nil, fmt.Errorf("the rewrite function returned a nil op at %d", j)
		}
	}
	return got, nil
}

// handlerFor finds the function for op: its custom type's, its op type's,
// else the fallback.
func (r *Rewriter) handlerFor(op ops.Op) handler {
	if c, ok := op.(ops.Custom); ok && c.Op != nil {
		if h, ok := r.byCustom[reflect.TypeOf(c.Op)]; ok {
			return h
		}
	}
	if h, ok := r.byType[reflect.TypeOf(op)]; ok {
		return h
	}
	return r.fallback
}

// describe names an op for an error message.
func describe(op ops.Op) string {
	if op == nil {
		return "nil"
	}
	return ops.Describe(op)
}
