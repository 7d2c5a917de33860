import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { registerPoolQuery } from './pool-query';
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

/** The embedded database's buffer pool (PostgreSQL's default: 128MB). */
export const PGLITE_SHARED_BUFFERS = '16MB';

export class EmbeddedDbRefusedError extends Error {
  constructor() {
    super('DATABASE_URL is required when NODE_ENV=production (embedded PGlite is for dev and demo only)');
  }
}

/**
 * A new PGlite cluster is created (initdb) by a child process that exits, and this process opens it as a
 * restart would. initdb, run here, grows WebAssembly memory that a WASM instance never hands back: a first
 * `npm start` held ~880 MB RSS for its whole life, a restart on the same directory ~390 MB (#21).
 */
async function initializeDataDir(dir: string): Promise<void> {
  const script =
    'const { PGlite } = await import(process.argv[1]);' +
    'const db = await PGlite.create({ dataDir: process.argv[2] });' +
    'await db.close();';
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', script, import.meta.resolve('@electric-sql/pglite'), dir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0)
    throw new Error(`PGlite could not create a database in ${dir} (exit ${code}): ${stderr.trim()}`);
}

const rowsOf = (result: pg.QueryResult) => result.rows;

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
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    registerPoolQuery(db, (text, values) => pool.query(text, values as unknown[]).then(rowsOf));
    return { db, engine: 'postgres' };
  }
  if (config.nodeEnv === 'production') throw new EmbeddedDbRefusedError();
  if (config.pgliteDataDir) {
    mkdirSync(config.pgliteDataDir, { recursive: true });
    if (!config.pgliteLoadDump && !existsSync(join(config.pgliteDataDir, 'PG_VERSION')))
      await initializeDataDir(config.pgliteDataDir);
  }
  const pglite = await PGlite.create({
    ...(config.pgliteDataDir ? { dataDir: config.pgliteDataDir } : {}),
    ...(config.pgliteLoadDump ? { loadDataDir: config.pgliteLoadDump } : {}),
    // PostgreSQL's default 128 MB of shared buffers live in the WebAssembly heap and are all touched at start
    // (~125 MB of RSS); a dev/demo database needs a fraction of that, the file system caches the rest.
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    parsers,
  });
  return { db: new Kysely<Database>({ dialect: new PGliteDialect(pglite) }), engine: 'pglite' };
}
