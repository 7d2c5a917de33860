import { randomBytes } from 'node:crypto';
import { currentMonth, type RegisterResult } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { sql } from 'kysely';
import { hashToken } from '../../src/auth/tokens';
import { addMemberFixture, createTenantFixture } from '../fixtures';
import type { TestApp } from '../test-server';
import { type IsolationFixture, makeCaller, type RegistrationBody, type TenantRows } from './harness';
import { seedPurchasing } from './purchasing-fixture';

/** A product with a count, a category and a loss in `serviceId`: every kind of row a domain may look up. */
async function seedRows(
  db: Db,
  tenantId: string,
  serviceId: string,
  label: string,
  now: Date,
): Promise<TenantRows> {
  const service = await db
    .selectFrom('services')
    .select('name')
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow();
  const productName = `${label} Gin ${randomBytes(3).toString('hex')}`;
  const product = await db
    .insertInto('products')
    .values({
      tenant_id: tenantId,
      service_id: serviceId,
      name: productName,
      category: `${label} Spiritueux`,
      unit: 'pcs',
      barcode: `${Date.now()}${randomBytes(2).readUInt16BE()}`.slice(0, 13),
      purchase_price: 12.5,
      min_qty: 2,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const count = await db
    .insertInto('counts')
    .values({
      tenant_id: tenantId,
      service_id: serviceId,
      product_id: product.id,
      inventory_month: currentMonth(now),
      quantity: 3,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const category = await db
    .insertInto('categories')
    .values({ tenant_id: tenantId, service_id: serviceId, name: `${label} Spiritueux`, slug: 'spiritueux' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const location = await db
    .insertInto('locations')
    .values({ tenant_id: tenantId, service_id: serviceId, name: `${label} Réserve` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('location_products')
    .values({ tenant_id: tenantId, location_id: location.id, product_id: product.id })
    .execute();
  const loss = await db
    .insertInto('loss_events')
    .values({
      tenant_id: tenantId,
      service_id: serviceId,
      product_id: product.id,
      occurred_at: now,
      inventory_month: currentMonth(now),
      quantity: 1,
      unit: 'pcs',
      reason: 'breakage',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    serviceId,
    serviceName: service.name,
    productId: product.id,
    productName,
    countId: count.id,
    categoryId: category.id,
    lossEventId: loss.id,
    locationId: location.id,
  };
}

const rowStrings = (rows: TenantRows) => [
  rows.serviceId,
  rows.serviceName,
  rows.productId,
  rows.productName,
  rows.countId,
  rows.categoryId,
  rows.lossEventId,
  rows.locationId,
];

async function membershipId(db: Db, userId: string): Promise<string> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Tenant A (victim: "Alpha…", two services, owner + operator and manager scoped to one service, rows of every
 * kind in both services, a pending invitation) and tenant B (attacker: its own owner and rows).
 */
export async function buildIsolationFixture(t: TestApp): Promise<IsolationFixture> {
  const now = t.clock.now;
  const a = await createTenantFixture(t.db, t.config, {
    name: 'Alpha Secret Bistro',
    services: [
      { name: 'Alpha Cuisine', service_type: 'kitchen' },
      { name: 'Alpha Cave', service_type: 'bar' },
    ],
    now,
  });
  const [scopedService, otherService] = [a.services[0]!, a.services[1]!];
  const operator = await addMemberFixture(t.db, t.config, a.tenantId, 'operator', scopedService.id, now);
  const scopedManager = await addMemberFixture(t.db, t.config, a.tenantId, 'manager', scopedService.id, now);
  const scoped = await seedRows(t.db, a.tenantId, scopedService.id, 'Alpha', now);
  const other = await seedRows(t.db, a.tenantId, otherService.id, 'Alpha', now);
  const purchasing = await seedPurchasing(t.db, a.tenantId, scoped, other);
  const invitationEmail = `alpha-invitee-${randomBytes(3).toString('hex')}@example.test`;
  const invitation = await t.db
    .insertInto('invitations')
    .values({
      tenant_id: a.tenantId,
      email: invitationEmail,
      role: 'operator',
      service_id: otherService.id,
      token_hash: hashToken(randomBytes(16).toString('hex')),
      expires_at: new Date(now.getTime() + 7 * 86_400_000),
      created_by: a.owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('audit_log')
    .values({
      tenant_id: a.tenantId,
      user_id: a.owner.id,
      action: 'fixture.alpha',
      object_type: 'tenant',
      object_id: a.tenantId,
      meta: JSON.stringify({ note: 'Alpha audit entry' }),
    })
    .execute();

  const users = await t.db
    .selectFrom('users')
    .select(['id', 'username', 'email'])
    .where('id', 'in', [a.owner.id, operator.id, scopedManager.id])
    .execute();
  const everythingOfA = [
    a.tenantId,
    'Alpha',
    ...rowStrings(scoped),
    ...rowStrings(other),
    invitation.id,
    invitationEmail,
    ...Object.values(purchasing),
    ...users.flatMap((u) => [u.id, u.username, u.email ?? u.username]),
  ];
  // A's scoped members may read their own service, never the other one.
  const otherServiceOfA = [
    ...rowStrings(other),
    invitation.id,
    invitationEmail,
    purchasing.otherReceiptId,
    purchasing.otherOrderId,
  ];

  const b = await createTenantFixture(t.db, t.config, {
    name: 'Beta Brasserie',
    services: [{ name: 'Beta Bar', service_type: 'bar' }],
    now,
  });
  const bRows = await seedRows(t.db, b.tenantId, b.services[0]!.id, 'Beta', now);

  let registered = 0;
  const registration = (): RegistrationBody => {
    registered += 1;
    const id = `${randomBytes(3).toString('hex')}${registered}`;
    return {
      username: `iso_${id}`,
      password: 'isolation-password',
      password_confirm: 'isolation-password',
      email: `iso_${id}@example.test`,
      tenant_name: `Gamma ${id}`,
      business_type: 'bar',
      service_type: 'bar',
      service_name: 'Gamma Bar',
      domain: 'food',
      accept_terms: true,
    };
  };

  return {
    t,
    a: {
      tenantId: a.tenantId,
      tenantName: 'Alpha Secret Bistro',
      owner: {
        ...makeCaller(t, 'A owner', a.owner.token, [], true),
        userId: a.owner.id,
        membershipId: await membershipId(t.db, a.owner.id),
      },
      operator: {
        ...makeCaller(t, 'A operator scoped to Alpha Cuisine', operator.token, otherServiceOfA, true),
        userId: operator.id,
        membershipId: await membershipId(t.db, operator.id),
      },
      scopedManager: {
        ...makeCaller(t, 'A manager scoped to Alpha Cuisine', scopedManager.token, otherServiceOfA, true),
        userId: scopedManager.id,
        membershipId: await membershipId(t.db, scopedManager.id),
      },
      scoped,
      other,
      invitationId: invitation.id,
      invitationEmail,
      purchasing,
    },
    b: {
      tenantId: b.tenantId,
      owner: { ...makeCaller(t, 'B owner', b.owner.token, everythingOfA), userId: b.owner.id },
      rows: bRows,
    },
    anonymous: makeCaller(t, 'anonymous', null, everythingOfA),
    registration,
    async newAccount() {
      const body = registration();
      const res = await t.request('/api/auth/register/', { json: body });
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
      const session = (await res.json()) as RegisterResult;
      return {
        ...makeCaller(t, `new account ${body.username}`, session.access, everythingOfA),
        username: body.username,
        password: body.password,
        refresh: session.refresh ?? '',
        tenantId: session.tenant.id,
      };
    },
  };
}

const TENANT_TABLES = [
  'services',
  'memberships',
  'invitations',
  'products',
  'counts',
  'categories',
  'loss_events',
  'locations',
  'spot_checks',
  'usage_events',
  'suppliers',
  'receipts',
  'receipt_lines',
  'transfers',
  'transfer_lines',
  'sales_lines',
  'inventory_periods',
  'count_reviews',
  'purchase_orders',
  'purchase_order_lines',
  'idempotency_keys',
  'audit_log',
] as const;

/** Every row of tenant A (and its members' user rows), serialised: equal snapshots = nothing written. */
export async function snapshotTenant(db: Db, tenantId: string): Promise<string> {
  const parts: unknown[] = [
    await db.selectFrom('tenants').selectAll().where('id', '=', tenantId).execute(),
    await db
      .selectFrom('users')
      .selectAll()
      .where('id', 'in', db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId))
      .orderBy('id')
      .execute(),
  ];
  for (const table of TENANT_TABLES)
    parts.push(
      await db
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy(sql.raw(table === 'idempotency_keys' ? 'key' : 'id'))
        .execute(),
    );
  return JSON.stringify(parts);
}
