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

/** Windows last one day at most (config refuses longer ones): older rows are dead whatever their key. */
export const LONGEST_WINDOW_MS = 86_400_000;

const windowStartOf = (rule: RateLimitRule, now: Date) =>
  new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);

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
  const windowStart = windowStartOf(rule, now);
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', 1) })),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  // The first hit of a window drops the key's older windows and every counter of any key that has expired,
  // so keys seen once (addresses, unknown usernames) do not stay forever.
  if (row.hits === 1)
    await db
      .deleteFrom('rate_limits')
      .where((eb) =>
        eb.or([
          eb.and([eb('key', '=', key), eb('window_start', '<', windowStart)]),
          eb('window_start', '<', new Date(now.getTime() - LONGEST_WINDOW_MS)),
        ]),
      )
      .execute();
  return {
    allowed: row.hits <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000)),
    hits: row.hits,
  };
}

/** Takes back one hit of the current window (an attempt that turned out not to count, e.g. a good login). */
export async function undoRateLimitHit(db: Db, key: string, rule: RateLimitRule, now: Date): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ hits: eb('hits', '-', 1) }))
    .where('key', '=', key)
    .where('window_start', '=', windowStartOf(rule, now))
    .where('hits', '>', 0)
    .execute();
}

/** Forgets every hit of `key` (e.g. failed logins after a successful one). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Counts one hit on each key; the refusal (if any) says the longest wait among the keys over their limit. */
export async function hitRateLimits(
  db: Db,
  keys: readonly string[],
  rule: RateLimitRule,
  now: Date,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const results = [];
  for (const key of keys) results.push(await hitRateLimit(db, key, rule, now));
  const refused = results.filter((r) => !r.allowed);
  return {
    allowed: refused.length === 0,
    retryAfterSeconds: Math.max(0, ...refused.map((r) => r.retryAfterSeconds)),
  };
}
