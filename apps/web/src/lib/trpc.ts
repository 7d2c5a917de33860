import type { AppRouter } from '@stockscan/api';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { getLocale } from '../i18n/locale';
import { getSession } from './session';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export const apiBase = (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/$/, '');

/** Replaced by the auth feature: returns a fresh access token before the current one expires. */
let freshAccessToken: () => Promise<string | null> = async () => getSession()?.access ?? null;
export function setAccessTokenProvider(provider: () => Promise<string | null>): void {
  freshAccessToken = provider;
}

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${apiBase}/trpc`,
        maxURLLength: 4000,
        async headers() {
          const token = await freshAccessToken();
          return {
            'accept-language': getLocale(),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          };
        },
      }),
    ],
  });
}

/** Our stable error code (SPEC §5) from any tRPC failure, or NETWORK when the server was not reached. */
export function errorCode(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string } | undefined;
    return data?.code ?? 'NETWORK';
  }
  return 'NETWORK';
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => errorCode(error) === 'NETWORK' && failures < 3,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
