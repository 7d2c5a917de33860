import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { preparedQuery, preparedShapes } from '../src/prepared-query';
import { useTestDb } from '../src/testing/vitest';

const t = await useTestDb();

const tenantIds = await t.db
  .insertInto('tenants')
  .values(
    ['Alpha', 'Beta', 'Gamma'].map((name) => ({
      name,
      slug: name.toLowerCase(),
      domain: 'food',
      business_type: 'bar',
    })),
  )
  .returning(['id', 'name'])
  .execute();
const idOf = (name: string) => tenantIds.find((row) => row.name === name)!.id;

describe('preparedQuery', () => {
  it('builds the query once and runs it with each call’s values', async () => {
    const build = vi.fn();
    const byName = preparedQuery<{ name: string; slug: string }>()((db, param) => {
      build();
      return db
        .selectFrom('tenants')
        .select(['id', 'name'])
        .where('name', '=', param('name'))
        .where('slug', '=', param('slug'))
        .where('business_type', '=', 'bar');
    });

    expect(await byName.executeTakeFirst(t.db, { name: 'Alpha', slug: 'alpha' })).toEqual({
      id: idOf('Alpha'),
      name: 'Alpha',
    });
    expect(await byName.execute(t.db, { name: 'Beta', slug: 'beta' })).toEqual([
      { id: idOf('Beta'), name: 'Beta' },
    ]);
    expect(await byName.executeTakeFirst(t.db, { name: 'Beta', slug: 'alpha' })).toBeUndefined();
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('takes a list as one array parameter, and dates, inside a transaction too', async () => {
    const named = preparedQuery<{ names: string[]; before: Date }>()((db, param) =>
      db
        .selectFrom('tenants')
        .select('name')
        .where(sql<boolean>`name = any(${param('names')})`)
        .where('created_at', '<', param('before'))
        .orderBy('name'),
    );

    const rows = await t.db
      .transaction()
      .execute((trx) =>
        named.execute(trx, { names: ['Gamma', 'Alpha', 'Nobody'], before: new Date(Date.now() + 60_000) }),
      );

    expect(rows).toEqual([{ name: 'Alpha' }, { name: 'Gamma' }]);
    expect(await named.execute(t.db, { names: ['Alpha'], before: new Date(0) })).toEqual([]);
  });

  it('in a transaction, runs on the transaction’s connection: it sees what the transaction wrote, others do not', async () => {
    const byName = preparedQuery<{ name: string }>()((db, param) =>
      db.selectFrom('tenants').select('name').where('name', '=', param('name')),
    );
    let seenInside: unknown;
    let seenOutside: unknown;

    await t.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('tenants')
          .values({ name: 'Delta', slug: 'delta', domain: 'food', business_type: 'bar' })
          .execute();
        seenInside = await byName.execute(trx, { name: 'Delta' });
        seenOutside = t.engine === 'postgres' ? await byName.execute(t.db, { name: 'Delta' }) : [];
        throw new Error('roll back');
      })
      .catch(() => {});

    expect(seenInside).toEqual([{ name: 'Delta' }]);
    expect(seenOutside).toEqual([]);
    expect(await byName.execute(t.db, { name: 'Delta' })).toEqual([]);
  });

  it('refuses a param() that would become SQL text or is not used as a value', async () => {
    const asIdentifier = preparedQuery<{ column: string }>()((db, param) =>
      db.selectFrom('tenants').select(sql.ref(param('column')).as('x')),
    );
    await expect(asIdentifier.execute(t.db, { column: 'name' })).rejects.toThrow(/SQL text/);

    const branchedOn = preparedQuery<{ all: boolean }>()((db, param) =>
      param('all') ? db.selectFrom('tenants').select('id') : db.selectFrom('tenants').select('id').limit(1),
    );
    await expect(branchedOn.execute(t.db, { all: false })).rejects.toThrow(/not a bound value/);
  });
});

describe('preparedShapes', () => {
  it('builds each shape once, the first time it is asked, and runs every call with its own values', async () => {
    const build = vi.fn();
    const tenants = preparedShapes<
      { name: string; after: string },
      { named: boolean; order: 'asc' | 'desc' }
    >()((db, param, shape) => {
      build(shape);
      let query = db.selectFrom('tenants').select('name').where('name', '>', param('after'));
      if (shape.named) query = query.where('name', '=', param('name'));
      return query.orderBy('name', shape.order);
    });
    const names = async (shape: { named: boolean; order: 'asc' | 'desc' }, name: string, after = '') =>
      (await tenants.execute(t.db, shape, { name, after })).map((row) => row.name);

    expect(await names({ named: false, order: 'asc' }, '')).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(await names({ named: false, order: 'desc' }, '', 'Alpha')).toEqual(['Gamma', 'Beta']);
    expect(await names({ named: true, order: 'asc' }, 'Beta')).toEqual(['Beta']);
    expect(await names({ named: true, order: 'asc' }, 'Gamma')).toEqual(['Gamma']);
    expect(await names({ named: false, order: 'asc' }, '', 'Beta')).toEqual(['Gamma']);
    expect(build).toHaveBeenCalledTimes(3);
  });

  it('checks each shape as preparedQuery does: a param() that is not a bound value is refused', async () => {
    const limited = preparedShapes<{ n: number }, { limited: boolean }>()((db, param, shape) =>
      shape.limited
        ? db.selectFrom('tenants').select('id').limit(param('n'))
        : db.selectFrom('tenants').select(sql.ref(String(param('n'))).as('x')),
    );
    expect(await limited.execute(t.db, { limited: true }, { n: 2 })).toHaveLength(2);
    await expect(limited.execute(t.db, { limited: false }, { n: 2 })).rejects.toThrow(/SQL text/);
  });
});
