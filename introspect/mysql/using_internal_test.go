package mysql

import (
	"maps"
	"testing"
)

func TestKeyUsing(t *testing.T) {
	def := "CREATE TABLE `t` (\n" +
		"  `id` int(11) NOT NULL,\n" +
		"  `a` varchar(10) DEFAULT 'x) USING HASH',\n" +
		"  PRIMARY KEY (`id`) USING HASH,\n" +
		"  UNIQUE KEY `u``q` (`a`(3)) USING BTREE COMMENT 'c',\n" +
		"  KEY `k` ((concat(`a`,')'))) USING HASH,\n" +
		"  KEY `plain` (`a`) COMMENT 'USING HASH',\n" +
		"  FULLTEXT KEY `f` (`a`)\n" +
		") ENGINE=InnoDB"
	got := keyUsing(def)
	want := map[string]string{"u`q": "BTREE", "k": "HASH"}
	if !maps.Equal(got, want) {
		t.Fatalf("keyUsing = %v, want %v", got, want)
	}
}
