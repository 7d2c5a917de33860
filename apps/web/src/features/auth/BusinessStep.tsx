import type { BusinessType } from '@stockscan/contracts';
import { useT } from '../../i18n/i18n';
import { BusinessIcon } from '../../shared/ui/BusinessIcon';
import { BUSINESS_TYPES } from './onboarding';
import { registerMessages } from './register-messages';

/** Step 1: one tap on the trade closest to yours. */
export function BusinessStep({
  value,
  onChange,
  error,
}: {
  value: BusinessType | null;
  onChange: (business: BusinessType) => void;
  error: boolean;
}) {
  const t = useT(registerMessages);
  return (
    <fieldset className="business-choices" aria-describedby={error ? 'business-error' : undefined}>
      <legend className="sr-only">{t('business_title')}</legend>
      {BUSINESS_TYPES.map((type) => (
        <label key={type} className={value === type ? 'business-choice selected' : 'business-choice'}>
          <input
            type="radio"
            name="business_type"
            value={type}
            checked={value === type}
            onChange={() => onChange(type)}
          />
          <BusinessIcon type={type} />
          <span className="business-text">
            <span className="business-name">{t(`business_${type}`)}</span>
            <span className="business-hint">{t(`business_${type}_hint`)}</span>
          </span>
        </label>
      ))}
      {error ? (
        <p id="business-error" className="field-error">
          {t('business_required')}
        </p>
      ) : null}
    </fieldset>
  );
}
