/** Plan-aware UI every feature reuses: entitlements, banners, toasts and error messages. */

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
