import { useId } from 'react';
import { useT } from '../../i18n/i18n';
import { teamMessages } from './messages';

export interface ServiceOption {
  id: string;
  name: string;
}

/** "Tous les services" (value "") or one service. */
export function ServiceSelect({
  label,
  hint,
  services,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  services: readonly ServiceOption[];
  value: string;
  onChange: (serviceId: string) => void;
}) {
  const t = useT(teamMessages);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('all_services')}</option>
        {services.map((service) => (
          <option key={service.id} value={service.id}>
            {service.name}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
