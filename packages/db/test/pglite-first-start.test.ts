import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/create-db';

/**
 * #21: `npm start` without DATABASE_URL creates a PGlite cluster. Run in this process, initdb left ~450 MB of
 * WebAssembly memory behind for the life of the server (a first start held ~880 MB RSS, a restart ~390 MB).
 */
const dir = mkdtempSync(join(tmpdir(), 'stockscan-pglite-first-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an embedded database on a new directory', () => {
  it('is created by a child process and opened here: this process holds what a restart would', {
    timeout: 600_000,
  }, async () => {
    const before = process.memoryUsage().external;

    const { db, engine } = await createDb({ pgliteDataDir: dir, nodeEnv: 'development' });
    const grown = process.memoryUsage().external - before;

    expect(engine).toBe('pglite');
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(db);
    expect(rows[0]?.shared_buffers).toBe('16MB');
    // This process holds one PGlite heap (~145 MB with 16 MB of buffers), not initdb's (~660 MB before).
    expect(grown).toBeLessThan(250 * 1024 * 1024);
    await db.destroy();
  });
});
