import type { FeatureRoutes } from '../../app/route-types';

export const routes: FeatureRoutes = {
  app: [{ path: 'team', lazy: () => import('./TeamPage').then((m) => ({ Component: m.TeamPage })) }],
};
