import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { createDb, type Db } from '../create-db';
import { migrateToLatest } from '../migrate';

/** What globalSetup hands to every test file: a migrated template to clone. */
export type TestDbTemplate =
  | { engine: 'postgres'; url: string; template: string }
  | { engine: 'pglite'; dumpPath: string };

export interface TestDb {
  db: Db;
  engine: 'postgres' | 'pglite';
  /** URL of this test database (postgres only), for servers started by the test. */
  url: string | undefined;
  drop(): Promise<void>;
}

const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Builds one migrated template per test run: a PostgreSQL database when DATABASE_URL is set
 * (cloned with CREATE DATABASE … TEMPLATE), else a PGlite dump (cloned with loadDataDir).
 */
export async function createTemplate(
  databaseUrl = process.env.DATABASE_URL,
): Promise<{ template: TestDbTemplate; teardown: () => Promise<void> }> {
  if (databaseUrl) {
    const template = uniqueName('stockscan_tmpl');
    await adminQuery(databaseUrl, `create database "${template}"`);
    const db = new Kysely<unknown>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: withDatabase(databaseUrl, template), max: 1 }),
      }),
    });
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
    return {
      template: { engine: 'postgres', url: databaseUrl, template },
      teardown: () => adminQuery(databaseUrl, `drop database if exists "${template}" with (force)`),
    };
  }
  const pglite = await PGlite.create();
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('gzip');
  await db.destroy();
  const dumpPath = join(tmpdir(), `${uniqueName('stockscan_tmpl')}.tar.gz`);
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  return { template: { engine: 'pglite', dumpPath }, teardown: () => rm(dumpPath, { force: true }) };
}

/** A fresh, migrated, empty database for one test file. */
export async function openTestDb(template: TestDbTemplate): Promise<TestDb> {
  if (template.engine === 'postgres') {
    const name = uniqueName('stockscan_t');
    await createFromTemplate(template.url, name, template.template);
    const url = withDatabase(template.url, name);
    const { db } = await createDb({ databaseUrl: url, poolMax: 20 });
    return {
      db,
      engine: 'postgres',
      url,
      drop: async () => {
        await db.destroy();
        await adminQuery(template.url, `drop database if exists "${name}" with (force)`);
      },
    };
  }
  const dump = new Blob([await readFile(template.dumpPath)]);
  const { db } = await createDb({ pgliteLoadDump: dump });
  return { db, engine: 'pglite', url: undefined, drop: () => db.destroy() };
}

// Two CREATE DATABASE from one template at the same instant can collide ("being accessed by other users").
async function createFromTemplate(url: string, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(url, `create database "${name}" template "${template}"`);
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}

/** Empties every table (between tests of one file). */
export async function truncateAll(db: Db): Promise<void> {
  await sql`truncate table users, tenants, stripe_events, rate_limits restart identity cascade`.execute(db);
}
