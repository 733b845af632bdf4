package render

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/retortdb/retort/ops"
)

// ErrCustomField is wrapped by the errors for a custom op whose fields
// render cannot write as a Go composite literal; the error names the field.
var ErrCustomField = fmt.Errorf("%w: custom op field", ErrUnsupportedOp)

// maxDepth bounds the nesting of a custom op's value (a pointer cycle).
const maxDepth = 64

// customCode renders op.Custom(<literal>): the custom op as a composite
// literal of its own type, &T{...} when it is a pointer. Its exported
// fields may be strings, bools, numbers, and slices, arrays, maps with
// string keys, structs and struct pointers of those; zero fields are left
// out.
func customCode(o ops.Custom) (jen.Code, error) {
	if o.Op == nil {
		return nil, fmt.Errorf("%w: empty ops.Custom", ErrUnsupportedOp)
	}
	v := reflect.ValueOf(o.Op)
	t := v.Type()
	st := t
	if t.Kind() == reflect.Pointer {
		st = t.Elem()
	}
	if st.Kind() != reflect.Struct || st.Name() == "" {
		return nil, fmt.Errorf("%w: custom op %q is a %s; render writes named structs and pointers to them", ErrUnsupportedOp, o.Op.Name(), t)
	}
	if t.Kind() == reflect.Pointer && v.IsNil() {
		return nil, fmt.Errorf("%w: custom op %s is a nil pointer", ErrUnsupportedOp, t)
	}
	if err := checkType(t, st.String(), map[reflect.Type]bool{}); err != nil {
		return nil, fmt.Errorf("custom op %q: %w", o.Op.Name(), err)
	}
	c, err := valueCode(v, st.String(), 0)
	if err != nil {
		return nil, fmt.Errorf("custom op %q: %w", o.Op.Name(), err)
	}
	return jen.Id("op").Dot("Custom").Call(c), nil
}

// checkType reports the first field of t whose type render cannot write,
// by its path. Unexported fields are checked by value, in valueCode.
func checkType(t reflect.Type, path string, seen map[reflect.Type]bool) error {
	if seen[t] {
		return nil
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return namedOK(t, path)
	case reflect.Slice, reflect.Array:
		if err := namedOK(t, path); err != nil {
			return err
		}
		return checkType(t.Elem(), path+"[]", seen)
	case reflect.Map:
		if err := namedOK(t, path); err != nil {
			return err
		}
		if t.Key().Kind() != reflect.String {
			return fmt.Errorf("%w: %s: map keys must be strings, not %s", ErrCustomField, path, t.Key())
		}
		if err := checkType(t.Key(), path+"[key]", seen); err != nil {
			return err
		}
		return checkType(t.Elem(), path+"[]", seen)
	case reflect.Pointer:
		if t.Elem().Kind() != reflect.Struct {
			return fmt.Errorf("%w: %s: a pointer to %s cannot be written as a literal; use a value", ErrCustomField, path, t.Elem())
		}
		return checkType(t.Elem(), path, seen)
	case reflect.Struct:
		if t.Name() == "" {
			return fmt.Errorf("%w: %s: anonymous struct types are not supported; name the type", ErrCustomField, path)
		}
		if err := namedOK(t, path); err != nil {
			return err
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if err := checkType(f.Type, path+"."+f.Name, seen); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("%w: %s has kind %s, which a revision file cannot hold; use strings, numbers, bools, slices, maps or structs", ErrCustomField, path, t.Kind())
}

// namedOK reports whether a named type can be referred to from another
// package.
func namedOK(t reflect.Type, path string) error {
	if t.Name() == "" || t.PkgPath() == "" {
		return nil
	}
	switch {
	case strings.Contains(t.Name(), "["):
		return fmt.Errorf("%w: %s: generic type %s is not supported", ErrCustomField, path, t)
	case t.PkgPath() == "main" || strings.HasSuffix(t.PkgPath(), "_test"):
		return fmt.Errorf("%w: %s: type %s is in package %s, which a revision file cannot import; move it to its own package", ErrCustomField, path, t, t.PkgPath())
	}
	return nil
}

// typeExpr renders the Go type t (checked by checkType).
func typeExpr(t reflect.Type) jen.Code {
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return jen.Id(t.Name())
		}
		return jen.Qual(t.PkgPath(), t.Name())
	}
	switch t.Kind() {
	case reflect.Slice:
		return jen.Index().Add(typeExpr(t.Elem()))
	case reflect.Array:
		return jen.Index(jen.Lit(t.Len())).Add(typeExpr(t.Elem()))
	case reflect.Map:
		return jen.Map(typeExpr(t.Key())).Add(typeExpr(t.Elem()))
	case reflect.Pointer:
		return jen.Op("*").Add(typeExpr(t.Elem()))
	}
	return jen.Id(t.String())
}

// maxInline is the most fields a struct literal of scalars is written with
// on one line.
const maxInline = 3

// scalars reports whether every set field of the struct v is a bool, a
// string or a number.
func scalars(v reflect.Value) bool {
	for i := range v.NumField() {
		f := v.Field(i)
		if f.IsZero() {
			continue
		}
		switch f.Kind() {
		case reflect.Slice, reflect.Array, reflect.Map, reflect.Pointer, reflect.Struct, reflect.Interface:
			return false
		}
	}
	return true
}

// multi lays out a composite literal one element a line.
var multi = jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}

// valueCode renders v, whose type checkType accepted, as an expression of
// its own type in a typed context (a field, an element or a map value).
func valueCode(v reflect.Value, path string, depth int) (jen.Code, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("%w: %s: nested more than %d deep (a pointer cycle?)", ErrCustomField, path, maxDepth)
	}
	t := v.Type()
	switch t.Kind() {
	case reflect.Bool:
		return jen.Lit(v.Bool()), nil
	case reflect.String:
		return lit(v.String()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return jen.Op(strconv.FormatInt(v.Int(), 10)), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return jen.Op(strconv.FormatUint(v.Uint(), 10)), nil
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%w: %s: %v has no Go literal", ErrCustomField, path, f)
		}
		return jen.Op(strconv.FormatFloat(f, 'g', -1, t.Bits())), nil
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			return jen.Nil(), nil
		}
		items := make([]jen.Code, v.Len())
		for i := range v.Len() {
			c, err := valueCode(v.Index(i), path+"["+strconv.Itoa(i)+"]", depth+1)
			if err != nil {
				return nil, err
			}
			items[i] = c
		}
		return jen.Add(typeExpr(t)).Values(items...), nil
	case reflect.Map:
		if v.IsNil() {
			return jen.Nil(), nil
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		items := make([]jen.Code, len(keys))
		for i, k := range keys {
			c, err := valueCode(v.MapIndex(k), path+"["+strconv.Quote(k.String())+"]", depth+1)
			if err != nil {
				return nil, err
			}
			items[i] = jen.Add(lit(k.String())).Op(":").Add(c)
		}
		if len(items) == 0 {
			return jen.Add(typeExpr(t)).Values(), nil
		}
		return jen.Add(typeExpr(t)).Custom(multi, items...), nil
	case reflect.Pointer:
		if v.IsNil() {
			return jen.Nil(), nil
		}
		c, err := valueCode(v.Elem(), path, depth+1)
		if err != nil {
			return nil, err
		}
		return jen.Op("&").Add(c), nil
	case reflect.Struct:
		var items []jen.Code
		for i := range t.NumField() {
			f, fv := t.Field(i), v.Field(i)
			if fv.IsZero() {
				continue
			}
			if !f.IsExported() {
				return nil, fmt.Errorf("%w: %s.%s is unexported and set; a revision file cannot set it", ErrCustomField, path, f.Name)
			}
			c, err := valueCode(fv, path+"."+f.Name, depth+1)
			if err != nil {
				return nil, err
			}
			items = append(items, jen.Id(f.Name).Op(":").Add(c))
		}
		if len(items) == 0 || len(items) <= maxInline && scalars(v) {
			return jen.Add(typeExpr(t)).Values(items...), nil
		}
		return jen.Add(typeExpr(t)).Custom(multi, items...), nil
	}
	return nil, fmt.Errorf("%w: %s has kind %s", ErrCustomField, path, t.Kind())
}

// customImports returns the packages the custom ops of lists refer to, as
// import path and package name, sorted by path.
func customImports(lists ...[]ops.Op) [][2]string {
	names := map[string]string{}
	for _, list := range lists {
		for _, o := range list {
			if c, ok := o.(ops.Custom); ok && c.Op != nil {
				collectImports(reflect.TypeOf(c.Op), names, map[reflect.Type]bool{})
			}
		}
	}
	paths := make([]string, 0, len(names))
	for p := range names {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	out := make([][2]string, len(paths))
	for i, p := range paths {
		out[i] = [2]string{p, names[p]}
	}
	return out
}

// collectImports adds the package of every named type t is made of.
func collectImports(t reflect.Type, names map[string]string, seen map[reflect.Type]bool) {
	if seen[t] {
		return
	}
	seen[t] = true
	if t.Name() != "" && t.PkgPath() != "" {
		// Type.String is "name.Type", with the package's name, not its path.
		if name, _, ok := strings.Cut(t.String(), "."); ok {
			names[t.PkgPath()] = name
		}
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Pointer:
		collectImports(t.Elem(), names, seen)
	case reflect.Map:
		collectImports(t.Key(), names, seen)
		collectImports(t.Elem(), names, seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				collectImports(f.Type, names, seen)
			}
		}
	}
}

// importCustom names the packages of the custom ops of lists in f, so
// their imports carry the package's real name. A name already taken by
// another import is left to jennifer, which gives it an alias.
func importCustom(f *jen.File, lists ...[]ops.Op) {
	taken := map[string]bool{"migrate": true, "model": true, "ops": true}
	for _, imp := range customImports(lists...) {
		path, name := imp[0], imp[1]
		if path == migratePath || path == modelPath || path == opsPath || taken[name] {
			continue
		}
		taken[name] = true
		f.ImportName(path, name)
	}
}
