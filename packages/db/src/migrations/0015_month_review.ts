import { type Kysely, sql } from 'kysely';

// Reviewing a month before closing it (SPEC §11): a manager's decision on a suspicious product of the month —
// "c'est correct" (OK) or "recompter" (RECOUNT, shown on the count screen until someone counts it again). One
// decision per product and month: the latest replaces the previous one.
const UP = [
  `create table count_reviews (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    product_id uuid not null references products(id) on delete cascade,
    month char(7) not null,
    decision text not null check (decision in ('OK','RECOUNT')),
    decided_by uuid references users(id) on delete set null,
    decided_at timestamptz not null default now(),
    unique (service_id, month, product_id)
  )`,
  `create index count_reviews_tenant on count_reviews (tenant_id, service_id, month)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists count_reviews`.execute(db);
}
