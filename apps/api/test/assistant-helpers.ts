import type { LossReason, ProductUnit } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import type { FakeReply, RecordedRequest } from '@stockscan/testing/fake-http';

/** A chat completion as OpenAI sends it, with `content` as the assistant message. */
export function completion(content: string | null, message: Record<string, unknown> = {}): FakeReply {
  return {
    status: 200,
    json: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null, ...message },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 812, completion_tokens: 96, total_tokens: 908 },
    },
  };
}

export const VALID_ANSWER = {
  message: 'Votre stock vaut 45 € ; deux alertes demandent votre attention.',
  insights: [
    { title: 'Gin en rupture', description: 'Gin Bombay est compté à zéro.', severity: 'danger' },
    { title: 'Pertes', description: '31,50 € de pertes ce mois-ci.', severity: 'warning' },
  ],
  actions: [
    { label: 'Voir les pertes', href: '/app/losses' },
    { label: 'Lien inventé', href: 'https://evil.example/phish' },
  ],
};

interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format: { type: string; json_schema: { name: string; strict: boolean; schema: JsonSchema } };
}
interface JsonSchema {
  properties: Record<string, JsonSchema>;
  required: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: string[];
}

export const chatBody = (req: RecordedRequest | undefined) => req?.json as ChatBody;

/** The context the server sent to the model (the CONTEXT system message). */
export function sentContext(req: RecordedRequest | undefined): Record<string, unknown> & {
  totals: Record<string, number>;
  services: string[];
} {
  const message = chatBody(req).messages.find((m) => m.content.startsWith('CONTEXT: '));
  if (!message) throw new Error('no CONTEXT message');
  return JSON.parse(message.content.slice('CONTEXT: '.length));
}

let seq = 0;

export async function addProduct(
  db: Db,
  tenantId: string,
  serviceId: string,
  values: {
    name: string;
    unit?: ProductUnit;
    purchase_price?: number | null;
    selling_price?: number | null;
    min_qty?: number | null;
    barcode?: string | null;
    category?: string | null;
  },
): Promise<string> {
  seq += 1;
  const row = await db
    .insertInto('products')
    .values({
      tenant_id: tenantId,
      service_id: serviceId,
      unit: 'pcs',
      barcode: `300000000${seq}`,
      category: 'Divers',
      // Live before any month the tests read (the stats count products live at the month's end).
      created_at: '2026-01-01T00:00:00Z',
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addCount(
  db: Db,
  tenantId: string,
  serviceId: string,
  productId: string,
  month: string,
  quantity: number,
  extra: { expiry_date?: string; container_status?: 'OPENED'; remaining_fraction?: number } = {},
): Promise<void> {
  await db
    .insertInto('counts')
    .values({
      tenant_id: tenantId,
      service_id: serviceId,
      product_id: productId,
      inventory_month: month,
      quantity,
      ...extra,
    })
    .execute();
}

export async function addLoss(
  db: Db,
  tenantId: string,
  serviceId: string,
  productId: string,
  month: string,
  quantity: number,
  unit: ProductUnit,
  reason: LossReason,
): Promise<void> {
  await db
    .insertInto('loss_events')
    .values({
      tenant_id: tenantId,
      service_id: serviceId,
      product_id: productId,
      occurred_at: `${month}-05T10:00:00Z`,
      inventory_month: month,
      quantity,
      unit,
      reason,
    })
    .execute();
}

/**
 * A bar in November 2026 (previous month October): Vodka low (2 ≤ 3), Gin out of stock, lemons expiring
 * in 10 days and without identifier, syrup without a purchase price and not counted; losses 30 € breakage
 * + 1.50 € expired (500 g of a kg product); October: 20 € expired.
 * Stock value 2×15 + 0×20 + 5×3 = 45 €, October 6×15 + 4×20 + 5×3 = 185 €.
 */
export async function seedBar(db: Db, tenantId: string, serviceId: string): Promise<void> {
  const vodka = await addProduct(db, tenantId, serviceId, {
    name: 'Vodka Absolut',
    purchase_price: 15,
    selling_price: 40,
    min_qty: 3,
  });
  const gin = await addProduct(db, tenantId, serviceId, {
    name: 'Gin Bombay',
    purchase_price: 20,
    selling_price: 50,
    min_qty: 2,
  });
  const lemons = await addProduct(db, tenantId, serviceId, {
    name: 'Citrons',
    unit: 'kg',
    purchase_price: 3,
    barcode: null,
  });
  await addProduct(db, tenantId, serviceId, { name: 'Sirop de sucre', purchase_price: null });
  await addCount(db, tenantId, serviceId, vodka, '2026-11', 2, { expiry_date: '2028-01-01' });
  await addCount(db, tenantId, serviceId, gin, '2026-11', 0);
  await addCount(db, tenantId, serviceId, lemons, '2026-11', 5, { expiry_date: '2026-11-25' });
  await addCount(db, tenantId, serviceId, vodka, '2026-10', 6);
  await addCount(db, tenantId, serviceId, gin, '2026-10', 4);
  await addCount(db, tenantId, serviceId, lemons, '2026-10', 5);
  await addLoss(db, tenantId, serviceId, vodka, '2026-11', 2, 'pcs', 'breakage');
  await addLoss(db, tenantId, serviceId, lemons, '2026-11', 500, 'g', 'expired');
  await addLoss(db, tenantId, serviceId, gin, '2026-10', 1, 'pcs', 'expired');
}
