import { sql } from 'kysely';
import type { Db } from '../src/index';

/** `table.column` → the values the database accepts for it. */
export type ColumnValueSets = Map<string, string[]>;

/**
 * The value list of a `column in ('a','b')` check as PostgreSQL prints it back:
 * `CHECK ((domain = ANY (ARRAY['food'::text, 'general'::text])))`; null for any other check (`quantity >= 0`…).
 */
export function parseValueListCheck(definition: string): { column: string; values: string[] } | null {
  const match = definition.match(
    /^CHECK \(+"?(\w+)"?\)?(?:::\w+)? = ANY \(+ARRAY\[(.*)\]\)*(?:::text\[\])?\)+$/s,
  );
  if (!match?.[1] || match[2] === undefined) return null;
  const values = [...match[2].matchAll(/'((?:[^']|'')*)'(?:::[\w ]+)?/g)].map((m) =>
    (m[1] ?? '').replace(/''/g, "'"),
  );
  return { column: match[1], values };
}

/** Every value-list check constraint and enum-typed column of the public schema. */
export async function databaseValueSets(db: Db): Promise<ColumnValueSets> {
  const sets: ColumnValueSets = new Map();
  const checks = await sql<{ table_name: string; definition: string }>`
    select cls.relname as table_name, pg_get_constraintdef(con.oid) as definition
    from pg_constraint con
    join pg_class cls on cls.oid = con.conrelid
    join pg_namespace ns on ns.oid = cls.relnamespace
    where con.contype = 'c' and ns.nspname = 'public'`.execute(db);
  for (const row of checks.rows) {
    const parsed = parseValueListCheck(row.definition);
    if (parsed) sets.set(`${row.table_name}.${parsed.column}`, parsed.values);
  }
  const enums = await sql<{ table_name: string; column_name: string; value: string }>`
    select c.table_name, c.column_name, e.enumlabel as value
    from information_schema.columns c
    join pg_type t on t.typname = c.udt_name
    join pg_enum e on e.enumtypid = t.oid
    where c.table_schema = 'public'
    order by e.enumsortorder`.execute(db);
  for (const row of enums.rows) {
    const key = `${row.table_name}.${row.column_name}`;
    sets.set(key, [...(sets.get(key) ?? []), row.value]);
  }
  return sets;
}

/** What differs between the database and the contracts, one sentence per column (empty: they agree). */
export function valueSetDrift(database: ColumnValueSets, contracts: ColumnValueSets): string[] {
  const drift: string[] = [];
  for (const [column, expected] of contracts) {
    const actual = database.get(column);
    if (!actual) {
      drift.push(`${column}: no check constraint or enum type in the database`);
      continue;
    }
    const missing = expected.filter((v) => !actual.includes(v));
    const extra = actual.filter((v) => !expected.includes(v));
    if (missing.length) drift.push(`${column}: the database refuses ${missing.join(', ')}`);
    if (extra.length) drift.push(`${column}: the database accepts ${extra.join(', ')}, the contracts do not`);
  }
  for (const column of database.keys())
    if (!contracts.has(column))
      drift.push(`${column}: constrained in the database, mapped to no contracts enum`);
  return drift.sort();
}
