import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from '../components/AppLayout';
import { PublicLayout } from '../components/PublicLayout';
import { NotFound } from '../pages/NotFound';
import type { FeatureRoutes } from '../shared/feature-routes';

const features: FeatureRoutes[] = Object.values(
  import.meta.glob<{ routes: FeatureRoutes }>('../features/*/routes.tsx', { eager: true }),
).map((m) => m.routes);

const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    // Lazy pages load after the first paint: render nothing meanwhile (and no router warning).
    hydrateFallbackElement: <div aria-busy="true" />,
    children: [
      { index: true, lazy: () => import('../pages/Landing').then((m) => ({ Component: m.Landing })) },
      { path: 'status', lazy: () => import('../pages/Status').then((m) => ({ Component: m.Status })) },
      ...features.flatMap((f) => f.public ?? []),
      { path: '*', Component: NotFound },
    ],
  },
  {
    path: 'app',
    element: <AppLayout />,
    hydrateFallbackElement: <div aria-busy="true" />,
    children: [...features.flatMap((f) => f.app ?? []), { path: '*', Component: NotFound }],
  },
];

export const router = createBrowserRouter(routes);
