import type { AppRouter } from '@stockscan/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useLocalized, useT } from '../../../i18n/i18n';
import { useTRPC } from '../../../lib/trpc';
import { toast } from '../../../shared/feedback/toast-store';
import { useRefreshEntitlements } from '../../entitlements/useEntitlements';
import { m } from '../messages';
import type { Service } from '../scope/service-features';

export type Product = inferRouterOutputs<AppRouter>['inventory']['products']['create']['product'];

/** Creates the product from the count screen: every list that shows products refreshes, warnings are toasted. */
export function useQuickAddProduct(service: Service, onCreated: (product: Product) => void) {
  const t = useT(m);
  const localized = useLocalized();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshEntitlements = useRefreshEntitlements();
  return useMutation(
    trpc.inventory.products.create.mutationOptions({
      onSuccess: ({ product, warnings }) => {
        void refreshEntitlements();
        void queryClient.invalidateQueries(trpc.inventory.counts.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.categories.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.products.pathFilter());
        toast.ok(t('quick_added', { name: product.name, service: service.name }));
        for (const w of warnings) toast.warn(localized(w.message));
        onCreated(product);
      },
    }),
  );
}
