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

export function setSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener(session);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Seconds until the access token expires (from its `exp` claim); 0 when unreadable. */
export function secondsLeft(access: string, now = Date.now()): number {
  try {
    const payload = JSON.parse(atob(access.split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? '')) as {
      exp?: number;
    };
    return payload.exp ? payload.exp - Math.floor(now / 1000) : 0;
  } catch {
    return 0;
  }
}
