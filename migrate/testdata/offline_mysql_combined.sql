-- upgrade base:head
CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);

-- Running upgrade <base> -> r1

CREATE TABLE users (
  id integer NOT NULL,
  name varchar(100) NOT NULL,
  PRIMARY KEY (id)
);
INSERT INTO retort_version (version_num) VALUES ('r1');

-- Running upgrade r1 -> r2

ALTER TABLE users ADD COLUMN a int, ADD COLUMN b int, ADD COLUMN c varchar(20), ADD INDEX ix_users_a (a);
UPDATE retort_version SET version_num = 'r2' WHERE version_num = 'r1';

-- downgrade heads:base
CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);

-- Running downgrade r2 -> r1

ALTER TABLE users DROP INDEX ix_users_a, DROP COLUMN c, DROP COLUMN b, DROP COLUMN a;
UPDATE retort_version SET version_num = 'r1' WHERE version_num = 'r2';

-- Running downgrade r1 -> <base>

DROP TABLE users;
DELETE FROM retort_version WHERE version_num = 'r1';
