package dialect

import "testing"

func TestCompareTypes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, from, to  string
		narrowing, cast bool
	}{
		{"varchar narrowed", "varchar(255)", "varchar(50)", true, false},
		{"varchar widened", "varchar(50)", "varchar(255)", false, false},
		{"text to varchar", "text", "varchar(100)", true, false},
		{"varchar to text", "varchar(100)", "text", false, false},
		{"bigint to int", "bigint", "int", true, false},
		{"int to bigint", "int", "bigint", false, false},
		{"unsigned int to bigint", "int unsigned", "bigint", false, false},
		{"int to unsigned", "int", "int unsigned", true, false},
		{"numeric narrowed", "numeric(10,2)", "numeric(8,2)", true, false},
		{"numeric scale cut", "numeric(10,2)", "numeric(10,1)", true, false},
		{"numeric widened", "numeric(10,2)", "numeric(12,2)", false, false},
		{"numeric unbounded", "numeric(10,2)", "numeric", false, false},
		{"text to integer", "text", "integer", false, true},
		{"integer to text", "integer", "text", false, false},
		{"integer to short varchar", "integer", "varchar(5)", true, false},
		{"numeric to int", "numeric(10,2)", "integer", false, true},
		{"whole numeric to bigint", "numeric(12,0)", "bigint", false, false},
		{"double to real", "double", "real", true, false},
		{"timestamp to date", "timestamp", "date", false, true},
		{"date to timestamp", "date", "timestamp", false, false},
		{"timestamp precision cut", "timestamp(6)", "timestamp(3)", true, false},
		{"enum value dropped", "enum('a','b','c')", "enum('a','c')", true, false},
		{"enum value added", "enum('a','c')", "enum('a','b','c')", false, false},
		{"json to jsonb", "json", "jsonb", false, false},
		{"uuid to text", "uuid", "text", false, false},
		{"bool to int", "boolean", "integer", false, false},
		{"int to bool", "integer", "boolean", false, true},
		{"longtext to text", "longtext", "text", true, false},
		{"longtext to mediumtext", "longtext", "mediumtext", true, false},
		{"mediumtext to text", "mediumtext", "text", true, false},
		{"text to tinytext", "text", "tinytext", true, false},
		{"tinytext to text", "tinytext", "text", false, false},
		{"text to longtext", "text", "longtext", false, false},
		{"longblob to blob", "longblob", "blob", true, false},
		{"blob to mediumblob", "blob", "mediumblob", false, false},
		{"longtext to varchar", "longtext", "varchar(191)", true, false},
		{"longtext to text", "longtext", "text", true, false},
		{"longtext to mediumtext", "longtext", "mediumtext", true, false},
		{"mediumtext to text", "mediumtext", "text", true, false},
		{"text to tinytext", "text", "tinytext", true, false},
		{"tinytext to text", "tinytext", "text", false, false},
		{"text to longtext", "text", "longtext", false, false},
		{"longblob to blob", "longblob", "blob", true, false},
		{"blob to mediumblob", "blob", "mediumblob", false, false},
		{"longtext to varchar", "longtext", "varchar(191)", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			l := CompareTypes(ParseType(tc.from), ParseType(tc.to))
			if l.Narrowing != tc.narrowing || l.Cast != tc.cast {
				t.Errorf("CompareTypes(%s -> %s) = narrowing %v, cast %v (%s); want %v, %v", tc.from, tc.to, l.Narrowing, l.Cast, l.Why, tc.narrowing, tc.cast)
			}
		})
	}
}
