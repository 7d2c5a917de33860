import type { BillingCycle } from '@stockscan/contracts';
import { useT } from '../../i18n/i18n';
import { pricingMessages } from './pricing-messages';

/** Monthly / yearly radio pair of the pricing table (public pricing page and billing settings). */
export function CycleSwitch({
  cycle,
  onChange,
  name,
}: {
  cycle: BillingCycle;
  onChange: (cycle: BillingCycle) => void;
  name: string;
}) {
  const t = useT(pricingMessages);
  return (
    <fieldset className="cycle-switch">
      <legend className="sr-only">{t('cycle_legend')}</legend>
      {(['MONTHLY', 'YEARLY'] as const).map((value) => (
        <label key={value} className={cycle === value ? 'cycle-option cycle-selected' : 'cycle-option'}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={cycle === value}
            onChange={() => onChange(value)}
          />
          <span>{value === 'MONTHLY' ? t('monthly') : t('yearly')}</span>
          {value === 'YEARLY' ? <span className="cycle-hint">{t('yearly_hint')}</span> : null}
        </label>
      ))}
    </fieldset>
  );
}
