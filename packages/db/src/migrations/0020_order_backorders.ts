import { type Kysely, sql } from 'kysely';

// Partial deliveries: receiving an order may keep what did not come on order, as a new sent order (a backorder)
// pointing at the one it continues.
const statements = [
  `alter table purchase_orders add column backorder_of uuid references purchase_orders(id) on delete set null`,
  `create index purchase_orders_backorder_of on purchase_orders (tenant_id, backorder_of) where backorder_of is not null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table purchase_orders drop column if exists backorder_of`.execute(db);
}
