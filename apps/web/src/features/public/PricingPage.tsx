import type { BillingCycle } from '@stockscan/contracts';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { startingPlan } from '../../shared/config/starting-plan';
import { usePublicConfig } from '../../shared/config/usePublicConfig';
import { CycleSwitch } from './CycleSwitch';
import { PricingTable } from './PricingTable';
import { pricingMessages } from './pricing-messages';
import './public.css';

const FAQ = ['trial', 'change', 'service', 'data'] as const;

export function PricingPage() {
  const t = useT(pricingMessages);
  const { locale } = useLocale();
  const [cycle, setCycle] = useState<BillingCycle>('MONTHLY');
  const config = usePublicConfig();
  const start = config.data ? startingPlan(config.data, locale) : null;
  // Without a trial there is no "end of the trial" to ask about.
  const faq = FAQ.filter((key) => key !== 'trial' || start?.trialDays !== null);
  return (
    <section className="page pricing">
      <header className="pricing-head">
        <h1>{t('title')}</h1>
        <p className="lead">
          {start ? t(start.trialDays ? 'lead' : 'lead_free', start.vars) : t('lead_unknown')}
        </p>
      </header>
      <CycleSwitch cycle={cycle} onChange={setCycle} name="cycle" />
      <PricingTable cycle={cycle} />
      <p className="muted pricing-tax">{t('tax')}</p>
      <section className="faq" aria-labelledby="faq-title">
        <h2 id="faq-title">{t('faq_title')}</h2>
        {faq.map((key) => (
          <details key={key}>
            <summary>{t(`faq_${key}_q`)}</summary>
            <p>{t(`faq_${key}_a`)}</p>
          </details>
        ))}
      </section>
    </section>
  );
}
