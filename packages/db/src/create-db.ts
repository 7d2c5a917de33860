import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export interface DbConfig {
  /** PostgreSQL URL; unset → embedded PGlite (dev/demo only). */
  databaseUrl?: string | undefined;
  /** PGlite data directory; unset → in-memory. */
  pgliteDataDir?: string | undefined;
  /** PGlite: start from a dump (a migrated template) instead of an empty cluster. */
  pgliteLoadDump?: Blob | undefined;
  nodeEnv?: string | undefined;
  poolMax?: number | undefined;
}

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

// One wire format for both engines: numerics and counts as numbers, dates as 'YYYY-MM-DD'.
const parsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (v) => Number(v),
  [OID.numeric]: (v) => Number.parseFloat(v),
  [OID.date]: (v) => v,
};

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return parsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
};

export class EmbeddedDbRefusedError extends Error {
  constructor() {
    super('DATABASE_URL is required when NODE_ENV=production (embedded PGlite is for dev and demo only)');
  }
}

export async function createDb(config: DbConfig): Promise<{ db: Db; engine: 'postgres' | 'pglite' }> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolMax ?? 10,
      types: pgTypes,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // A dropped server connection must not crash the process: idle clients report on the pool, checked-out
    // ones on themselves; their next query fails (→ 503 DB_UNAVAILABLE) and the pool discards them.
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) }),
      engine: 'postgres',
    };
  }
  if (config.nodeEnv === 'production') throw new EmbeddedDbRefusedError();
  if (config.pgliteDataDir) mkdirSync(config.pgliteDataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(config.pgliteDataDir ? { dataDir: config.pgliteDataDir } : {}),
    ...(config.pgliteLoadDump ? { loadDataDir: config.pgliteLoadDump } : {}),
    parsers,
  });
  return { db: new Kysely<Database>({ dialect: new PGliteDialect(pglite) }), engine: 'pglite' };
}
