import { type Kysely, sql } from 'kysely';

// A live subscription set to end (cancel_at_period_end or cancel_at): the settings page must not say "renews".
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table tenants add column stripe_cancel_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table tenants drop column if exists stripe_cancel_at`.execute(db);
}
