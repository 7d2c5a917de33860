import type { FeatureRoutes } from '../../app/route-types';

export const routes: FeatureRoutes = {
  app: [
    { path: 'losses', lazy: () => import('./LossesPage').then((mod) => ({ Component: mod.LossesPage })) },
  ],
};
