import type { HealthResponse } from '@stockscan/contracts';
import { preparedQuery } from '@stockscan/db';
import { sql } from 'kysely';
import type { Deps } from '../deps';

export const PING_TIMEOUT_MS = 2_000;
/** How often the watchdog looks at the pings in flight: a hung one is answered within 2–2.25 s. */
const WATCHDOG_MS = 250;

/** Compiled once, run on the pool: a load balancer asks several times a second. */
const statement = preparedQuery()((db) => db.selectNoFrom(sql<number>`1`.as('ok')));

/** A ping in flight: when it started, how to answer its caller, whether it has been answered. */
interface Ping {
  started: number;
  resolve: (ok: boolean) => void;
  answered: boolean;
}

/**
 * Pings in flight, oldest first. One watchdog timer answers "down" for those past PING_TIMEOUT_MS and drops the
 * answered ones, while there are any: no timer and race per ping (a third of the health route's own cost, `pnpm
 * bench:load`), and nothing hashed per ping.
 */
let inFlight: Ping[] = [];
let watchdog: NodeJS.Timeout | undefined;

function answer(ping: Ping, ok: boolean): void {
  if (ping.answered) return; // answered already (the watchdog, or the database after it)
  ping.answered = true;
  ping.resolve(ok);
}

function sweep(): void {
  const now = Date.now();
  const waiting: Ping[] = [];
  for (const ping of inFlight) {
    if (ping.answered) continue;
    if (now - ping.started >= PING_TIMEOUT_MS) answer(ping, false);
    else waiting.push(ping);
  }
  inFlight = waiting;
  if (inFlight.length === 0) {
    clearInterval(watchdog);
    watchdog = undefined;
  }
}

/** True when the database answered `select 1` within PING_TIMEOUT_MS; never throws. */
function pingDatabase(db: Deps['db']): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const ping: Ping = { started: Date.now(), resolve, answered: false };
    inFlight.push(ping);
    if (watchdog === undefined) {
      watchdog = setInterval(sweep, WATCHDOG_MS);
      watchdog.unref();
    }
    statement.execute(db, {}).then(
      () => answer(ping, true),
      () => answer(ping, false),
    );
  });
}

/** Pings the database within 2 s; never throws. */
export async function checkHealth(deps: Pick<Deps, 'db' | 'config'>): Promise<HealthResponse> {
  const dbOk = await pingDatabase(deps.db);
  return { status: dbOk ? 'ok' : 'degraded', db: dbOk ? 'ok' : 'down', version: deps.config.version };
}
