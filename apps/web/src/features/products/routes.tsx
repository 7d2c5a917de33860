import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    {
      path: 'products',
      lazy: () => import('./ProductsPage').then((mod) => ({ Component: mod.ProductsPage })),
    },
    {
      path: 'products/new',
      lazy: () => import('./ProductEditPage').then((mod) => ({ Component: mod.ProductCreatePage })),
    },
    {
      path: 'products/:id',
      lazy: () => import('./ProductEditPage').then((mod) => ({ Component: mod.ProductEditPage })),
    },
  ],
};
