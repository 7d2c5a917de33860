import type { FeatureRoutes } from '../../app/route-types';

export const routes: FeatureRoutes = {
  public: [
    {
      path: 'invitation/accept',
      lazy: () => import('./AcceptInvitationPage').then((m) => ({ Component: m.AcceptInvitationPage })),
    },
  ],
};
