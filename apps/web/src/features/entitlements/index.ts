/**
 * Plan-aware UI every feature reuses.
 *
 *   const { canAdd, can, quotaLeft } = useEntitlements();
 *   <GatedButton verdict={canAdd('max_products')} onClick={add}>Ajouter</GatedButton>   // disabled + reason + upgrade link
 *   const showError = useErrorToast();
 *   useMutation({ ...trpc.x.y.mutationOptions(), onError: (e) => showError(e) });      // toast: sentence + one action
 *   <ErrorMessage error={mutation.error} onRetry={…} />                                 // inline, stays until fixed
 *   const fields = fieldErrors(mutation.error);                                         // { email: '…' }
 *   toast.ok('Inventaire enregistré.');
 *   const refresh = useRefreshEntitlements();                                           // after create/delete/export
 *
 * <Toaster /> and <EntitlementBanners /> are mounted once in AppLayout.
 */

export {
  type DescribedError,
  describeError,
  type ErrorAction,
  fieldErrors,
  isDenial,
} from './describe-error';
export { BannerView, EntitlementBanners } from './EntitlementBanners';
export { ErrorMessage } from './ErrorMessage';
export { type EntitlementChecks, type QuotaLeft, toEntitlements } from './entitlements-model';
export { GatedButton } from './GatedButton';
export { billingPath, loginPath } from './links';
export { Toaster } from './Toaster';
export { dismissToast, showToast, type Toast, type ToastKind, toast } from './toast-store';
export { useEntitlements, useRefreshEntitlements } from './useEntitlements';
export { useErrorToast } from './useErrorToast';
