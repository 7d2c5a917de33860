import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { queryClient, trpcClient } from '../lib/api-clients';
import { TRPCProvider } from '../lib/trpc';

/** tRPC + react-query for what is inside; loaded with the first page that calls the API. */
export function ApiProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** A layout route: its child pages get the API. */
export function WithApi() {
  return (
    <ApiProviders>
      <Outlet />
    </ApiProviders>
  );
}
