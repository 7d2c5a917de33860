import { lazy, Suspense } from 'react';
import { BrowserRouter, type RouteObject, useRoutes } from 'react-router';
import { PublicLayout } from '../components/PublicLayout';
import { NotFound } from '../pages/NotFound';
import type { FeatureRoutes, PageRoute } from '../shared/feature-routes';

const features: FeatureRoutes[] = Object.values(
  import.meta.glob<{ routes: FeatureRoutes }>('../features/*/routes.tsx', { eager: true }),
).map((m) => m.routes);

/**
 * The tRPC client, react-query and the signed-in shell load with the first page that needs them: the landing
 * does not (#21: what the landing does not render is not in its JS).
 */
const WithApi = lazy(() => import('./api-providers').then((m) => ({ default: m.WithApi })));
const AppShell = lazy(() => import('./AppShell').then((m) => ({ default: m.AppShell })));

/** A page as its own chunk; while it loads, the page being left stays on screen (navigations are transitions). */
function page(route: PageRoute): RouteObject {
  const Page = lazy(() => route.lazy().then((m) => ({ default: m.Component })));
  return route.index ? { index: true, element: <Page /> } : { path: route.path, element: <Page /> };
}

const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      page({ index: true, lazy: () => import('../pages/Landing').then((m) => ({ Component: m.Landing })) }),
      {
        element: <WithApi />,
        children: [
          page({
            path: 'status',
            lazy: () => import('../pages/Status').then((m) => ({ Component: m.Status })),
          }),
          ...features.flatMap((f) => f.public ?? []).map(page),
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
  {
    path: 'app',
    element: <AppShell />,
    children: [...features.flatMap((f) => f.app ?? []).map(page), { path: '*', element: <NotFound /> }],
  },
];

function Pages() {
  return useRoutes(routes);
}

/** The whole page tree; before the first page's chunk arrives, nothing is shown. */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <Suspense fallback={<div aria-busy="true" />}>
        <Pages />
      </Suspense>
    </BrowserRouter>
  );
}
