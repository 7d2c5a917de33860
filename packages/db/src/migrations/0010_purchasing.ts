import { type Kysely, sql } from 'kysely';

// SPEC §11 purchasing: suppliers, deliveries, transfers, till sales, month periods and idempotency keys.
// Check constraints spell the enums of @stockscan/contracts (ReceiptSource, PeriodStatus) as they were then.
const statements = [
  `create table suppliers (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    name text not null,
    email text,
    phone text,
    notes text,
    archived_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index suppliers_tenant_name_live on suppliers (tenant_id, lower(name)) where archived_at is null`,

  `alter table products
    add column supplier_id uuid references suppliers(id) on delete set null,
    add column par_level numeric(14,3) check (par_level >= 0),
    add column full_weight_g numeric(10,1) check (full_weight_g > 0),
    add column empty_weight_g numeric(10,1) check (empty_weight_g >= 0)`,
  `create index products_supplier on products (supplier_id) where supplier_id is not null`,

  // The old free-text supplier becomes one supplier per tenant and distinct name (case and spaces ignored).
  `insert into suppliers (tenant_id, name)
    select distinct on (tenant_id, lower(btrim(supplier))) tenant_id, btrim(supplier)
    from products
    where supplier is not null and btrim(supplier) <> ''
    order by tenant_id, lower(btrim(supplier)), btrim(supplier)`,
  `update products p set supplier_id = s.id
    from suppliers s
    where s.tenant_id = p.tenant_id and s.archived_at is null and p.supplier is not null
      and lower(s.name) = lower(btrim(p.supplier))`,

  `create table inventory_periods (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    month char(7) not null,
    status text not null default 'OPEN' check (status in ('OPEN','CLOSED')),
    closed_by uuid references users(id) on delete set null,
    closed_at timestamptz,
    reopened_by uuid references users(id) on delete set null,
    reopened_at timestamptz,
    reopen_reason text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (service_id, month)
  )`,
  `create index inventory_periods_tenant on inventory_periods (tenant_id, service_id, month)`,

  `create table receipts (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    supplier_id uuid references suppliers(id) on delete set null,
    received_on date not null,
    month char(7) not null,
    reference text,
    note text,
    source text not null default 'manual' check (source in ('manual','import','order')),
    import_id uuid,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now()
  )`,
  `create index receipts_tenant_service_month on receipts (tenant_id, service_id, month)`,
  `create table receipt_lines (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    receipt_id uuid not null references receipts(id) on delete cascade,
    product_id uuid not null references products(id) on delete cascade,
    position integer not null default 0,
    quantity numeric(14,3) not null check (quantity > 0),
    unit_cost numeric(12,4) check (unit_cost >= 0),
    lot_number text,
    expiry_date date
  )`,
  `create index receipt_lines_receipt on receipt_lines (receipt_id, position)`,
  `create index receipt_lines_product on receipt_lines (product_id)`,

  `create table transfers (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    from_service_id uuid not null references services(id) on delete cascade,
    to_service_id uuid not null references services(id) on delete cascade,
    moved_on date not null,
    month char(7) not null,
    note text,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    check (from_service_id <> to_service_id)
  )`,
  `create index transfers_from_month on transfers (tenant_id, from_service_id, month)`,
  `create index transfers_to_month on transfers (tenant_id, to_service_id, month)`,
  `create table transfer_lines (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    transfer_id uuid not null references transfers(id) on delete cascade,
    from_product_id uuid not null references products(id) on delete cascade,
    to_product_id uuid not null references products(id) on delete cascade,
    position integer not null default 0,
    quantity numeric(14,3) not null check (quantity > 0),
    unit_cost numeric(12,4) check (unit_cost >= 0)
  )`,
  `create index transfer_lines_transfer on transfer_lines (transfer_id, position)`,

  `create table sales_lines (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    month char(7) not null,
    product_id uuid not null references products(id) on delete cascade,
    quantity_sold numeric(14,3) not null check (quantity_sold >= 0),
    revenue numeric(12,2),
    import_id uuid,
    created_at timestamptz not null default now()
  )`,
  `create index sales_lines_tenant_service_month on sales_lines (tenant_id, service_id, month)`,

  `create table idempotency_keys (
    tenant_id uuid not null references tenants(id) on delete cascade,
    key text not null,
    operation text not null,
    request_hash text not null,
    response jsonb,
    created_at timestamptz not null default now(),
    primary key (tenant_id, key)
  )`,
  `create index idempotency_keys_created on idempotency_keys (created_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'sales_lines',
    'transfer_lines',
    'transfers',
    'receipt_lines',
    'receipts',
    'inventory_periods',
  ])
    await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  await sql`alter table products drop column if exists supplier_id, drop column if exists par_level,
    drop column if exists full_weight_g, drop column if exists empty_weight_g`.execute(db);
  await sql`drop table if exists suppliers cascade`.execute(db);
}
