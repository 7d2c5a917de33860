import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../src/testing/vitest';

const t = await useTestDb();

describe('createDb + migrations', () => {
  it('runs on the engine the environment asks for', () => {
    expect(t.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('parses numerics as numbers and dates as YYYY-MM-DD strings', async () => {
    const { rows } = await sql<{ n: number; c: number; d: string }>`
      select 12.50::numeric(12,2) as n, count(*)::bigint as c, '2026-03-01'::date as d`.execute(t.db);
    expect(rows[0]).toEqual({ n: 12.5, c: 1, d: '2026-03-01' });
  });

  it('enforces case-insensitive unique usernames', async () => {
    await t.db.insertInto('users').values({ username: 'Alice', email: null, password_hash: 'x' }).execute();
    await expect(
      t.db.insertInto('users').values({ username: 'alice', email: null, password_hash: 'x' }).execute(),
    ).rejects.toThrow(/users_username_ci/);
  });

  it('keeps barcodes unique per service among live products only', async () => {
    const tenant = await t.db
      .insertInto('tenants')
      .values({ name: 'T', slug: 't', domain: 'food', business_type: 'bar' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const service = await t.db
      .insertInto('services')
      .values({
        tenant_id: tenant.id,
        name: 'Bar',
        service_type: 'bar',
        counting_mode: 'mixed',
        features: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const product = {
      tenant_id: tenant.id,
      service_id: service.id,
      name: 'Gin',
      unit: 'pcs' as const,
      barcode: '123',
    };
    const first = await t.db.insertInto('products').values(product).returning('id').executeTakeFirstOrThrow();
    await expect(t.db.insertInto('products').values(product).execute()).rejects.toThrow(
      /products_barcode_live/,
    );
    await t.db.updateTable('products').set({ archived_at: new Date() }).where('id', '=', first.id).execute();
    await expect(t.db.insertInto('products').values(product).execute()).resolves.toBeDefined();
  });
});
