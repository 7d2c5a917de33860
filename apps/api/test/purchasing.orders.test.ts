import { failure } from '@stockscan/testing/trpc-failure';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendOrder } from '../src/purchasing/order-send';
import type { Actor } from '../src/request/actor';
import { readWorkbook, sheetValues } from './exports-fixtures';
import { addMemberFixture, createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });

afterEach(() => {
  t.clock.set(NOW);
  t.fakes.sendgrid.reset();
  t.fakes.sendgrid.handle((req) =>
    req.method === 'POST' && req.path === '/v3/mail/send'
      ? { status: 202, text: '' }
      : { status: 404, json: {} },
  );
});

interface SendGridBody {
  personalizations: { to: { email: string }[] }[];
  from: { email: string };
  reply_to?: { email: string };
  subject: string;
  content: { type: string; value: string }[];
  attachments: { filename: string; type: string; content: string; disposition: string }[];
}

type Unit = 'pcs' | 'kg';

async function product(
  f: TenantFixture,
  values: {
    name: string;
    unit?: Unit;
    pack_size?: number;
    par_level?: number;
    purchase_price?: number;
    supplier_id?: string;
    barcode?: string;
    serviceIndex?: number;
  },
) {
  const row = await t.db
    .insertInto('products')
    .values({
      tenant_id: f.tenantId,
      service_id: f.services[values.serviceIndex ?? 0]!.id,
      name: values.name,
      unit: values.unit ?? 'pcs',
      pack_size: values.pack_size ?? null,
      par_level: values.par_level ?? null,
      purchase_price: values.purchase_price ?? null,
      supplier_id: values.supplier_id ?? null,
      barcode: values.barcode ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const loss = (f: TenantFixture, productId: string, quantity: number, occurredAt: string) =>
  t.db
    .insertInto('loss_events')
    .values({
      tenant_id: f.tenantId,
      service_id: f.services[0]!.id,
      product_id: productId,
      occurred_at: new Date(occurredAt),
      inventory_month: occurredAt.slice(0, 7),
      quantity,
      unit: 'pcs',
      reason: 'breakage',
    })
    .execute();

const sale = (f: TenantFixture, productId: string, month: string, quantity: number) =>
  t.db
    .insertInto('sales_lines')
    .values({
      tenant_id: f.tenantId,
      service_id: f.services[0]!.id,
      month,
      product_id: productId,
      quantity_sold: quantity,
      revenue: null,
      import_id: null,
    })
    .execute();

/**
 * A bar on Multi, counted at the end of October. In November: 6 beers delivered, 2 broken, 10 sold.
 * Beer (cases of 24, par 48): 20 + 6 − 2 − 10 = 14 → 34 short → 2 cases (48).
 * Gin (par 6): 2 sealed + an opened bottle at ½ = 2.5 → 3.5 short → 4 whole bottles.
 * Lemons (kg, par 3, no supplier): 1.25 → 1.75 kg.
 * Rum (par 4) counted 4: at par; Vodka (par 3) counted 5: above; Syrup: no par; Tonic: par but never counted.
 */
async function bar(plan: 'PRO' | 'BOUTIQUE' = 'PRO') {
  const f = await createTenantFixture(t.db, t.config, { plan, name: 'Le Zinc', now: NOW });
  const api = t.trpc(f.owner.token);
  const service = f.services[0]!.id;
  const brasserie = await api.purchasing.suppliers.create.mutate({
    name: 'Brasserie du Port',
    email: 'commandes@brasserie.test',
  });
  const metro = await api.purchasing.suppliers.create.mutate({ name: 'Metro', email: 'metro@metro.test' });
  const beer = await product(f, {
    name: 'Bière Leffe',
    pack_size: 24,
    par_level: 48,
    purchase_price: 1.2,
    supplier_id: brasserie.id,
    barcode: '3760000000042',
  });
  const gin = await product(f, { name: 'Gin', par_level: 6, purchase_price: 28.5, supplier_id: metro.id });
  const lemons = await product(f, { name: 'Citrons', unit: 'kg', par_level: 3, purchase_price: 2 });
  const rum = await product(f, { name: 'Rhum', par_level: 4, supplier_id: metro.id });
  const vodka = await product(f, { name: 'Vodka', par_level: 3, supplier_id: metro.id });
  const syrup = await product(f, { name: 'Sirop', supplier_id: metro.id });
  const tonic = await product(f, { name: 'Tonic', par_level: 12, supplier_id: metro.id });
  await api.inventory.counts.upsert.mutate({
    service_id: service,
    month: '2026-10',
    lines: [
      { product_id: beer, quantity: 20 },
      { product_id: gin, quantity: 2, container_status: 'OPENED', remaining_fraction: 0.5 },
      { product_id: lemons, quantity: 1.25 },
      { product_id: rum, quantity: 4 },
      { product_id: vodka, quantity: 5 },
      { product_id: syrup, quantity: 1 },
    ],
  });
  await api.purchasing.receipts.create.mutate({
    service_id: service,
    supplier_id: brasserie.id,
    received_on: '2026-11-05',
    lines: [{ product_id: beer, quantity: 6, unit_cost: 1.2 }],
  });
  await loss(f, beer, 2, '2026-11-06T20:00:00Z');
  await sale(f, beer, '2026-11', 10);
  return { f, api, service, brasserie, metro, beer, gin, lemons, rum, vodka, syrup, tonic };
}

describe('purchasing.orders.suggest', () => {
  it('par − expected on-hand (last count + deliveries − losses − sales since), in whole packs, per supplier', async () => {
    const b = await bar();

    const suggestion = await b.api.purchasing.orders.suggest.query({ service_id: b.service });

    expect(suggestion.groups.map((g) => [g.supplier_name, g.supplier_email, g.total_cost])).toEqual([
      ['Brasserie du Port', 'commandes@brasserie.test', 57.6],
      ['Metro', 'metro@metro.test', 114],
      [null, null, 3.5],
    ]);
    const [brasserie, metro, none] = suggestion.groups;
    expect(brasserie!.lines).toEqual([
      expect.objectContaining({
        product_name: 'Bière Leffe',
        par_level: 48,
        counted_month: '2026-10',
        counted: 20,
        received: 6,
        losses: 2,
        sold: 10,
        expected: 14,
        quantity: 48,
        packs: 2,
        unit_cost: 1.2,
        line_cost: 57.6,
      }),
    ]);
    expect(metro!.lines.map((l) => [l.product_name, l.expected, l.quantity, l.packs])).toEqual([
      ['Gin', 2.5, 4, null],
    ]);
    expect(none!.lines.map((l) => [l.product_name, l.expected, l.quantity])).toEqual([
      ['Citrons', 1.25, 1.75],
    ]);
    // Rum at par and vodka above it: nothing; syrup has no par: ignored; tonic was never counted.
    expect(suggestion.at_par).toBe(2);
    expect(suggestion.not_counted).toEqual([{ product_id: b.tonic, product_name: 'Tonic' }]);
    const named = suggestion.groups.flatMap((g) => g.lines.map((l) => l.product_id));
    expect(named).not.toContain(b.syrup);
  });

  it('a count taken mid-month is followed by that month’s later deliveries and losses (not those before it)', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
    const api = t.trpc(f.owner.token);
    const service = f.services[0]!.id;
    const cola = await product(f, { name: 'Coca-Cola', pack_size: 24, par_level: 48 });
    /** A delivery dated `day`, typed into the app at `typedAt`. */
    const deliver = async (day: string, typedAt: string, quantity: number) => {
      const receipt = await t.db
        .insertInto('receipts')
        .values({
          tenant_id: f.tenantId,
          service_id: service,
          supplier_id: null,
          received_on: day,
          month: day.slice(0, 7),
          reference: null,
          note: null,
          import_id: null,
          created_by: null,
          created_at: new Date(typedAt),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('receipt_lines')
        .values({
          tenant_id: f.tenantId,
          receipt_id: receipt.id,
          product_id: cola,
          quantity,
          unit_cost: null,
          lot_number: null,
          expiry_date: null,
        })
        .execute();
    };
    await deliver('2026-11-03', '2026-11-03T09:00:00Z', 24); // before the count: on the shelf it counted
    await deliver('2026-11-10', '2026-11-10T08:00:00Z', 5); // the count's day, typed in before it: counted too
    await api.inventory.counts.upsert.mutate({
      service_id: service,
      month: '2026-11',
      lines: [{ product_id: cola, quantity: 30, counted_at: '2026-11-10T09:00:00.000Z' }],
    });
    await deliver('2026-11-10', '2026-11-10T18:00:00Z', 6); // the count's day, after it
    await deliver('2026-11-12', '2026-11-12T09:00:00Z', 24);
    await loss(f, cola, 3, '2026-11-09T20:00:00Z');
    await loss(f, cola, 1, '2026-11-11T20:00:00Z');
    await sale(f, cola, '2026-11', 40); // the month's till total: its share before the count is unknown

    const suggestion = await api.purchasing.orders.suggest.query({ service_id: service });

    // 30 + 6 + 24 − 1 = 59: above par 48, nothing to order.
    expect(suggestion.groups).toEqual([]);
    expect(suggestion.at_par).toBe(1);
    await loss(f, cola, 20, '2026-11-14T20:00:00Z');
    const after = await api.purchasing.orders.suggest.query({ service_id: service });
    expect(after.groups[0]!.lines[0]).toMatchObject({
      expected: 39,
      received: 30,
      losses: 21,
      sold: 0,
      quantity: 24,
      packs: 1,
    });
  });

  it('what sent orders bring is on order, not suggested twice; a draft or a canceled order is not; received, it is stock', async () => {
    const b = await bar();
    const beerLine = async () => {
      const suggestion = await b.api.purchasing.orders.suggest.query({ service_id: b.service });
      const line = suggestion.groups.flatMap((g) => g.lines).find((l) => l.product_id === b.beer);
      return { line, covered: suggestion.covered_by_orders, atPar: suggestion.at_par };
    };
    const order = (quantity: number) =>
      b.api.purchasing.orders.create.mutate({
        service_id: b.service,
        supplier_id: b.brasserie.id,
        lines: [{ product_id: b.beer, quantity }],
      });
    // Beer: 14 expected, par 48 → 2 cases.
    const draft = await order(24);
    expect((await beerLine()).line).toMatchObject({ expected: 14, on_order: 0, quantity: 48, packs: 2 });

    // Sent: 24 on its way → 48 − 14 − 24 = 10 short → 1 case.
    await b.api.purchasing.orders.send.mutate({ id: draft.id, email: false });
    expect((await beerLine()).line).toMatchObject({ expected: 14, on_order: 24, quantity: 24, packs: 1 });

    // Another case sent: the shortfall is on its way, nothing to order; told apart from "at par".
    const second = await order(24);
    await b.api.purchasing.orders.send.mutate({ id: second.id, email: false });
    expect(await beerLine()).toEqual({ line: undefined, covered: 1, atPar: 2 });

    // Canceled, it no longer comes.
    await b.api.purchasing.orders.cancel.mutate({ id: second.id });
    expect((await beerLine()).line).toMatchObject({ on_order: 24, quantity: 24 });

    // Received (20 of the 24 came): in the expected stock, no longer on order → 48 − 34 = 14 short → 1 case.
    await b.api.purchasing.orders.receive.mutate({
      id: draft.id,
      lines: [{ product_id: b.beer, quantity: 20 }],
    });
    expect((await beerLine()).line).toMatchObject({ expected: 34, on_order: 0, quantity: 24, packs: 1 });
  });

  it('is PRO (purchase_orders) and manager+', async () => {
    const b = await bar('BOUTIQUE');
    const refused = await failure(b.api.purchasing.orders.suggest.query({ service_id: b.service }));
    expect(refused.data).toMatchObject({ code: 'FEATURE_NOT_INCLUDED', http_status: 403 });
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const denied = await failure(
      t.trpc(operator.token).purchasing.orders.suggest.query({ service_id: f.services[0]!.id }),
    );
    expect(denied.data).toMatchObject({ code: 'FORBIDDEN_ROLE', http_status: 403 });
  });
});

async function draftFor(b: Awaited<ReturnType<typeof bar>>, key?: string) {
  const suggestion = await b.api.purchasing.orders.suggest.query({ service_id: b.service });
  const group = suggestion.groups[0]!;
  return b.api.purchasing.orders.create.mutate({
    service_id: b.service,
    supplier_id: group.supplier_id,
    lines: group.lines.map((l) => ({
      product_id: l.product_id,
      quantity: l.quantity,
      unit_cost: l.unit_cost,
    })),
    ...(key ? { idempotency_key: key } : {}),
  });
}

describe('purchasing.orders: draft → sent', () => {
  it('a draft is saved from the suggestion, edited, then mailed with the order as XLSX and CSV', async () => {
    const b = await bar();
    const draft = await draftFor(b, 'order-1');
    expect(draft).toMatchObject({
      number: 1,
      status: 'DRAFT',
      supplier_name: 'Brasserie du Port',
      total_cost: 57.6,
      lines: [
        expect.objectContaining({
          product_name: 'Bière Leffe',
          quantity: 48,
          packs: 2,
          code: '3760000000042',
        }),
      ],
    });
    // A retry of the same creation is the same order; another body under that key is refused.
    expect((await draftFor(b, 'order-1')).id).toBe(draft.id);
    const mismatch = await failure(
      b.api.purchasing.orders.create.mutate({
        service_id: b.service,
        lines: [{ product_id: b.gin, quantity: 1 }],
        idempotency_key: 'order-1',
      }),
    );
    expect(mismatch.data).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', http_status: 409 });

    const edited = await b.api.purchasing.orders.update.mutate({
      id: draft.id,
      note: 'Livraison avant vendredi',
      lines: [
        { product_id: b.beer, quantity: 72 },
        { product_id: b.gin, quantity: 2 },
      ],
    });
    expect(edited.lines.map((l) => [l.product_name, l.quantity, l.packs, l.unit_cost])).toEqual([
      ['Bière Leffe', 72, 3, 1.2],
      ['Gin', 2, null, 28.5],
    ]);
    expect(edited.total_cost).toBe(143.4);

    const sent = await b.api.purchasing.orders.send.mutate({ id: draft.id, idempotency_key: 'send-1' });

    expect(sent.email).toEqual({ to: 'commandes@brasserie.test', sent: true, reason: null });
    expect(sent.order).toMatchObject({
      status: 'SENT',
      sent_to: 'commandes@brasserie.test',
      sent_at: NOW.toISOString(),
    });
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
    const mail = t.fakes.sendgrid.requests[0]!.json as SendGridBody;
    expect(mail.personalizations[0]?.to).toEqual([{ email: 'commandes@brasserie.test' }]);
    expect(mail.reply_to).toEqual({ email: expect.stringMatching(/@example\.test$/) });
    expect(mail.subject).toBe('Commande n° 1 — Le Zinc');
    const body = mail.content[0]!.value;
    expect(body).toContain('Voici notre commande n° 1 du 15/11/2026 pour Le Zinc');
    expect(body).toContain('- Bière Leffe : 72 (3 colis de 24) — réf. 3760000000042');
    expect(body).toContain('- Gin : 2');
    expect(body).toContain('Livraison avant vendredi');
    expect(sent.message.text).toBe(body.split('\n\n(Le détail')[0]);
    expect(mail.attachments.map((a) => [a.filename, a.type])).toEqual([
      [
        'commande-1_brasserie-du-port.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      ['commande-1_brasserie-du-port.csv', 'text/csv; charset=utf-8'],
    ]);
    const workbook = await readWorkbook(Buffer.from(mail.attachments[0]!.content, 'base64'));
    const rows = sheetValues(workbook.getWorksheet('Commande')!);
    expect(rows[1]).toEqual([
      'Produit',
      'Code-barres / SKU',
      'Quantité',
      'Unité',
      'Colis',
      'Prix unitaire HT (€)',
      'Total HT (€)',
    ]);
    expect(rows[2]).toEqual(['Bière Leffe', '3760000000042', 72, 'pcs', 3, 1.2, 86.4]);
    expect(rows[3]?.slice(0, 4)).toEqual(['Gin', undefined, 2, 'pcs']);
    expect(rows[4]?.[6]).toBe(143.4);
    const csv = Buffer.from(mail.attachments[1]!.content, 'base64').toString('utf8');
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFProduit;Code-barres / SKU;Quantité;Unité;Colis;Prix unitaire HT (€);Total HT (€)',
      'Bière Leffe;3760000000042;72;pcs;3;1,2;86,4',
      'Gin;;2;pcs;;28,5;57',
    ]);

    // Tapped twice, replayed: one mail. A sent order's lines are read-only.
    const replay = await b.api.purchasing.orders.send.mutate({ id: draft.id, idempotency_key: 'send-1' });
    expect(replay).toEqual(sent);
    const again = await b.api.purchasing.orders.send.mutate({ id: draft.id });
    expect(again.email).toEqual({ to: 'commandes@brasserie.test', sent: true, reason: null });
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
    const locked = await failure(b.api.purchasing.orders.update.mutate({ id: draft.id, note: 'x' }));
    expect(locked.data).toMatchObject({ code: 'CONFLICT', http_status: 409 });

    // In the emailed files' ledger, and in the team's activity.
    const ledger = await t.db
      .selectFrom('usage_events')
      .select(['kind', 'params'])
      .where('tenant_id', '=', b.f.tenantId)
      .execute();
    expect(ledger).toEqual([{ kind: 'order_email', params: { emailed: true, order_id: draft.id } }]);
    const summary = await b.api.members.summary.query();
    expect(summary.recent_activity.map((a) => a.action)).toEqual(
      expect.arrayContaining(['order.create', 'order.update', 'order.send']),
    );
  });

  it('two taps at once mail once', async () => {
    const b = await bar();
    const draft = await draftFor(b);
    const [one, two] = await Promise.all([
      b.api.purchasing.orders.send.mutate({ id: draft.id }),
      b.api.purchasing.orders.send.mutate({ id: draft.id }),
    ]);
    expect([one.order.status, two.order.status]).toEqual(['SENT', 'SENT']);
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
  });

  it('without SendGrid, or without the supplier’s address, it is marked sent and the text and files are there', async () => {
    const b = await bar();
    const draft = await draftFor(b);
    const actor: Actor = {
      userId: b.f.owner.id,
      tenantId: b.f.tenantId,
      membershipId: 'unused',
      role: 'owner',
      serviceId: null,
    };
    const noMail = {
      enabled: false,
      send: async () => ({ sent: false as const, reason: 'disabled' as const }),
    };

    const result = await sendOrder({ ...t.deps, mailer: noMail }, actor, { id: draft.id });

    expect(result.email).toEqual({ to: 'commandes@brasserie.test', sent: false, reason: 'disabled' });
    expect(result.order).toMatchObject({ status: 'SENT', sent_to: null });
    expect(result.message.text).toContain('- Bière Leffe : 48 (2 colis de 24)');
    expect(t.fakes.sendgrid.requests).toEqual([]);
    const file = await b.api.purchasing.orders.file.query({ id: draft.id, format: 'xlsx' });
    expect(file).toMatchObject({ filename: 'commande-1_brasserie-du-port.xlsx', message: result.message });
    const rows = sheetValues(
      (await readWorkbook(Buffer.from(file.content_base64, 'base64'))).getWorksheet(1)!,
    );
    expect(rows[2]?.slice(0, 3)).toEqual(['Bière Leffe', '3760000000042', 48]);
    const csv = await b.api.purchasing.orders.file.query({ id: draft.id, format: 'csv' });
    expect(Buffer.from(csv.content_base64, 'base64').toString('utf8')).toContain(
      'Bière Leffe;3760000000042;48;pcs;2;',
    );

    // A supplier with no address: same way out, nothing mailed.
    await b.api.purchasing.suppliers.update.mutate({ id: b.metro.id, email: null });
    const gin = await b.api.purchasing.orders.create.mutate({
      service_id: b.service,
      supplier_id: b.metro.id,
      lines: [{ product_id: b.gin, quantity: 4 }],
    });
    const manual = await b.api.purchasing.orders.send.mutate({ id: gin.id });
    expect(manual.email).toEqual({ to: null, sent: false, reason: 'no_email' });
    expect(manual.order.status).toBe('SENT');
    expect(t.fakes.sendgrid.requests).toEqual([]);
    expect(
      await t.db.selectFrom('usage_events').selectAll().where('tenant_id', '=', b.f.tenantId).execute(),
    ).toEqual([]);
  });

  it('sent without a mail (no address then, mail down), it is mailed when sent again; once only', async () => {
    const b = await bar();
    // No address at first: marked sent, nothing mailed.
    await b.api.purchasing.suppliers.update.mutate({ id: b.brasserie.id, email: null });
    const draft = await draftFor(b);
    const first = await b.api.purchasing.orders.send.mutate({ id: draft.id, idempotency_key: 'send-1' });
    expect(first.email).toEqual({ to: null, sent: false, reason: 'no_email' });
    // The same key again answers the same; without an address, sending again changes nothing.
    expect(
      (await b.api.purchasing.orders.send.mutate({ id: draft.id, idempotency_key: 'send-1' })).email,
    ).toEqual(first.email);
    expect((await b.api.purchasing.orders.send.mutate({ id: draft.id })).email).toEqual({
      to: null,
      sent: false,
      reason: 'no_email',
    });
    expect(t.fakes.sendgrid.requests).toEqual([]);

    // The address is known now: sent again, it is mailed (dated the day it was sent), two taps mail once.
    await b.api.purchasing.suppliers.update.mutate({ id: b.brasserie.id, email: 'commandes@brasserie.test' });
    t.clock.set(new Date(NOW.getTime() + 10 * 60_000));
    const [one, two] = await Promise.all([
      b.api.purchasing.orders.send.mutate({ id: draft.id, idempotency_key: 'send-2' }),
      b.api.purchasing.orders.send.mutate({ id: draft.id, idempotency_key: 'send-3' }),
    ]);
    expect([one.email.sent, two.email.sent]).toEqual([true, true]);
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
    const mail = t.fakes.sendgrid.requests[0]!.json as SendGridBody;
    expect(mail.personalizations[0]!.to).toEqual([{ email: 'commandes@brasserie.test' }]);
    expect(mail.attachments.map((a) => a.filename)).toEqual([
      'commande-1_brasserie-du-port.xlsx',
      'commande-1_brasserie-du-port.csv',
    ]);
    const order = await b.api.purchasing.orders.get.query({ id: draft.id });
    expect(order).toMatchObject({
      status: 'SENT',
      sent_to: 'commandes@brasserie.test',
      sent_at: NOW.toISOString(),
    });
    expect((await b.api.purchasing.orders.send.mutate({ id: draft.id })).email).toEqual({
      to: 'commandes@brasserie.test',
      sent: true,
      reason: null,
    });
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
    const ledger = await t.db
      .selectFrom('usage_events')
      .select('kind')
      .where('tenant_id', '=', b.f.tenantId)
      .execute();
    expect(ledger).toEqual([{ kind: 'order_email' }]);
  });

  it('a mail that fails leaves the order sent without a mail, and its slot under the cap is given back', async () => {
    const b = await bar();
    const draft = await draftFor(b);
    t.fakes.sendgrid.handle(() => ({ status: 500, json: { errors: [{ message: 'down' }] } }));
    const failed = await b.api.purchasing.orders.send.mutate({ id: draft.id });
    expect(failed.email).toMatchObject({ to: 'commandes@brasserie.test', sent: false });
    expect(failed.order).toMatchObject({ status: 'SENT', sent_to: null });
    expect(
      await t.db.selectFrom('usage_events').select('kind').where('tenant_id', '=', b.f.tenantId).execute(),
    ).toEqual([]);
    t.fakes.sendgrid.handle(() => ({ status: 202, text: '' }));
    const again = await b.api.purchasing.orders.send.mutate({ id: draft.id });
    expect(again.email).toEqual({ to: 'commandes@brasserie.test', sent: true, reason: null });
    expect(again.order.sent_to).toBe('commandes@brasserie.test');
    // Phoned in on purpose (email: false) is never mailed by sending again with email: false.
    const phoned = await draftFor(b);
    await b.api.purchasing.orders.send.mutate({ id: phoned.id, email: false });
    const before = t.fakes.sendgrid.requests.length;
    expect((await b.api.purchasing.orders.send.mutate({ id: phoned.id, email: false })).email.reason).toBe(
      'manual',
    );
    expect(t.fakes.sendgrid.requests).toHaveLength(before);
  });

  it('a mailing that throws on the way (files, reply-to, mailer) gives the mailing and its slot back', async () => {
    const b = await bar();
    const draft = await draftFor(b);
    const send = vi
      .spyOn(t.deps.mailer, 'send')
      .mockRejectedValueOnce(new Error('attachment encoder crashed'));
    try {
      const thrown = await failure(b.api.purchasing.orders.send.mutate({ id: draft.id }));
      expect(thrown.data.code).toBe('INTERNAL');
    } finally {
      send.mockRestore();
    }
    // Sent (the draft was taken) but not mailed: nothing claims the mailing, nothing counts under the cap.
    expect(await b.api.purchasing.orders.get.query({ id: draft.id })).toMatchObject({
      status: 'SENT',
      sent_to: null,
    });
    expect(
      await t.db.selectFrom('usage_events').select('kind').where('tenant_id', '=', b.f.tenantId).execute(),
    ).toEqual([]);
    // So sending again mails it.
    const again = await b.api.purchasing.orders.send.mutate({ id: draft.id });
    expect(again.email).toEqual({ to: 'commandes@brasserie.test', sent: true, reason: null });
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
  });

  it('supplier mails share the emailed exports’ daily cap and need a confirmed address; a refusal leaves the draft', async () => {
    const b = await bar();
    const draft = await draftFor(b);
    await t.db
      .insertInto('usage_events')
      .values(
        Array.from({ length: t.config.exportEmailDailyLimit }, () => ({
          tenant_id: b.f.tenantId,
          user_id: b.f.owner.id,
          kind: 'export_csv' as const,
          created_at: new Date(NOW.getTime() - 3600_000),
          params: JSON.stringify({ emailed: true }),
        })),
      )
      .execute();
    const capped = await failure(b.api.purchasing.orders.send.mutate({ id: draft.id }));
    expect(capped.data).toMatchObject({ code: 'RATE_LIMITED', http_status: 429 });
    expect((await b.api.purchasing.orders.get.query({ id: draft.id })).status).toBe('DRAFT');
    expect(t.fakes.sendgrid.requests).toEqual([]);

    const manager = await addMemberFixture(t.db, t.config, b.f.tenantId, 'manager', null, NOW);
    await t.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', manager.id).execute();
    const unverified = await failure(t.trpc(manager.token).purchasing.orders.send.mutate({ id: draft.id }));
    expect(unverified.data).toMatchObject({ code: 'EMAIL_NOT_VERIFIED', http_status: 403 });
    // Sending it by hand needs neither.
    const byHand = await t.trpc(manager.token).purchasing.orders.send.mutate({ id: draft.id, email: false });
    expect(byHand.email).toEqual({ to: 'commandes@brasserie.test', sent: false, reason: 'manual' });
  });
});

describe('purchasing.orders: received, canceled', () => {
  it('receiving creates exactly one delivery, even tapped twice; the stock then moves', async () => {
    const b = await bar();
    const draft = await draftFor(b);
    const notYet = await failure(b.api.purchasing.orders.receive.mutate({ id: draft.id }));
    expect(notYet.data).toMatchObject({ code: 'CONFLICT' });
    await b.api.purchasing.orders.send.mutate({ id: draft.id });
    const operator = await addMemberFixture(t.db, t.config, b.f.tenantId, 'operator', b.service, NOW);
    const staff = t.trpc(operator.token);
    const input = {
      id: draft.id,
      received_on: '2026-11-15',
      lines: [{ product_id: b.beer, quantity: 48, unit_cost: 1.25 }],
    };

    const [one, two] = await Promise.all([
      staff.purchasing.orders.receive.mutate(input),
      staff.purchasing.orders.receive.mutate(input),
    ]);
    const three = await staff.purchasing.orders.receive.mutate({ id: draft.id });

    expect(one.receipt.id).toBe(two.receipt.id);
    expect(three.receipt.id).toBe(one.receipt.id);
    expect(one.order).toMatchObject({ status: 'RECEIVED', receipt_id: one.receipt.id });
    expect(one.receipt).toMatchObject({
      source: 'order',
      supplier_name: 'Brasserie du Port',
      reference: 'Commande n° 1',
      received_on: '2026-11-15',
      total_cost: 60,
    });
    const receipts = await t.db
      .selectFrom('receipts')
      .select('source')
      .where('tenant_id', '=', b.f.tenantId)
      .execute();
    expect(receipts.map((r) => r.source).sort()).toEqual(['manual', 'order']);
    // 14 + 48 = 62 beers expected: above par, no more beer to order.
    const after = await b.api.purchasing.orders.suggest.query({ service_id: b.service });
    expect(after.groups.map((g) => g.supplier_name)).toEqual(['Metro', null]);
    const cancel = await failure(b.api.purchasing.orders.cancel.mutate({ id: draft.id }));
    expect(cancel.data).toMatchObject({ code: 'CONFLICT' });
  });

  it('a partial delivery keeps the rest on order when asked: one backorder, sent, to the same supplier, even tapped twice', async () => {
    const b = await bar();
    const order = await b.api.purchasing.orders.create.mutate({
      service_id: b.service,
      supplier_id: b.metro.id,
      lines: [
        { product_id: b.gin, quantity: 4, unit_cost: 28 },
        { product_id: b.rum, quantity: 2, unit_cost: 19.5 },
        { product_id: b.vodka, quantity: 1 },
      ],
    });
    await b.api.purchasing.orders.send.mutate({ id: order.id, email: false });
    const input = {
      id: order.id,
      lines: [
        { product_id: b.gin, quantity: 1.5 },
        { product_id: b.rum, quantity: 0 },
        { product_id: b.vodka, quantity: 1 },
      ],
      backorder: true,
      idempotency_key: 'receive-partial-1',
    };

    const [one, two] = await Promise.all([
      b.api.purchasing.orders.receive.mutate(input),
      b.api.purchasing.orders.receive.mutate(input),
    ]);
    const three = await b.api.purchasing.orders.receive.mutate({ id: order.id });

    // What came is the delivery; what did not (2.5 gin, 2 rum) is order n° 2, already sent, pointing at n° 1.
    expect(one.receipt.lines.map((l) => [l.product_name, l.quantity])).toEqual([
      ['Gin', 1.5],
      ['Vodka', 1],
    ]);
    expect(one.order).toMatchObject({ status: 'RECEIVED', backorder_of: null });
    expect(one.backorder).toMatchObject({
      number: 2,
      status: 'SENT',
      supplier_name: 'Metro',
      sent_to: null,
      backorder_of: order.id,
      backorder_of_number: 1,
      total_cost: 109,
    });
    expect(one.backorder!.lines.map((l) => [l.product_name, l.quantity, l.unit_cost])).toEqual([
      ['Gin', 2.5, 28],
      ['Rhum', 2, 19.5],
    ]);
    expect(two.backorder?.id).toBe(one.backorder!.id);
    expect(three.backorder?.id).toBe(one.backorder!.id);
    const orders = await t.db
      .selectFrom('purchase_orders')
      .select(['number', 'status'])
      .where('tenant_id', '=', b.f.tenantId)
      .orderBy('number')
      .execute();
    expect(orders).toEqual([
      { number: 1, status: 'RECEIVED' },
      { number: 2, status: 'SENT' },
    ]);
    // On its way: the suggestion does not order the gin again (2 + ½ + 1.5 received + 2.5 on order = 6 = par).
    const suggestion = await b.api.purchasing.orders.suggest.query({ service_id: b.service });
    const gin = suggestion.groups.flatMap((g) => g.lines).find((l) => l.product_id === b.gin);
    expect(gin).toBeUndefined();
    expect(suggestion.covered_by_orders).toBe(1);

    // The rest comes: receiving the backorder closes it, with no backorder of its own when all came.
    const rest = await b.api.purchasing.orders.receive.mutate({ id: one.backorder!.id, backorder: true });
    expect(rest).toMatchObject({ order: { status: 'RECEIVED' }, backorder: null });
  });

  it('without `backorder`, a partial delivery closes the order (what is missing is suggested again)', async () => {
    const b = await bar();
    const order = await b.api.purchasing.orders.create.mutate({
      service_id: b.service,
      supplier_id: b.metro.id,
      lines: [{ product_id: b.gin, quantity: 4 }],
    });
    await b.api.purchasing.orders.send.mutate({ id: order.id, email: false });
    const received = await b.api.purchasing.orders.receive.mutate({
      id: order.id,
      lines: [{ product_id: b.gin, quantity: 1 }],
    });
    expect(received.backorder).toBeNull();
    const suggestion = await b.api.purchasing.orders.suggest.query({ service_id: b.service });
    // 2.5 + 1 = 3.5 expected, par 6: 3 whole bottles again.
    expect(suggestion.groups.flatMap((g) => g.lines).find((l) => l.product_id === b.gin)).toMatchObject({
      expected: 3.5,
      on_order: 0,
      quantity: 3,
    });
  });

  it('quantities received may differ (a line at 0 did not come); a closed month refuses (MONTH_CLOSED)', async () => {
    const b = await bar();
    const order = await b.api.purchasing.orders.create.mutate({
      service_id: b.service,
      supplier_id: b.metro.id,
      lines: [
        { product_id: b.gin, quantity: 4 },
        { product_id: b.rum, quantity: 2 },
      ],
    });
    await b.api.purchasing.orders.send.mutate({ id: order.id, email: false });
    await t.db
      .insertInto('inventory_periods')
      .values({ tenant_id: b.f.tenantId, service_id: b.service, month: '2026-10', status: 'CLOSED' })
      .onConflict((oc) => oc.columns(['service_id', 'month']).doUpdateSet({ status: 'CLOSED' }))
      .execute();
    const closed = await failure(
      b.api.purchasing.orders.receive.mutate({ id: order.id, received_on: '2026-10-31' }),
    );
    expect(closed.data).toMatchObject({ code: 'MONTH_CLOSED', http_status: 409 });
    expect((await b.api.purchasing.orders.get.query({ id: order.id })).status).toBe('SENT');

    const received = await b.api.purchasing.orders.receive.mutate({
      id: order.id,
      lines: [
        { product_id: b.gin, quantity: 3 },
        { product_id: b.rum, quantity: 0 },
      ],
    });
    expect(received.receipt.lines.map((l) => [l.product_name, l.quantity, l.unit_cost])).toEqual([
      ['Gin', 3, 28.5],
    ]);
    expect(received.receipt.received_on).toBe('2026-11-15');
  });

  it('cancels a draft or a sent order; lists a service’s orders newest first, by status', async () => {
    const b = await bar();
    const first = await draftFor(b);
    const second = await draftFor(b);
    expect(second.number).toBe(2);
    const canceled = await b.api.purchasing.orders.cancel.mutate({ id: first.id });
    expect(canceled).toMatchObject({ status: 'CANCELED', canceled_at: NOW.toISOString() });
    expect((await b.api.purchasing.orders.cancel.mutate({ id: first.id })).status).toBe('CANCELED');
    const sendCanceled = await failure(b.api.purchasing.orders.send.mutate({ id: first.id }));
    expect(sendCanceled.data).toMatchObject({ code: 'CONFLICT' });
    expect(sendCanceled.message).toBe('Cette commande est annulée.');
    const list = await b.api.purchasing.orders.list.query({ service_id: b.service });
    expect(list.items.map((o) => [o.number, o.status, o.lines_count])).toEqual([
      [2, 'DRAFT', 1],
      [1, 'CANCELED', 1],
    ]);
    const drafts = await b.api.purchasing.orders.list.query({ service_id: b.service, status: 'DRAFT' });
    expect(drafts.items.map((o) => o.number)).toEqual([2]);
    expect(list.next_cursor).toBeNull();
    const operator = await addMemberFixture(t.db, t.config, b.f.tenantId, 'operator', null, NOW);
    const denied = await failure(t.trpc(operator.token).purchasing.orders.cancel.mutate({ id: second.id }));
    expect(denied.data).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });

  it('lists a page at a time: orders made in the same instant keep their number order, nothing twice or skipped', async () => {
    const b = await bar();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await draftFor(b));
    t.clock.set(new Date(NOW.getTime() + 60_000));
    await draftFor(b);
    const numbers: number[] = [];
    let cursor: string | undefined;
    const pages: number[] = [];
    do {
      const page = await b.api.purchasing.orders.list.query({ service_id: b.service, limit: 2, cursor });
      pages.push(page.items.length);
      numbers.push(...page.items.map((o) => o.number));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(numbers).toEqual([6, 5, 4, 3, 2, 1]);
    expect(pages).toEqual([2, 2, 2]);
    // With a status, the page after a cursor keeps the filter.
    await b.api.purchasing.orders.cancel.mutate({ id: made[4]!.id });
    const drafts = await b.api.purchasing.orders.list.query({
      service_id: b.service,
      status: 'DRAFT',
      limit: 3,
    });
    const more = await b.api.purchasing.orders.list.query({
      service_id: b.service,
      status: 'DRAFT',
      limit: 3,
      cursor: drafts.next_cursor ?? undefined,
    });
    expect([...drafts.items, ...more.items].map((o) => o.number)).toEqual([6, 4, 3, 2, 1]);
    expect(more.next_cursor).toBeNull();
    // Another tenant's order as cursor: an empty page, none of its orders.
    const other = await bar();
    const theirs = await draftFor(other);
    const foreign = await b.api.purchasing.orders.list.query({ service_id: b.service, cursor: theirs.id });
    expect(foreign).toEqual({ items: [], next_cursor: null });
    const bad = await failure(b.api.purchasing.orders.list.query({ service_id: b.service, limit: 0 }));
    expect(bad.data).toMatchObject({ code: 'VALIDATION_ERROR' });
  });
});
