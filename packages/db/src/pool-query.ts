import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Runs one statement on any free connection of a pool and gives its rows. */
export type PoolQuery = (sql: string, parameters: readonly unknown[]) => Promise<unknown[]>;

const byDb = new WeakMap<Kysely<Database>, PoolQuery>();

/** createDb: what runs a compiled statement straight on this database's pool (node-pg's pool.query). */
export function registerPoolQuery(db: Kysely<Database>, query: PoolQuery): void {
  byDb.set(db, query);
}

/**
 * The pool runner of a database made by createDb on PostgreSQL; undefined for anything else — a transaction (its
 * statements must run on its own connection), a Kysely derived with withPlugin/withSchema, PGlite — which then
 * goes through kysely as usual.
 */
export function poolQueryOf(db: Kysely<Database>): PoolQuery | undefined {
  return byDb.get(db);
}
