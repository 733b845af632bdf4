package model

import (
	"reflect"
	"testing"
)

// fill sets every field reachable from v to a non-zero value, giving each
// slice two elements, so the test covers fields added after it was written.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n%3 + 1))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n%3 + 1))
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	}
}

// shared reports the path of a slice whose backing array a and b share.
func shared(a, b reflect.Value, path string) (string, bool) {
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if p, ok := shared(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); ok {
				return p, true
			}
		}
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			return path, true
		}
		for i := range a.Len() {
			if p, ok := shared(a.Index(i), b.Index(i), path+"[]"); ok {
				return p, true
			}
		}
	}
	return "", false
}

func TestCloneSharesNoSlice(t *testing.T) {
	t.Parallel()
	var s Schema
	n := 0
	fill(reflect.ValueOf(&s).Elem(), &n)
	c := s.Clone()
	if !reflect.DeepEqual(s, c) {
		t.Fatalf("Schema.Clone differs from the original:\n%+v\n%+v", s, c)
	}
	if p, ok := shared(reflect.ValueOf(s), reflect.ValueOf(c), "Schema"); ok {
		t.Errorf("Schema.Clone shares %s with the original", p)
	}
	tc := s.Tables[0].Clone()
	if p, ok := shared(reflect.ValueOf(s.Tables[0]), reflect.ValueOf(tc), "Table"); ok {
		t.Errorf("Table.Clone shares %s with the original", p)
	}
}

func TestCloneKeepsNil(t *testing.T) {
	t.Parallel()
	tab := Table{Name: "t", Columns: []Column{{Name: "a"}}}
	c := tab.Clone()
	if c.Indexes != nil || c.Columns[0].Type.EnumValues != nil || c.Options != nil {
		t.Errorf("Clone made nil slices empty: %+v", c)
	}
}
