import { type Kysely, sql } from 'kysely';

// SPEC §11 ordering: purchase orders (draft → sent → received, or canceled) and their lines. Receiving one
// creates its delivery (receipt_id, once). An order mailed to a supplier is one row of the emailed-files ledger
// (usage_events kind 'order_email'), so supplier mails and emailed exports share one daily cap.
// Check constraints spell PurchaseOrderStatus and UsageKind of @stockscan/contracts.
const statements = [
  `create table purchase_orders (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    supplier_id uuid references suppliers(id) on delete set null,
    number integer not null,
    status text not null default 'DRAFT' check (status in ('DRAFT','SENT','RECEIVED','CANCELED')),
    note text,
    sent_at timestamptz,
    sent_to text,
    sent_by uuid references users(id) on delete set null,
    received_at timestamptz,
    receipt_id uuid references receipts(id) on delete set null,
    canceled_at timestamptz,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (tenant_id, number)
  )`,
  `create index purchase_orders_service on purchase_orders (tenant_id, service_id, created_at desc)`,
  `create table purchase_order_lines (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    order_id uuid not null references purchase_orders(id) on delete cascade,
    product_id uuid not null references products(id) on delete cascade,
    position integer not null default 0,
    quantity numeric(14,3) not null check (quantity > 0),
    unit_cost numeric(12,4) check (unit_cost >= 0)
  )`,
  `create index purchase_order_lines_order on purchase_order_lines (order_id, position)`,
  `alter table usage_events drop constraint if exists usage_events_kind_check`,
  `alter table usage_events add constraint usage_events_kind_check
    check (kind in ('export_xlsx','export_csv','ai_request','ai_support','order_email'))`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists purchase_order_lines cascade`.execute(db);
  await sql`drop table if exists purchase_orders cascade`.execute(db);
  await sql`delete from usage_events where kind = 'order_email'`.execute(db);
  await sql`alter table usage_events drop constraint if exists usage_events_kind_check`.execute(db);
  await sql`alter table usage_events add constraint usage_events_kind_check
    check (kind in ('export_xlsx','export_csv','ai_request','ai_support'))`.execute(db);
}
