import type { AppRouter } from '@stockscan/api';
import type { inferRouterOutputs } from '@trpc/server';

/** A service as `services.list` returns it; its feature gates and units live in @stockscan/entitlements. */
export type Service = inferRouterOutputs<AppRouter>['services']['list'][number];
