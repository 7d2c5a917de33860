import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/**
 * The server's public configuration (`system.config`: trial, payments, legal identity), fetched once per visit.
 * The demo build makes no API call: there it stays unknown and pages say only what is always true.
 */
export function usePublicConfig() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.system.config.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: !__DEMO_MODE__,
  });
}
