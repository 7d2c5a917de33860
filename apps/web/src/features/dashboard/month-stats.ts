import type { AppRouter } from '@stockscan/api';
import type { inferRouterOutputs } from '@trpc/server';

/** The month's figures as the server computes them (inventory.stats). */
export type Stats = inferRouterOutputs<AppRouter>['inventory']['stats'];
