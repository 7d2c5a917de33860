import type { FeatureRoutes } from '../../app/route-types';

export const routes: FeatureRoutes = {
  app: [{ path: 'exports', lazy: () => import('./ExportsPage').then((m) => ({ Component: m.ExportsPage })) }],
};
