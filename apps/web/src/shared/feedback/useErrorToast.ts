import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLocation } from 'react-router';
import { useLocale } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { describeError } from './describe-error';
import { showToast } from './toast-store';

/**
 * `const showError = useErrorToast(); useMutation({ ...opts, onError: (e) => showError(e) })`.
 * Pass `{ retry }` to offer "try again" on network and server errors.
 */
export function useErrorToast() {
  const { locale } = useLocale();
  const { pathname, search } = useLocation();
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  return useCallback(
    (error: unknown, options: { retry?: () => void } = {}) => {
      const described = describeError(error, locale, {
        here: pathname + search,
        canRetry: Boolean(options.retry),
      });
      // A refusal means what we showed about the plan is stale: banners and guarded buttons catch up.
      if (described.planRelated) {
        void queryClient.invalidateQueries({ queryKey: trpc.entitlements.get.queryKey() });
      }
      showToast({
        kind: 'error',
        message: described.message,
        action: described.action,
        onRetry: options.retry,
      });
    },
    [locale, pathname, search, queryClient, trpc],
  );
}
