import type { AppRouter } from '@stockscan/api';
import { TRPC_MAX_BATCH_DEFAULT } from '@stockscan/contracts';
import { onlineManager, QueryClient } from '@tanstack/react-query';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  retryLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { getLocale } from '../i18n/locale';
import { apiBase } from './api-base';
import { createTokenRefresher, getSession, type RefreshOutcome, setSession } from './session';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export { apiBase };

/** Our stable error code (SPEC §5) from any tRPC failure, or NETWORK when the server was not reached. */
export function errorCode(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string } | undefined;
    return data?.code ?? 'NETWORK';
  }
  return 'NETWORK';
}

/** Seconds to wait from a 429's Retry-After header (tRPC keeps the HTTP response in `meta`); null if absent. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const response = (error.meta as { response?: Response } | undefined)?.response;
  const value = Number(response?.headers?.get?.('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

// The refresh call goes through its own client: no bearer header, no retry, no dependency on the token it renews.
let refreshClient: ReturnType<typeof createTRPCClient<AppRouter>> | null = null;
async function exchangeRefreshToken(refresh: string): Promise<RefreshOutcome> {
  refreshClient ??= createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${apiBase}/trpc`, headers: () => ({ 'accept-language': getLocale() }) })],
  });
  try {
    const pair = await refreshClient.auth.refresh.mutate({ refresh });
    return { ok: true, session: { access: pair.access, refresh: pair.refresh } };
  } catch (error) {
    const code = errorCode(error);
    return { ok: false, invalid: code === 'TOKEN_INVALID' || code === 'VALIDATION_ERROR' };
  }
}

function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('stockscan.refresh', task);
  }
  return task();
}

const refresher = createTokenRefresher({
  read: getSession,
  write: setSession,
  exchange: exchangeRefreshToken,
  exclusive: acrossTabs,
});

/** Returns a fresh access token: refreshed (once, shared) when the current one has under a minute left. */
const freshAccessToken = (): Promise<string | null> => refresher.accessToken();

/** Procedures that answer TOKEN_INVALID about their own input (a link token), not about the access token. */
const NO_AUTH_RETRY = new Set([
  'auth.login',
  'auth.register',
  'auth.refresh',
  'auth.logout',
  'auth.requestPasswordReset',
  'auth.confirmPasswordReset',
  'auth.verifyEmail',
  'members.previewInvitation',
  'members.acceptInvitation',
  'members.declineInvitation',
]);

const FILE_UPLOADS = new Set(['purchasing.imports.preview', 'purchasing.imports.commit']);

async function authHeaders() {
  const token = await freshAccessToken();
  return {
    'accept-language': getLocale(),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // A token refused by the server (expired in between, clock skew): refresh once and replay the call once.
      retryLink({
        retry({ op, error, attempts }) {
          const code = errorCode(error);
          if (attempts > 1 || NO_AUTH_RETRY.has(op.path)) return false;
          if (code !== 'TOKEN_INVALID' && code !== 'NOT_AUTHENTICATED') return false;
          const session = getSession();
          if (!session) return false;
          // Started now so the replay's headers() waits for it.
          void refresher.force(session.access);
          return true;
        },
      }),
      // A file upload travels alone: the server takes file-sized bodies only for a call that is nothing else.
      splitLink({
        condition: (op) => FILE_UPLOADS.has(op.path),
        true: httpLink({ url: `${apiBase}/trpc`, headers: authHeaders }),
        false: httpBatchLink({
          url: `${apiBase}/trpc`,
          maxURLLength: 4000,
          // The server refuses larger batches as a whole (TRPC_MAX_BATCH).
          maxItems: TRPC_MAX_BATCH_DEFAULT,
          headers: authHeaders,
        }),
      }),
    ],
  });
}

export function makeQueryClient(): QueryClient {
  // react-query assumes online until an `offline` event: a reload in a cellar starts offline, say so at once
  // (queries then wait for the network instead of failing over the answers kept on the phone).
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine !== false);
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Kept a day, not 5 minutes: the answers stored for offline use are the ones still in the cache.
        gcTime: 24 * 60 * 60 * 1000,
        retry: (failures, error) => errorCode(error) === 'NETWORK' && failures < 3,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
