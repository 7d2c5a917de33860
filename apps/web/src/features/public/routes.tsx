import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  public: [
    { path: 'pricing', lazy: () => import('./PricingPage').then((m) => ({ Component: m.PricingPage })) },
    { path: 'legal', lazy: () => import('./LegalPage').then((m) => ({ Component: m.LegalPage })) },
  ],
};
