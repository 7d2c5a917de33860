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
  /** Pages without login (under the public layout). */
  public?: PageRoute[];
  /** Pages of the signed-in app, relative to /app (under the app layout). */
  app?: PageRoute[];
}
