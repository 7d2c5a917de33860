import type { FeatureRoutes } from '../../app/route-types';

export const routes: FeatureRoutes = {
  app: [
    {
      path: 'assistant',
      lazy: () => import('./AssistantPage').then((m) => ({ Component: m.AssistantPage })),
    },
  ],
};
