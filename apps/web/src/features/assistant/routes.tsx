import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    {
      path: 'assistant',
      lazy: () => import('./AssistantPage').then((m) => ({ Component: m.AssistantPage })),
    },
  ],
};
