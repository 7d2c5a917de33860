import { FormField } from '../../shared/forms/FormField';

/** How a text field of the product form reads and is typed in. */
export interface TextFieldOptions {
  hint?: string;
  decimal?: boolean;
  list?: string;
  placeholder?: string;
  multiline?: boolean;
}

/** One text field of the product form (a textarea when multiline), its id named after the field. */
export function ProductTextField({
  name,
  label,
  value,
  error,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  options: TextFieldOptions;
  onChange: (value: string) => void;
}) {
  return (
    <FormField id={`product-${name}`} label={label} error={error} hint={options.hint} className="form-field">
      {(aria) =>
        options.multiline ? (
          <textarea
            {...aria}
            value={value}
            rows={3}
            maxLength={2000}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...aria}
            value={value}
            type="text"
            autoComplete="off"
            inputMode={options.decimal ? 'decimal' : undefined}
            list={options.list}
            placeholder={options.placeholder}
            required={name === 'name'}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </FormField>
  );
}
