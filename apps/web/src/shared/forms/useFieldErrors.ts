import { type ChangeEvent, useCallback, useState } from 'react';

type Editable = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * The errors of a form's fields, and the change handler every field shares: it takes the new value and drops that
 * field's error (an error stays until the person edits the field it is about).
 *
 *   const { errors, setErrors, change } = useFieldErrors<'email' | 'password'>();
 *   <Field error={errors.email} onChange={change('email', setEmail)} />
 */
export function useFieldErrors<K extends string>() {
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});
  const clear = useCallback(
    (name: K) => setErrors((e) => (e[name] === undefined ? e : { ...e, [name]: undefined })),
    [],
  );
  const change = useCallback(
    (name: K, set: (value: string) => void, then?: () => void) => (event: ChangeEvent<Editable>) => {
      set(event.target.value);
      clear(name);
      then?.();
    },
    [clear],
  );
  return { errors, setErrors, clear, change };
}
