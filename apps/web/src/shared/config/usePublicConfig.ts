import type { PublicConfig } from '@stockscan/contracts';
import { useEffect, useSyncExternalStore } from 'react';
import { apiBase } from '../../lib/api-base';

/**
 * The server's public configuration (`system.config`: trial, payments, legal identity), fetched once per visit.
 * A plain GET of the tRPC procedure, not the tRPC client: the landing shows it and must not load the client
 * (#21, landing JS budget). The demo build makes no API call: there it stays unknown and pages say only what is
 * always true.
 */
export interface PublicConfigState {
  data: PublicConfig | undefined;
  error: Error | null;
  isFetching: boolean;
}

const RETRIES = 3;

let state: PublicConfigState = { data: undefined, error: null, isFetching: false };
const listeners = new Set<() => void>();

function update(next: PublicConfigState): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchConfig(): Promise<PublicConfig> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${apiBase}/trpc/system.config`, { headers: { accept: 'application/json' } });
    } catch (error) {
      // Unreachable server: retried like the tRPC client's queries (NETWORK, 3 times, 1 s, 2 s, 4 s).
      if (attempt >= RETRIES) throw error;
      await pause(1000 * 2 ** attempt);
      continue;
    }
    const body = (await response.json().catch(() => null)) as { result?: { data?: PublicConfig } } | null;
    if (!response.ok || !body?.result?.data) throw new Error(`system.config answered ${response.status}`);
    return body.result.data;
  }
}

/** Starts the request unless it is running or has answered; a failed one starts again. */
export function loadPublicConfig(): void {
  if (__DEMO_MODE__ || state.isFetching || state.data) return;
  update({ ...state, isFetching: true });
  fetchConfig().then(
    (data) => update({ data, error: null, isFetching: false }),
    (error: unknown) =>
      update({
        data: undefined,
        error: error instanceof Error ? error : new Error(String(error)),
        isFetching: false,
      }),
  );
}

/** The state right now (what the hook renders from). */
export function currentPublicConfig(): PublicConfigState {
  return state;
}

export function usePublicConfig(): PublicConfigState & { refetch: () => void } {
  const current = useSyncExternalStore(subscribe, currentPublicConfig, currentPublicConfig);
  useEffect(loadPublicConfig, []);
  // Like a query that fetches on mount: fetching from the first render, not after the effect.
  const starting = !__DEMO_MODE__ && !current.data && !current.error;
  return { ...current, isFetching: current.isFetching || starting, refetch: loadPublicConfig };
}

/** Tests only: forget the answer. */
export function resetPublicConfig(): void {
  update({ data: undefined, error: null, isFetching: false });
}
