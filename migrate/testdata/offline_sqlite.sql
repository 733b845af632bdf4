-- upgrade base:head
CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);

-- Running upgrade <base> -> r1

PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE users (
	id integer NOT NULL,
	name varchar(100) NOT NULL,
	CONSTRAINT pk_users PRIMARY KEY (id)
);
INSERT INTO retort_version (version_num) VALUES ('r1');
CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT "foreign key violations (PRAGMA foreign_key_check lists them): this transaction must not commit" CHECK (violations = 0));
INSERT INTO temp.retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.retort_foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;

-- Running upgrade r1 -> r2

PRAGMA foreign_keys = OFF;
BEGIN;
ALTER TABLE users ADD COLUMN email varchar(200);
UPDATE retort_version SET version_num = 'r2' WHERE version_num = 'r1';
CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT "foreign key violations (PRAGMA foreign_key_check lists them): this transaction must not commit" CHECK (violations = 0));
INSERT INTO temp.retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.retort_foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;

-- Running upgrade r2 -> r3

PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE posts (
	id integer NOT NULL,
	user_id integer NOT NULL,
	title varchar(100),
	CONSTRAINT pk_posts PRIMARY KEY (id),
	CONSTRAINT fk_posts_user_id_users FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_posts_title ON posts (title);
UPDATE retort_version SET version_num = 'r3' WHERE version_num = 'r2';
CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT "foreign key violations (PRAGMA foreign_key_check lists them): this transaction must not commit" CHECK (violations = 0));
INSERT INTO temp.retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.retort_foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;

-- downgrade heads:base
CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);

-- Running downgrade r3 -> r2

PRAGMA foreign_keys = OFF;
BEGIN;
DROP INDEX ix_posts_title;
DROP TABLE posts;
UPDATE retort_version SET version_num = 'r2' WHERE version_num = 'r3';
CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT "foreign key violations (PRAGMA foreign_key_check lists them): this transaction must not commit" CHECK (violations = 0));
INSERT INTO temp.retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.retort_foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;

-- Running downgrade r2 -> r1

PRAGMA foreign_keys = OFF;
BEGIN;
ALTER TABLE users DROP COLUMN email;
UPDATE retort_version SET version_num = 'r1' WHERE version_num = 'r2';
CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT "foreign key violations (PRAGMA foreign_key_check lists them): this transaction must not commit" CHECK (violations = 0));
INSERT INTO temp.retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.retort_foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;

-- Running downgrade r1 -> <base>

PRAGMA foreign_keys = OFF;
BEGIN;
DROP TABLE users;
DELETE FROM retort_version WHERE version_num = 'r1';
CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT "foreign key violations (PRAGMA foreign_key_check lists them): this transaction must not commit" CHECK (violations = 0));
INSERT INTO temp.retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.retort_foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
