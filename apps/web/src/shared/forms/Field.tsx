import { type InputHTMLAttributes, type ReactNode, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { FormField } from './FormField';
import { fieldMessages } from './field-messages';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

/** A labelled text input (the usual case of FormField), with an optional control beside it (`after`). */
export function Field({
  label,
  error,
  hint,
  after,
  ...input
}: InputProps & { label: string; error?: string | null | undefined; hint?: ReactNode; after?: ReactNode }) {
  return (
    <FormField label={label} error={error} hint={hint} className="field">
      {(aria) => (
        <div className="field-control">
          <input {...aria} {...input} />
          {after}
        </div>
      )}
    </FormField>
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
