import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  publicStandalone: [
    { path: 'login', lazy: () => import('./LoginPage').then((m) => ({ Component: m.LoginPage })) },
  ],
  public: [
    { path: 'register', lazy: () => import('./RegisterPage').then((m) => ({ Component: m.RegisterPage })) },
    {
      path: 'forgot-password',
      lazy: () => import('./ForgotPasswordPage').then((m) => ({ Component: m.ForgotPasswordPage })),
    },
    {
      path: 'reset-password',
      lazy: () => import('./ResetPasswordPage').then((m) => ({ Component: m.ResetPasswordPage })),
    },
    {
      path: 'verify-email',
      lazy: () => import('./VerifyEmailPage').then((m) => ({ Component: m.VerifyEmailPage })),
    },
  ],
};
