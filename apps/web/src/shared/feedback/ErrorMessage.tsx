import { useLocation } from 'react-router';
import { useLocale } from '../../i18n/i18n';
import { describeError } from './describe-error';
import { ErrorNotice } from './ErrorNotice';

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
  const { pathname, search } = useLocation();
  if (error === null || error === undefined) return null;
  const described = describeError(error, locale, { here: pathname + search, canRetry: Boolean(onRetry) });
  return <ErrorNotice described={described} onRetry={onRetry} onDismiss={onDismiss} />;
}
