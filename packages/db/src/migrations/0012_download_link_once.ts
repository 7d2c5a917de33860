import { type Kysely, sql } from 'kysely';

// A download link (its jti, stored as params.link_id on the export's usage event) produces one file: the
// unique index makes the single use hold under concurrency (N parallel downloads of one link: one insert
// wins, the others hit the index). Duplicates left by the old check-then-insert keep their row under
// another key.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update usage_events u
       set params = (u.params - 'link_id') || jsonb_build_object('duplicate_link_id', u.params->>'link_id')
     where u.params ? 'link_id'
       and exists (
         select 1 from usage_events o
          where o.params->>'link_id' = u.params->>'link_id' and o.id < u.id
       )`.execute(db);
  await sql`create unique index usage_events_link_id on usage_events ((params->>'link_id')) where params ? 'link_id'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists usage_events_link_id`.execute(db);
}
