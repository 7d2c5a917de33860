import type { FeatureRoutes } from '../../app/route-types';

export const routes: FeatureRoutes = {
  app: [
    { path: 'settings', lazy: () => import('./SettingsPage').then((m) => ({ Component: m.SettingsPage })) },
  ],
};
