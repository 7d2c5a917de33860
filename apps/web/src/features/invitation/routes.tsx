import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  public: [
    {
      path: 'invitation/accept',
      lazy: () => import('./AcceptInvitationPage').then((m) => ({ Component: m.AcceptInvitationPage })),
    },
  ],
};
