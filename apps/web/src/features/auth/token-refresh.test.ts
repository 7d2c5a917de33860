import { describe, expect, it } from 'vitest';
import { createTokenRefresher, type RefreshOutcome, type Session } from '../../lib/session';

const NOW = 1_700_000_000_000;

/** An unsigned JWT-shaped token whose `exp` is `secondsFromNow` after NOW. */
function token(name: string, secondsFromNow: number): string {
  const payload = btoa(JSON.stringify({ sub: name, exp: Math.floor(NOW / 1000) + secondsFromNow }));
  return `h.${payload.replace(/=+$/, '')}.s`;
}

function setup(initial: Session | null, exchange: (refresh: string) => Promise<RefreshOutcome>) {
  let stored = initial;
  const calls: string[] = [];
  const refresher = createTokenRefresher({
    read: () => stored,
    write: (s) => {
      stored = s;
    },
    exchange: (refresh) => {
      calls.push(refresh);
      return exchange(refresh);
    },
    exclusive: (task) => task(),
    now: () => NOW,
  });
  return { refresher, calls, stored: () => stored };
}

describe('the access-token refresher', () => {
  it('sends the stored token while it has more than a minute left, without refreshing', async () => {
    const access = token('a', 300);
    const { refresher, calls } = setup({ access, refresh: 'r1' }, async () => ({
      ok: false,
      invalid: false,
    }));
    expect(await refresher.accessToken()).toBe(access);
    expect(calls).toEqual([]);
  });

  it('refreshes once for concurrent callers when under a minute is left, and stores the rotated pair', async () => {
    const next = { access: token('b', 900), refresh: 'r2' };
    const { refresher, calls, stored } = setup({ access: token('a', 30), refresh: 'r1' }, async () => ({
      ok: true,
      session: next,
    }));
    const tokens = await Promise.all([
      refresher.accessToken(),
      refresher.accessToken(),
      refresher.accessToken(),
    ]);
    expect(tokens).toEqual([next.access, next.access, next.access]);
    expect(calls).toEqual(['r1']);
    expect(stored()).toEqual(next);
  });

  it('clears the session when the server refuses the refresh token (TOKEN_INVALID)', async () => {
    const { refresher, stored } = setup({ access: token('a', 10), refresh: 'r1' }, async () => ({
      ok: false,
      invalid: true,
    }));
    expect(await refresher.accessToken()).toBeNull();
    expect(stored()).toBeNull();
  });

  it('keeps the session when the server was not reached', async () => {
    const session = { access: token('a', 10), refresh: 'r1' };
    const { refresher, stored } = setup(session, async () => ({ ok: false, invalid: false }));
    expect(await refresher.accessToken()).toBe(session.access);
    expect(stored()).toEqual(session);
  });

  it('force() refreshes a token the server rejected, but not one another tab already replaced', async () => {
    const rejected = token('a', 600);
    const next = { access: token('b', 900), refresh: 'r2' };
    const { refresher, calls } = setup({ access: rejected, refresh: 'r1' }, async () => ({
      ok: true,
      session: next,
    }));
    expect(await refresher.force(rejected)).toBe(next.access);
    // A second replay carrying the old token finds the new pair already stored.
    expect(await refresher.force(rejected)).toBe(next.access);
    expect(calls).toEqual(['r1']);
  });
});
