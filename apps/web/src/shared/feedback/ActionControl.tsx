import { Link } from 'react-router';
import type { ErrorAction } from './described-error';

/** The one action of an error: a link (upgrade, what to delete, log in) or "try again". */
export function ActionControl({
  action,
  onRetry,
  onDone,
}: {
  action: ErrorAction;
  onRetry?: (() => void) | undefined;
  onDone?: () => void;
}) {
  if (action.kind === 'link') {
    return (
      <Link className="button button-primary feedback-action" to={action.to} onClick={onDone}>
        {action.label}
      </Link>
    );
  }
  if (!onRetry) return null;
  return (
    <button
      type="button"
      className="button button-primary feedback-action"
      onClick={() => {
        onDone?.();
        onRetry();
      }}
    >
      {action.label}
    </button>
  );
}
