import { type Kysely, sql } from 'kysely';

// Counting as a team (SPEC §11): storage places inside a service, counts per place (a product's month is the
// sum of its lines), the products usually stored in each place in shelf order, blind counting per service and
// spot checks that never touch the month's counts.
const UP = [
  `create table locations (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    name text not null,
    position integer not null default 0,
    archived_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create unique index locations_service_name on locations (service_id, lower(name)) where archived_at is null`,
  `create index locations_tenant_service on locations (tenant_id, service_id, position)`,

  `create table location_products (
    location_id uuid not null references locations(id) on delete cascade,
    product_id uuid not null references products(id) on delete cascade,
    tenant_id uuid not null references tenants(id) on delete cascade,
    position integer not null default 0,
    primary key (location_id, product_id)
  )`,

  `alter table counts add column location_id uuid references locations(id) on delete restrict`,
  `alter table counts drop constraint counts_product_id_inventory_month_key`,
  `alter table counts add constraint counts_product_month_location
    unique nulls not distinct (product_id, inventory_month, location_id)`,
  `create index counts_location on counts (location_id) where location_id is not null`,

  `alter table services add column blind_counting boolean not null default false`,

  `create table spot_checks (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    product_id uuid not null references products(id) on delete cascade,
    location_id uuid references locations(id) on delete set null,
    inventory_month char(7) not null,
    quantity numeric(14,3) not null check (quantity >= 0),
    expected numeric(14,3),
    difference numeric(14,3),
    checked_by uuid references users(id) on delete set null,
    checked_at timestamptz not null default now()
  )`,
  `create index spot_checks_service_month on spot_checks (tenant_id, service_id, inventory_month, checked_at desc)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists spot_checks`.execute(db);
  await sql`alter table services drop column if exists blind_counting`.execute(db);
  await sql`delete from counts where location_id is not null`.execute(db);
  await sql`alter table counts drop constraint if exists counts_product_month_location`.execute(db);
  await sql`alter table counts drop column if exists location_id`.execute(db);
  await sql`alter table counts add constraint counts_product_id_inventory_month_key unique (product_id, inventory_month)`.execute(
    db,
  );
  await sql`drop table if exists location_products`.execute(db);
  await sql`drop table if exists locations`.execute(db);
}
