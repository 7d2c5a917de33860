import { useTestDb } from '@stockscan/db/testing/vitest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { AppError } from '../src/errors';
import { IDEMPOTENCY_TTL_MS, idempotencyKeyOf, runIdempotent } from '../src/idempotency/idempotency';
import { createTenantFixture } from './fixtures';

const t = await useTestDb();
const config = loadConfig({
  NODE_ENV: 'test',
  APP_SECRET: 'test-secret-test-secret-test-secret-0123',
  FRONTEND_URL: 'http://app.test',
  INVITATIONS_SEND_EMAILS: 'false',
  LOG_LEVEL: 'silent',
});
const NOW = new Date('2026-11-15T10:00:00Z');

/** The write under test: one supplier row per run, named after the body. */
function addSupplier(tenantId: string, key: string | undefined, body: { name: string }, now = NOW) {
  return runIdempotent(
    t.db,
    { tenantId, key, operation: 'test.addSupplier', request: body, now },
    async (tx) => {
      const row = await tx
        .insertInto('suppliers')
        .values({ tenant_id: tenantId, name: `${body.name} ${Math.random()}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, name: body.name };
    },
  );
}

const suppliersOf = async (tenantId: string) =>
  (await t.db.selectFrom('suppliers').select('id').where('tenant_id', '=', tenantId).execute()).length;

describe('runIdempotent', () => {
  it('answers a replay with the first answer and writes once', async () => {
    const f = await createTenantFixture(t.db, config);
    const first = await addSupplier(f.tenantId, 'k-1', { name: 'Metro' });
    const again = await addSupplier(f.tenantId, 'k-1', { name: 'Metro' });
    expect(again).toEqual(first);
    expect(await suppliersOf(f.tenantId)).toBe(1);
  });

  it('refuses the same key with another body: 409 IDEMPOTENCY_MISMATCH, nothing written', async () => {
    const f = await createTenantFixture(t.db, config);
    await addSupplier(f.tenantId, 'k-2', { name: 'Metro' });
    const error = await addSupplier(f.tenantId, 'k-2', { name: 'Promocash' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IDEMPOTENCY_MISMATCH');
    expect((error as AppError).status).toBe(409);
    expect(await suppliersOf(f.tenantId)).toBe(1);
  });

  it('keeps keys per tenant: another tenant’s same key is a new call', async () => {
    const a = await createTenantFixture(t.db, config);
    const b = await createTenantFixture(t.db, config);
    const ofA = await addSupplier(a.tenantId, 'shared', { name: 'Metro' });
    const ofB = await addSupplier(b.tenantId, 'shared', { name: 'Metro' });
    expect(ofB.id).not.toBe(ofA.id);
    expect(await suppliersOf(b.tenantId)).toBe(1);
  });

  it('rolls the key back with a failed write, so the client may retry', async () => {
    const f = await createTenantFixture(t.db, config);
    await expect(
      runIdempotent(
        t.db,
        { tenantId: f.tenantId, key: 'k-3', operation: 'test.addSupplier', request: { name: 'X' }, now: NOW },
        async () => {
          throw new AppError('VALIDATION_ERROR');
        },
      ),
    ).rejects.toThrow(AppError);
    await addSupplier(f.tenantId, 'k-3', { name: 'X' });
    expect(await suppliersOf(f.tenantId)).toBe(1);
  });

  it('lets concurrent replays of one key make exactly one write', async () => {
    const f = await createTenantFixture(t.db, config);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => addSupplier(f.tenantId, 'k-race', { name: 'Metro' })),
    );
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await suppliersOf(f.tenantId)).toBe(1);
  });

  it('forgets a key after 7 days (purged) and runs the write again', async () => {
    const f = await createTenantFixture(t.db, config);
    await addSupplier(f.tenantId, 'k-old', { name: 'Metro' });
    const later = new Date(NOW.getTime() + IDEMPOTENCY_TTL_MS + 1000);
    await addSupplier(f.tenantId, 'k-other', { name: 'Metro' }, later);
    const keys = await t.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('tenant_id', '=', f.tenantId)
      .execute();
    expect(keys.map((k) => k.key)).toEqual(['k-other']);
    await addSupplier(f.tenantId, 'k-old', { name: 'Promocash' }, later);
    expect(await suppliersOf(f.tenantId)).toBe(3);
  });

  it('without a key, simply writes each time', async () => {
    const f = await createTenantFixture(t.db, config);
    await addSupplier(f.tenantId, undefined, { name: 'Metro' });
    await addSupplier(f.tenantId, undefined, { name: 'Metro' });
    expect(await suppliersOf(f.tenantId)).toBe(2);
  });
});

describe('idempotencyKeyOf', () => {
  it('takes the input’s key first, then the Idempotency-Key header, and refuses a malformed header', () => {
    expect(idempotencyKeyOf({ idempotency_key: 'a' }, { 'idempotency-key': 'b' })).toBe('a');
    expect(idempotencyKeyOf({}, { 'idempotency-key': ' b ' })).toBe('b');
    expect(idempotencyKeyOf({}, {})).toBeUndefined();
    expect(() => idempotencyKeyOf({}, { 'idempotency-key': 'é' })).toThrow(AppError);
  });
});
