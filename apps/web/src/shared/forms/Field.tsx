import { type InputHTMLAttributes, type ReactNode, useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { fieldMessages } from './field-messages';
import './fields.css';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

/** A labelled input whose error and hint are read with it (aria-describedby) and stay until fixed. */
export function Field({
  label,
  error,
  hint,
  after,
  ...input
}: InputProps & { label: string; error?: string | null | undefined; hint?: ReactNode; after?: ReactNode }) {
  const id = useId();
  // A hint that says what the error says (the password rule) would be read twice.
  const shownHint = hint === error ? null : hint;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [error ? errorId : null, shownHint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
        {after}
      </div>
      {shownHint ? (
        <p id={hintId} className="field-hint">
          {shownHint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A password field with a "show" switch: typing a password on a phone without seeing it is error-prone. */
export function PasswordField(
  props: InputProps & { label: string; error?: string | null; hint?: ReactNode },
) {
  const t = useT(fieldMessages);
  const [visible, setVisible] = useState(false);
  return (
    <Field
      {...props}
      type={visible ? 'text' : 'password'}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      after={
        <button
          type="button"
          className="field-reveal"
          aria-pressed={visible}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? t('hide_password') : t('show_password')}
        </button>
      }
    />
  );
}
