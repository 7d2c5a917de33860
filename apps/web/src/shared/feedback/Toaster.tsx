import { useSyncExternalStore } from 'react';
import { useT } from '../../i18n/i18n';
import { ActionControl } from './ActionControl';
import { errorMessages } from './error-messages';
import { dismissToast, getToasts, subscribeToasts } from './toast-store';
import './feedback.css';

/** Mounted once in the app shell. Polite live region: screen readers hear each toast without losing focus. */
export function Toaster() {
  const t = useT(errorMessages);
  const toasts = useSyncExternalStore(subscribeToasts, getToasts, getToasts);
  return (
    <section className="toaster" aria-live="polite" aria-label={t('notifications')}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} data-testid="toast">
          <p className="toast-message">{toast.message}</p>
          <div className="toast-actions">
            {toast.action ? (
              <ActionControl
                action={toast.action}
                onRetry={toast.onRetry}
                onDone={() => dismissToast(toast.id)}
              />
            ) : null}
            <button
              type="button"
              className="toast-close"
              aria-label={t('dismiss_label')}
              onClick={() => dismissToast(toast.id)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
