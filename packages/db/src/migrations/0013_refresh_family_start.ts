import { type Kysely, sql } from 'kysely';

// A refresh session's absolute lifetime counts from the family's first login: every rotated token carries
// that instant. Existing families start at their oldest token.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table refresh_tokens add column family_started_at timestamptz`.execute(db);
  await sql`
    update refresh_tokens r
       set family_started_at = (select min(f.created_at) from refresh_tokens f where f.family_id = r.family_id)`.execute(
    db,
  );
  await sql`alter table refresh_tokens alter column family_started_at set default now()`.execute(db);
  await sql`alter table refresh_tokens alter column family_started_at set not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table refresh_tokens drop column if exists family_started_at`.execute(db);
}
