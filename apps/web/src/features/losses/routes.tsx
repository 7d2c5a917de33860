import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    { path: 'losses', lazy: () => import('./LossesPage').then((mod) => ({ Component: mod.LossesPage })) },
  ],
};
