import type { BillingCycle } from '@stockscan/contracts';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { CycleSwitch } from './CycleSwitch';
import { PricingTable } from './PricingTable';
import { pricingMessages } from './pricing-messages';
import './public.css';

const FAQ = ['trial', 'change', 'service', 'data'] as const;

export function PricingPage() {
  const t = useT(pricingMessages);
  const [cycle, setCycle] = useState<BillingCycle>('MONTHLY');
  return (
    <section className="page pricing">
      <header className="pricing-head">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>
      <CycleSwitch cycle={cycle} onChange={setCycle} name="cycle" />
      <PricingTable cycle={cycle} />
      <p className="muted pricing-tax">{t('tax')}</p>
      <section className="faq" aria-labelledby="faq-title">
        <h2 id="faq-title">{t('faq_title')}</h2>
        {FAQ.map((key) => (
          <details key={key}>
            <summary>{t(`faq_${key}_q`)}</summary>
            <p>{t(`faq_${key}_a`)}</p>
          </details>
        ))}
      </section>
    </section>
  );
}
