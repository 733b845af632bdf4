package postgres

// The catalog queries. $1 is the schema to read ("" for current_schema());
// $2 is the text[] of admitted table names. Each reads one object kind for
// every admitted table at once and ends in ORDER BY.

const schemaCond = `n.nspname = COALESCE(NULLIF($1::text, ''), current_schema())`

const tablesQuery = `
SELECT c.relname, COALESCE(d.description, ''), c.relpersistence = 'u',
  COALESCE(array_to_string(c.reloptions, ', '), ''),
  c.relrowsecurity, c.relforcerowsecurity, c.relreplident::text,
  COALESCE((SELECT ic.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    WHERE i.indrelid = c.oid AND i.indisreplident), '')
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE ` + schemaCond + `
  AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname`

const columnsQuery = `
SELECT c.relname, a.attname,
  pg_catalog.format_type(a.atttypid, a.atttypmod),
  a.attnotnull,
  -- A default cannot refer to columns, so it deparses without opening the
  -- table (relid 0), which halves the query's time; a generation
  -- expression does refer to columns.
  COALESCE(pg_catalog.pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END, true), ''),
  a.attidentity::text,
  a.attgenerated::text,
  COALESCE(d.description, ''),
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname ELSE '' END,
  CASE WHEN et.typtype = 'e' THEN
    CASE WHEN et.typnamespace = c.relnamespace THEN quote_ident(et.typname)
    ELSE quote_ident(en.nspname) || '.' || quote_ident(et.typname) END
  ELSE '' END,
  t.typcategory = 'A',
  ad.adbin IS NOT NULL AND a.attidentity = '' AND a.attgenerated = '' AND COALESCE(sq.deptype = 'a', false),
  -- The sequence that numbers the column: an identity's (internal
  -- dependency) or a serial's (owned, automatic dependency).
  sq.seqstart, sq.seqincrement, sq.seqmin, sq.seqmax, sq.seqcache, sq.seqcycle, COALESCE(sq.seqtype, ''),
  CASE a.attstorage WHEN t.typstorage THEN ''
    WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'x' THEN 'extended' WHEN 'm' THEN 'main' ELSE '' END,
  CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' ELSE '' END
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
LEFT JOIN pg_catalog.pg_namespace en ON en.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
LEFT JOIN LATERAL (
  SELECT dep.deptype::text AS deptype, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
    pg_catalog.format_type(s.seqtypid, NULL) AS seqtype
  FROM pg_catalog.pg_depend dep
  JOIN pg_catalog.pg_sequence s ON s.seqrelid = dep.objid
  WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refclassid = 'pg_catalog.pg_class'::regclass
    AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum AND dep.deptype IN ('a', 'i')
  ORDER BY dep.objid LIMIT 1) sq ON a.attidentity <> '' OR ad.adbin IS NOT NULL
WHERE ` + schemaCond + ` AND c.relkind IN ('r', 'p') AND c.relname = ANY($2)
ORDER BY c.relname, a.attnum`

const constraintsQuery = `
SELECT c.relname, con.conname, con.contype::text,
  COALESCE((SELECT json_agg(a.attname ORDER BY k.i)
    FROM unnest(con.conkey) WITH ORDINALITY k(num, i)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num), '[]')::text,
  CASE WHEN rc.oid IS NULL OR rc.relnamespace = c.relnamespace THEN '' ELSE rn.nspname END,
  COALESCE(rc.relname, ''),
  COALESCE((SELECT json_agg(a.attname ORDER BY k.i)
    FROM unnest(con.confkey) WITH ORDINALITY k(num, i)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num), '[]')::text,
  con.confdeltype::text, con.confupdtype::text, con.condeferrable, con.condeferred,
  CASE WHEN con.contype IN ('c', 'x') THEN pg_catalog.pg_get_constraintdef(con.oid, true) ELSE '' END,
  COALESCE(ci.indnullsnotdistinct, false), con.confmatchtype::text, con.connoinherit,
  COALESCE(d.description, ''), NOT con.convalidated
FROM pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_index ci ON ci.indexrelid = con.conindid AND con.contype IN ('p', 'u')
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = con.oid AND d.classoid = 'pg_catalog.pg_constraint'::regclass AND d.objsubid = 0
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE ` + schemaCond + ` AND c.relkind IN ('r', 'p') AND c.relname = ANY($2)
  AND con.contype IN ('p', 'u', 'f', 'c', 'x')
ORDER BY c.relname, con.contype, con.conname`

const indexesQuery = `
SELECT t.relname, i.relname, ix.indisunique, am.amname,
  COALESCE(pg_catalog.pg_get_expr(ix.indpred, ix.indrelid, true), ''),
  ix.indnkeyatts, k.i, k.num,
  CASE WHEN k.num = 0 THEN pg_catalog.pg_get_indexdef(ix.indexrelid, k.i::int, true) ELSE a.attname::text END,
  COALESCE(ix.indoption[k.i - 1], 0),
  -- A key's collation where it differs from its column's (an expression's
  -- from its type's), and its operator class where it is not the default.
  -- An expression's collation is derived from the columns it reads (not
  -- known here): one equal to a referenced column's is taken as derived.
  CASE WHEN k.i <= ix.indnkeyatts AND ix.indcollation[k.i - 1] <> 0
    AND ix.indcollation[k.i - 1] <> COALESCE(a.attcollation, ty.typcollation, 0)
    AND (k.num <> 0 OR NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend dep
      JOIN pg_catalog.pg_attribute ca ON ca.attrelid = dep.refobjid AND ca.attnum = dep.refobjsubid
      WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = ix.indexrelid
        AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = ix.indrelid
        AND ca.attcollation = ix.indcollation[k.i - 1]))
  THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text
    ELSE '"' || replace(cn.nspname, '"', '""') || '"."' || replace(co.collname, '"', '""') || '"' END
    FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
    WHERE co.oid = ix.indcollation[k.i - 1]) ELSE '' END,
  CASE WHEN k.i <= ix.indnkeyatts AND NOT opc.opcdefault THEN
    CASE WHEN on_.nspname = 'pg_catalog' THEN quote_ident(opc.opcname)
    ELSE quote_ident(on_.nspname) || '.' || quote_ident(opc.opcname) END
  ELSE '' END,
  ix.indnullsnotdistinct,
  COALESCE(array_to_string(i.reloptions, ', '), ''),
  COALESCE(d.description, '')
FROM pg_catalog.pg_index ix
JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = ix.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = i.relam
CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY k(num, i)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.num
LEFT JOIN pg_catalog.pg_attribute ia ON ia.attrelid = ix.indexrelid AND ia.attnum = k.i
LEFT JOIN pg_catalog.pg_type ty ON ty.oid = ia.atttypid
LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = ix.indclass[k.i - 1]
LEFT JOIN pg_catalog.pg_namespace on_ ON on_.oid = opc.opcnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = i.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE ` + schemaCond + ` AND t.relkind IN ('r', 'p') AND t.relname = ANY($2)
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_constraint con
    WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x'))
ORDER BY t.relname, i.relname, k.i`

const enumsQuery = `
SELECT t.typname, e.enumlabel, COALESCE(pg_catalog.obj_description(t.oid, 'pg_type'), '')
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE ` + schemaCond + `
ORDER BY t.typname, e.enumsortorder`

// extensionsQuery lists the database's extensions; the schema of one
// installed into the inspected schema is "".
const extensionsQuery = `
SELECT e.extname, CASE WHEN n.nspname = COALESCE(NULLIF($1::text, ''), current_schema()) THEN '' ELSE n.nspname END,
  e.extversion
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
ORDER BY e.extname`
