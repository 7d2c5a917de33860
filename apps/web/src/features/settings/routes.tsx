import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    { path: 'settings', lazy: () => import('./SettingsPage').then((m) => ({ Component: m.SettingsPage })) },
  ],
};
