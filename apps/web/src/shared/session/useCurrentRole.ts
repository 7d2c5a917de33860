import type { Role } from '@stockscan/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** The signed-in person's role in the current establishment (auth.me); null while unknown or without one. */
export function useCurrentRole(enabled = true): {
  role: Role | null;
  userId: string | null;
  /** The one service the membership is limited to; null: every service; undefined while unknown. */
  serviceId: string | null | undefined;
  isPending: boolean;
} {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), enabled });
  return {
    role: me.data?.role ?? null,
    userId: me.data?.user.id ?? null,
    serviceId: me.data ? me.data.service_id : undefined,
    isPending: me.isPending,
  };
}
