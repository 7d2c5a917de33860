import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [{ path: 'exports', lazy: () => import('./ExportsPage').then((m) => ({ Component: m.ExportsPage })) }],
};
