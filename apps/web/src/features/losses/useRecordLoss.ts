import type { AppRouter } from '@stockscan/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { toast } from '../../shared/feedback/toast-store';
import { formatQty } from '../inventory/scope/format';
import { unitMessages } from '../inventory/scope/units';
import { m } from './messages';

export type Loss = inferRouterOutputs<AppRouter>['inventory']['losses']['create'];

/** Records a loss: says what was recorded, and the losses list and the month's figures refresh. */
export function useRecordLoss(onRecorded: (loss: Loss) => void) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.inventory.losses.create.mutationOptions({
      onSuccess: (loss) => {
        toast.ok(
          t('saved', { qty: formatQty(locale, loss.quantity), unit: u(loss.unit), name: loss.product_name }),
        );
        void queryClient.invalidateQueries(trpc.inventory.losses.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.stats.pathFilter());
        onRecorded(loss);
      },
    }),
  );
}
