import { type Kysely, sql } from 'kysely';

// Team counting: a cleared count line leaves a trace, so the other phones polling counts.changes drop it too
// (a deleted row says nothing to a poll). One row per line cleared; old traces are purged as new ones come.
const statements = [
  `create table count_clears (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    inventory_month text not null,
    product_id uuid not null references products(id) on delete cascade,
    location_id uuid references locations(id) on delete cascade,
    cleared_by uuid references users(id) on delete set null,
    cleared_at timestamptz not null default now()
  )`,
  `create index count_clears_month on count_clears (tenant_id, service_id, inventory_month, cleared_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists count_clears cascade`.execute(db);
}
