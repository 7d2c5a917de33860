import { type ComponentType, lazy, Suspense } from 'react';
import { BrowserRouter, matchRoutes, type RouteObject, useLocation, useRoutes } from 'react-router';
import { PublicLayout } from '../components/PublicLayout';
import { NotFound } from '../pages/NotFound';
import type { FeatureRoutes, PageRoute } from '../shared/feature-routes';
import { loadOnce } from '../shared/load-once';

const features: FeatureRoutes[] = Object.values(
  import.meta.glob<{ routes: FeatureRoutes }>('../features/*/routes.tsx', { eager: true }),
).map((m) => m.routes);

/** What a route loads before it can render: started for every route of a URL at once (see Pages). */
interface Preload {
  preload: () => Promise<unknown>;
}

/** A component in its own chunk, and the function that starts loading it (one request however often called). */
function lazyComponent(load: () => Promise<{ Component: ComponentType }>) {
  // A failed load (offline) is not kept: the next navigation tries again.
  const preload = loadOnce(load);
  const Component = lazy(() => preload().then((m) => ({ default: m.Component })));
  return { Component, handle: { preload } satisfies Preload };
}

/**
 * The tRPC client, react-query and the signed-in shell load with the first page that needs them: the landing
 * does not (#21: what the landing does not render is not in its JS).
 */
const withApi = lazyComponent(() => import('./api-providers').then((m) => ({ Component: m.WithApi })));
const appShell = lazyComponent(() => import('./AppShell').then((m) => ({ Component: m.AppShell })));

/** A page as its own chunk; while it loads, the page being left stays on screen (navigations are transitions). */
function page(route: PageRoute): RouteObject {
  const { Component, handle } = lazyComponent(route.lazy);
  return route.index
    ? { index: true, element: <Component />, handle }
    : { path: route.path, element: <Component />, handle };
}

const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      page({ index: true, lazy: () => import('../pages/Landing').then((m) => ({ Component: m.Landing })) }),
      ...features.flatMap((f) => f.publicStandalone ?? []).map(page),
      {
        element: <withApi.Component />,
        handle: withApi.handle,
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
    element: <appShell.Component />,
    handle: appShell.handle,
    children: [...features.flatMap((f) => f.app ?? []).map(page), { path: '*', element: <NotFound /> }],
  },
];

function Pages() {
  const location = useLocation();
  // A layout renders its page only once loaded itself: without this, /login would fetch the API providers, then
  // the login page, one round trip after the other.
  for (const match of matchRoutes(routes, location) ?? [])
    void (match.route.handle as Preload | undefined)?.preload();
  return useRoutes(routes, location);
}

/** The pages under a router; before the first page's chunk arrives, nothing is shown. */
export function PageTree() {
  return (
    <Suspense fallback={<div aria-busy="true" />}>
      <Pages />
    </Suspense>
  );
}

/** The whole page tree in the browser (the build renders the same under a StaticRouter: prerender.tsx). */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <PageTree />
    </BrowserRouter>
  );
}
