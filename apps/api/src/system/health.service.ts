import type { HealthResponse } from '@stockscan/contracts';
import { preparedQuery } from '@stockscan/db';
import { sql } from 'kysely';
import type { Deps } from '../deps';

export const PING_TIMEOUT_MS = 2_000;
/** How often the watchdog looks at the pings in flight: a hung one is answered within 2–2.25 s. */
const WATCHDOG_MS = 250;

/** Compiled once, run on the pool: a load balancer asks several times a second. */
const ping = preparedQuery()((db) => db.selectNoFrom(sql<number>`1`.as('ok')));

/**
 * Pings in flight, with when each started. One watchdog timer answers "down" for those past PING_TIMEOUT_MS, while
 * there are any: no timer and race per ping (a third of the health route's own cost, `pnpm bench:load`).
 */
const inFlight = new Map<(ok: boolean) => void, number>();
let watchdog: NodeJS.Timeout | undefined;

function sweep(): void {
  const now = Date.now();
  for (const [answer, started] of inFlight) if (now - started >= PING_TIMEOUT_MS) answer(false);
  if (inFlight.size === 0) {
    clearInterval(watchdog);
    watchdog = undefined;
  }
}

/** True when the database answered `select 1` within PING_TIMEOUT_MS; never throws. */
function pingDatabase(db: Deps['db']): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const answer = (ok: boolean) => {
      if (!inFlight.delete(answer)) return; // answered already (the watchdog, or the database after it)
      resolve(ok);
    };
    inFlight.set(answer, Date.now());
    if (watchdog === undefined) {
      watchdog = setInterval(sweep, WATCHDOG_MS);
      watchdog.unref();
    }
    ping.execute(db, {}).then(
      () => answer(true),
      () => answer(false),
    );
  });
}

/** Pings the database within 2 s; never throws. */
export async function checkHealth(deps: Pick<Deps, 'db' | 'config'>): Promise<HealthResponse> {
  const dbOk = await pingDatabase(deps.db);
  return { status: dbOk ? 'ok' : 'degraded', db: dbOk ? 'ok' : 'down', version: deps.config.version };
}
