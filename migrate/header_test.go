package migrate

import (
	"reflect"
	"testing"

	"github.com/retortdb/retort/ops"
)

// TestRevisionHeaderCopiesEveryField: every field of ops.Header is a field
// of Revision with the same type, and Header copies it.
func TestRevisionHeaderCopiesEveryField(t *testing.T) {
	t.Parallel()
	var r Revision
	rv := reflect.ValueOf(&r).Elem()
	ht := reflect.TypeFor[ops.Header]()
	for i := range ht.NumField() {
		f := ht.Field(i)
		rf := rv.FieldByName(f.Name)
		if !rf.IsValid() || rf.Type() != f.Type {
			t.Fatalf("Revision has no field %s %s to match ops.Header", f.Name, f.Type)
		}
		switch f.Type.Kind() {
		case reflect.String:
			rf.SetString("v-" + f.Name)
		case reflect.Slice:
			rf.Set(reflect.ValueOf([]string{"v-" + f.Name}))
		default:
			t.Fatalf("ops.Header.%s has kind %s; extend this test", f.Name, f.Type.Kind())
		}
	}
	h := reflect.ValueOf(r.Header())
	for i := range ht.NumField() {
		name := ht.Field(i).Name
		if !reflect.DeepEqual(h.Field(i).Interface(), rv.FieldByName(name).Interface()) {
			t.Errorf("Revision.Header().%s = %v, want %v", name, h.Field(i), rv.FieldByName(name))
		}
	}
}
