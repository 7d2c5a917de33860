import type { HealthResponse } from '@stockscan/contracts';
import { sql } from 'kysely';
import type { Deps } from '../deps';

const PING_TIMEOUT_MS = 2_000;

/** Pings the database within 2 s; never throws. */
export async function checkHealth(deps: Pick<Deps, 'db' | 'config'>): Promise<HealthResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  const ping = sql`select 1`
    .execute(deps.db)
    .then(() => true)
    .catch(() => false);
  const dbOk = await Promise.race([ping, timeout]);
  clearTimeout(timer);
  return { status: dbOk ? 'ok' : 'degraded', db: dbOk ? 'ok' : 'down', version: deps.config.version };
}
