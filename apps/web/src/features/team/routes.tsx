import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [{ path: 'team', lazy: () => import('./TeamPage').then((m) => ({ Component: m.TeamPage })) }],
};
