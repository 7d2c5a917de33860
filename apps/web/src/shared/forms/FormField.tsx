import { type ReactNode, useId } from 'react';
import './fields.css';

/** What the control needs so its error and hint are read with it (spread on the input, select or textarea). */
export interface ControlAria {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The one labelled form field: label, control, hint, error — tied together by ids, the error shown until fixed.
 *
 *   <FormField label={t('email')} error={errors.email} hint={t('email_hint')}>
 *     {(aria) => <input {...aria} value={email} onChange={change('email', setEmail)} />}
 *   </FormField>
 *
 * `className` wraps everything in a div (`field` adds `field-invalid` while in error); without it the parts sit in
 * the form's own layout. `hintClassName` styles the hint line (a counter, a muted note).
 */
export function FormField({
  label,
  error,
  hint,
  className,
  hintClassName = 'field-hint',
  id: givenId,
  children,
}: {
  label: ReactNode;
  error?: string | null | false | undefined;
  hint?: ReactNode;
  className?: string;
  hintClassName?: string;
  id?: string;
  children: (aria: ControlAria) => ReactNode;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  // A hint that says what the error says (the password rule) would be read twice.
  const shownHint = hint === error ? null : hint;
  const describedBy = [error ? errorId : null, shownHint ? hintId : null].filter(Boolean).join(' ');
  const parts = (
    <>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {shownHint ? (
        <p id={hintId} className={hintClassName}>
          {shownHint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
  if (className === undefined) return parts;
  return <div className={error && className === 'field' ? 'field field-invalid' : className}>{parts}</div>;
}
