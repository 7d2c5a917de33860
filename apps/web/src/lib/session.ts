/** Tokens survive a reload (localStorage); every tab sees the same session. */
export interface Session {
  access: string;
  refresh: string;
}

const KEY = 'stockscan.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function getSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function notify(session: Session | null): void {
  for (const listener of listeners) listener(session);
}

export function setSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  notify(session);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab logged in, out, or rotated the tokens: this tab follows.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === KEY || event.key === null) notify(getSession());
  });
}

/** Who the stored session is (the access token's `sub`) and which tenant it acts on (`tid`), readable offline. */
export function sessionClaims(): { userId: string; tenantId: string | null } | null {
  const access = getSession()?.access;
  if (!access) return null;
  try {
    const payload = JSON.parse(atob(access.split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? '')) as {
      sub?: unknown;
      tid?: unknown;
    };
    if (typeof payload.sub !== 'string') return null;
    return { userId: payload.sub, tenantId: typeof payload.tid === 'string' ? payload.tid : null };
  } catch {
    return null;
  }
}

/** Seconds until the access token expires (from its `exp` claim); 0 when unreadable. */
function secondsLeft(access: string, now = Date.now()): number {
  try {
    const payload = JSON.parse(atob(access.split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? '')) as {
      exp?: number;
    };
    return payload.exp ? payload.exp - Math.floor(now / 1000) : 0;
  } catch {
    return 0;
  }
}

/** Refresh when the access token has less than this left, so a request never leaves with a dying token. */
const REFRESH_MARGIN_SECONDS = 60;

export type RefreshOutcome = { ok: true; session: Session } | { ok: false; invalid: boolean };

export interface RefresherDeps {
  read: () => Session | null;
  write: (session: Session | null) => void;
  /** Exchanges a refresh token for a new pair; `invalid` when the server refused it (TOKEN_INVALID). */
  exchange: (refresh: string) => Promise<RefreshOutcome>;
  /** Runs `task` while no other tab runs it (Web Locks); the refresh token is single-use across tabs. */
  exclusive: <T>(task: () => Promise<T>) => Promise<T>;
  now?: () => number;
}

/**
 * Access tokens for requests: the stored one while it has time left, else one refresh shared by every
 * concurrent caller (and serialised across tabs, since presenting a rotated refresh token twice revokes the
 * whole session). `force(stale)` refreshes after the server rejected `stale`.
 */
export function createTokenRefresher(deps: RefresherDeps) {
  const now = deps.now ?? Date.now;
  let inFlight: Promise<string | null> | null = null;

  const usable = (session: Session, stale: string | null): boolean =>
    session.access !== stale && secondsLeft(session.access, now()) >= REFRESH_MARGIN_SECONDS;

  function refresh(stale: string | null): Promise<string | null> {
    inFlight ??= deps
      .exclusive(async () => {
        const session = deps.read();
        if (!session) return null;
        // Another tab (or an earlier caller) already rotated the pair while we waited.
        if (usable(session, stale)) return session.access;
        const outcome = await deps.exchange(session.refresh);
        if (outcome.ok) {
          deps.write(outcome.session);
          return outcome.session.access;
        }
        if (outcome.invalid && deps.read()?.refresh === session.refresh) {
          // The session is over: clearing it sends the signed-in shell to the login page (it follows the session).
          deps.write(null);
          return null;
        }
        // Server not reached: keep the session, the request decides.
        return deps.read()?.access ?? null;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return {
    /** The token to send now (refreshing first when it is about to expire); null when signed out. */
    async accessToken(): Promise<string | null> {
      if (inFlight) return inFlight;
      const session = deps.read();
      if (!session) return null;
      if (secondsLeft(session.access, now()) >= REFRESH_MARGIN_SECONDS) return session.access;
      return refresh(session.access);
    },
    /** The server rejected `stale`: get a new pair once (deduplicated with any refresh in progress). */
    force(stale: string | null): Promise<string | null> {
      return inFlight ?? refresh(stale);
    },
  };
}
