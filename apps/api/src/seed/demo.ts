import { currentMonth, presetCountingMode, presetFeatures, type ServiceType } from '@stockscan/contracts';
import type { Db, NewProduct } from '@stockscan/db';
import { hashPassword } from '../auth/passwords';
import type { Config } from '../config';
import { slugify } from '../tenants/slug';

export const DEMO_LOGIN = { username: 'demo', password: 'demo-stockscan' } as const;

interface DemoProduct {
  name: string;
  category: string;
  unit: NewProduct['unit'];
  purchase: number;
  selling: number | null;
  min: number;
  barcode?: string;
  qty: number;
  previous: number;
  opened?: number;
}

const DEMO: { name: string; type: ServiceType; products: DemoProduct[] }[] = [
  {
    name: 'Bar',
    type: 'bar',
    products: [
      {
        name: 'Gin Citadelle 70cl',
        category: 'Spiritueux',
        unit: 'pcs',
        purchase: 24.5,
        selling: null,
        min: 2,
        barcode: '3760007450015',
        qty: 4,
        previous: 6,
        opened: 0.5,
      },
      {
        name: 'Rhum Diplomatico 70cl',
        category: 'Spiritueux',
        unit: 'pcs',
        purchase: 31.9,
        selling: null,
        min: 2,
        barcode: '7594003620202',
        qty: 1,
        previous: 3,
        opened: 0.25,
      },
      {
        name: 'Bière pression Kronenbourg (fût 30 L)',
        category: 'Bières',
        unit: 'l',
        purchase: 2.8,
        selling: null,
        min: 30,
        qty: 52,
        previous: 60,
      },
      {
        name: 'Sirop de grenadine 1 L',
        category: 'Softs',
        unit: 'pcs',
        purchase: 4.2,
        selling: null,
        min: 1,
        barcode: '3038350206301',
        qty: 3,
        previous: 2,
      },
      {
        name: 'Coca-Cola 33cl',
        category: 'Softs',
        unit: 'pcs',
        purchase: 0.62,
        selling: null,
        min: 24,
        barcode: '5449000000996',
        qty: 18,
        previous: 48,
      },
      {
        name: 'Champagne Brut 75cl',
        category: 'Vins',
        unit: 'pcs',
        purchase: 22.0,
        selling: null,
        min: 3,
        barcode: '3185370000335',
        qty: 7,
        previous: 5,
      },
    ],
  },
  {
    name: 'Cuisine',
    type: 'kitchen',
    products: [
      {
        name: 'Farine T55',
        category: 'Épicerie',
        unit: 'kg',
        purchase: 0.95,
        selling: null,
        min: 5,
        qty: 12.5,
        previous: 20,
      },
      {
        name: 'Beurre doux',
        category: 'Frais',
        unit: 'kg',
        purchase: 8.9,
        selling: null,
        min: 2,
        qty: 3.2,
        previous: 4,
      },
      {
        name: 'Huile d’olive',
        category: 'Épicerie',
        unit: 'kg',
        purchase: 9.5,
        selling: null,
        min: 2,
        qty: 1.5,
        previous: 3,
      },
      {
        name: 'Tomates',
        category: 'Légumes',
        unit: 'kg',
        purchase: 2.4,
        selling: null,
        min: 5,
        qty: 8,
        previous: 6,
      },
    ],
  },
];

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

/** On an empty database (no tenant yet), creates a demo bar-restaurant with counts; returns its login. */
export async function seedDemoIfEmpty(db: Db, config: Config, now: Date): Promise<typeof DEMO_LOGIN | null> {
  const any = await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  const month = currentMonth(now);
  const before = previousMonth(month);
  const trialEnds = new Date(now.getTime() + Math.max(config.trial.days, 14) * 86_400_000);

  await db.transaction().execute(async (tx) => {
    const user = await tx
      .insertInto('users')
      .values({
        username: DEMO_LOGIN.username,
        email: 'demo@stockscan.local',
        password_hash: passwordHash,
        email_verified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tenant = await tx
      .insertInto('tenants')
      .values({
        name: 'Le Comptoir Démo',
        slug: slugify('Le Comptoir Démo'),
        domain: 'food',
        business_type: 'restaurant',
        terms_accepted_at: now,
        plan_code: 'PRO',
        plan_source: 'TRIAL',
        subscription_status: 'NONE',
        license_expires_at: trialEnds,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('memberships')
      .values({
        user_id: user.id,
        tenant_id: tenant.id,
        role: 'owner',
        status: 'ACTIVE',
        activated_at: now,
        service_id: null,
        invited_at: null,
      })
      .execute();
    for (const service of DEMO) {
      const row = await tx
        .insertInto('services')
        .values({
          tenant_id: tenant.id,
          name: service.name,
          service_type: service.type,
          counting_mode: presetCountingMode(service.type),
          features: JSON.stringify(presetFeatures(service.type, 'food')),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const p of service.products) {
        const product = await tx
          .insertInto('products')
          .values({
            tenant_id: tenant.id,
            service_id: row.id,
            name: p.name,
            category: p.category,
            unit: p.unit,
            purchase_price: p.purchase,
            selling_price: p.selling,
            min_qty: p.min,
            barcode: p.barcode ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const base = {
          tenant_id: tenant.id,
          service_id: row.id,
          product_id: product.id,
          counted_by: user.id,
        };
        await tx
          .insertInto('counts')
          .values([
            { ...base, inventory_month: before, quantity: p.previous },
            {
              ...base,
              inventory_month: month,
              quantity: p.qty,
              container_status: p.opened === undefined ? 'SEALED' : 'OPENED',
              remaining_fraction: p.opened ?? null,
            },
          ])
          .execute();
      }
    }
  });
  return DEMO_LOGIN;
}
