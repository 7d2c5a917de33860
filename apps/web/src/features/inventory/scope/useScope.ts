import type { Month } from '@stockscan/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../../lib/trpc';
import { currentLocalMonth, isMonth } from './format';
import type { Service } from './service-features';

const LAST_SERVICE_KEY = 'stockscan.last-service';

function rememberedService(): string | null {
  try {
    return localStorage.getItem(LAST_SERVICE_KEY);
  } catch {
    return null;
  }
}

function rememberService(id: string): void {
  try {
    localStorage.setItem(LAST_SERVICE_KEY, id);
  } catch {
    // Private mode: the URL still carries the choice.
  }
}

export interface Scope {
  services: Service[];
  servicesQuery: ReturnType<typeof useServicesQuery>;
  /** The service on screen: the URL's, else the last one picked, else the first in the member's scope. */
  service: Service | undefined;
  month: Month;
  setServiceId: (id: string) => void;
  setMonth: (month: Month) => void;
}

function useServicesQuery() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.services.list.queryOptions(), staleTime: 5 * 60_000 });
}

/** Service + month of a screen, kept in the URL (?service=&month=) so a link or a reload shows the same. */
export function useScope(): Scope {
  const servicesQuery = useServicesQuery();
  const [params, setParams] = useSearchParams();
  const services = servicesQuery.data ?? [];
  const wanted = params.get('service') ?? rememberedService();
  const service = services.find((s) => s.id === wanted) ?? services[0];
  const monthParam = params.get('month');
  const month = isMonth(monthParam) ? monthParam : currentLocalMonth();

  const setServiceId = useCallback(
    (id: string) => {
      rememberService(id);
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('service', id);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const setMonth = useCallback(
    (value: Month) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('month', value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return useMemo(
    () => ({ services, servicesQuery, service, month, setServiceId, setMonth }),
    [services, servicesQuery, service, month, setServiceId, setMonth],
  );
}
