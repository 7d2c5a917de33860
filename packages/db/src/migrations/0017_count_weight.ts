import { type Kysely, sql } from 'kysely';

// An opened bottle may be weighed (SPEC §11 weighing): the weight read on the scale is kept beside the
// remaining fraction computed from it and the product's full and empty weights.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table counts add column weight_g numeric(10,1) check (weight_g >= 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table counts drop column if exists weight_g`.execute(db);
}
