import type { ComponentType } from 'react';

/** A page of a feature: its path (or the index of its section) and the module that renders it, loaded on demand. */
export interface PageRoute {
  path?: string;
  index?: boolean;
  /** Each page is its own chunk, fetched when first shown. */
  lazy: () => Promise<{ Component: ComponentType }>;
}

/** Each feature contributes its routes; pages are lazy so every route is its own chunk. */
export interface FeatureRoutes {
  /** Pages without login (under the public layout), inside the API providers (tRPC client, react-query). */
  public?: PageRoute[];
  /**
   * Pages without login that render outside the API providers and load the client only when they call the
   * API: the login page, whose first load a phone waits for (#21: 23 kB of JS gzip less before it works).
   */
  publicStandalone?: PageRoute[];
  /** Pages of the signed-in app, relative to /app (under the app layout). */
  app?: PageRoute[];
}
