import { useT } from '../../i18n/i18n';
import { ActionControl } from './ActionControl';
import type { DescribedError } from './described-error';
import { errorMessages } from './error-messages';
import './feedback.css';

/** A failure already told in words (describeError), inline: the sentence, its one action, and "dismiss". */
export function ErrorNotice({
  described,
  onRetry,
  onDismiss,
}: {
  described: DescribedError;
  onRetry?: (() => void) | undefined;
  onDismiss?: (() => void) | undefined;
}) {
  const t = useT(errorMessages);
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
