import { type FormEvent, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { errorCode } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { Field } from '../../shared/forms/Field';
import { stockMessages } from './stock-control-messages';

/**
 * One name to type (a new location, a new name): a name taken or invalid is said on the field, anything
 * else under it.
 */
export function NameForm({
  label,
  initial = '',
  placeholder,
  submitLabel,
  requiredMessage,
  pending,
  error,
  autoFocus = false,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial?: string;
  placeholder?: string;
  submitLabel: string;
  requiredMessage: string;
  pending: boolean;
  error: unknown;
  autoFocus?: boolean;
  onSubmit: (name: string) => void;
  onCancel?: () => void;
}) {
  const t = useT(stockMessages);
  const [name, setName] = useState(initial);
  const [missing, setMissing] = useState(false);
  const code = error ? errorCode(error) : null;
  const onField = code === 'DUPLICATE_NAME' || code === 'VALIDATION_ERROR';
  const fieldError = missing ? requiredMessage : onField && error instanceof Error ? error.message : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(name.trim());
  }

  return (
    <form className="name-form" onSubmit={submit} noValidate>
      <Field
        label={label}
        value={name}
        maxLength={100}
        placeholder={placeholder}
        error={fieldError}
        autoFocus={autoFocus}
        onChange={(event) => {
          setName(event.target.value);
          setMissing(false);
        }}
      />
      <ErrorMessage error={error && !onField ? error : null} />
      <div className="inline-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
