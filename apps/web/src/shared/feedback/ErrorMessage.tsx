import { useLocation } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { ActionControl } from './ActionControl';
import { describeError } from './describe-error';
import { errorMessages } from './error-messages';
import './feedback.css';

/**
 * An inline error for a form or a panel: the sentence and its one action. It stays while `error` is set,
 * so it disappears when the user fixes the problem (new attempt) or dismisses it.
 */
export function ErrorMessage({
  error,
  onRetry,
  onDismiss,
}: {
  error: unknown;
  onRetry?: () => void;
  onDismiss?: () => void;
}) {
  const { locale } = useLocale();
  const t = useT(errorMessages);
  const { pathname, search } = useLocation();
  if (error === null || error === undefined) return null;
  const described = describeError(error, locale, { here: pathname + search, canRetry: Boolean(onRetry) });
  return (
    <div className="alert alert-error error-message" role="alert" data-code={described.code}>
      <p>{described.message}</p>
      {described.action || onDismiss ? (
        <div className="error-message-actions">
          {described.action ? <ActionControl action={described.action} onRetry={onRetry} /> : null}
          {onDismiss ? (
            <button type="button" className="button" onClick={onDismiss}>
              {t('dismiss')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
