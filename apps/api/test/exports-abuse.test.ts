import { describe, expect, it } from 'vitest';
import { seedProducts, usageRows } from './exports-fixtures';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

/** #20 items 6 and 10: exports under attack (one link fired many times at once, stalled downloads). */

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

async function barWithProducts(count = 2) {
  const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
  const bar = f.services[0]!;
  await seedProducts(
    t.db,
    f.tenantId,
    bar.id,
    Array.from({ length: count }, (_, i) => ({ name: `P${i}`, counts: { [MONTH]: { quantity: i } } })),
  );
  return { ...f, bar };
}

describe('download links are single-use under concurrency', () => {
  it('one link fired 8 times at once → exactly one file (200) and one quota unit', async () => {
    const f = await barWithProducts();
    const link = await t.trpc(f.owner.token).exports.prepare.mutate({ service: f.bar.id, format: 'csv' });

    const responses = await Promise.all(Array.from({ length: 8 }, () => fetch(link.url)));
    const statuses = responses.map((r) => r.status);
    const bodies = await Promise.all(responses.map((r) => r.text()));

    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const [i, status] of statuses.entries()) {
      if (status === 200) continue;
      expect([401, 429]).toContain(status);
      expect(JSON.parse(bodies[i]!)).toMatchObject({
        code: status === 401 ? 'TOKEN_INVALID' : 'RATE_LIMITED',
      });
    }
    expect(await usageRows(t.db, f.tenantId)).toHaveLength(1);
  });
});
