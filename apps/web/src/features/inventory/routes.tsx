import type { FeatureRoutes } from '../../app/route-types';

export const routes: FeatureRoutes = {
  app: [
    { path: 'inventory', lazy: () => import('./CountPage').then((mod) => ({ Component: mod.CountPage })) },
  ],
};
