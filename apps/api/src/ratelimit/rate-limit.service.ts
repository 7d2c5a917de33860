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
 * Fixed-window counters kept in PostgreSQL, so every API instance shares them: counts one hit for each key in
 * the window containing `now` and says whether every key stays within `limit`. Atomic under concurrency: one
 * upsert for all keys, which locks their rows in one order, so concurrent requests see the same ranks on each.
 */
export async function hitRateLimits(
  db: Db,
  keys: readonly string[],
  rule: RateLimitRule,
  now: Date,
): Promise<RateLimitResult> {
  const windowStart = windowStartOf(rule, now);
  const rows = await db
    .insertInto('rate_limits')
    .values([...new Set(keys)].sort().map((key) => ({ key, window_start: windowStart, hits: 1 })))
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', 1) })),
    )
    .returning(['key', 'hits'])
    .execute();
  const fresh = rows.filter((row) => row.hits === 1).map((row) => row.key);
  // The first hit of a window drops the key's older windows and every counter of any key that has expired,
  // so keys seen once (addresses, unknown usernames) do not stay forever.
  if (fresh.length > 0)
    await db
      .deleteFrom('rate_limits')
      .where((eb) =>
        eb.or([
          eb.and([eb('key', 'in', fresh), eb('window_start', '<', windowStart)]),
          eb('window_start', '<', new Date(now.getTime() - LONGEST_WINDOW_MS)),
        ]),
      )
      .execute();
  const hits = Math.max(...rows.map((row) => row.hits));
  return {
    allowed: hits <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000)),
    hits,
  };
}

/** One counter: see hitRateLimits. */
export function hitRateLimit(db: Db, key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
  return hitRateLimits(db, [key], rule, now);
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
