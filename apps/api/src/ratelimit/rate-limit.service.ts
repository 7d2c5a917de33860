import type { Db } from '@stockscan/db';

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the current window closes (what Retry-After should say). */
  retryAfterSeconds: number;
  hits: number;
}

/**
 * Fixed-window counter kept in PostgreSQL, so every API instance shares it: counts one hit for `key` in the
 * window containing `now` and says whether it stays within `limit`. Atomic under concurrency (one upsert).
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now: Date,
): Promise<RateLimitResult> {
  const windowStart = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: new Date(windowStart), hits: 1 })
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', 1) })),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  // The first hit of a window drops the key's older windows: one row per active key.
  if (row.hits === 1)
    await db
      .deleteFrom('rate_limits')
      .where('key', '=', key)
      .where('window_start', '<', new Date(windowStart))
      .execute();
  return {
    allowed: row.hits <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart + rule.windowMs - now.getTime()) / 1000)),
    hits: row.hits,
  };
}

/** Forgets every hit of `key` (e.g. failed logins after a successful one). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
