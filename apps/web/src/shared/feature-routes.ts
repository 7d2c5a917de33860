import type { RouteObject } from 'react-router';

/** Each feature contributes its routes; pages are lazy so every route is its own chunk. */
export interface FeatureRoutes {
  /** Pages without login (under the public layout). */
  public?: RouteObject[];
  /** Pages of the signed-in app, relative to /app (under the app layout). */
  app?: RouteObject[];
}
