import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isTrade, type Trade } from '../demo/fixtures';
import { useLocale, useT } from '../i18n/i18n';
import { startingPlan } from '../shared/config/starting-plan';
import { usePublicConfig } from '../shared/config/usePublicConfig';
import { BusinessIcon } from '../shared/ui/BusinessIcon';
import { landing } from './landing-messages';
import { TradePreview } from './TradePreview';
import './landing.css';

// Build-time flag: without VITE_DEMO_MODE=true this branch is dead code and the demo is not bundled.
const AutoDemo = __DEMO_MODE__
  ? lazy(() => import('../demo/AutoDemo').then((m) => ({ default: m.AutoDemo })))
  : null;

type ModuleKey =
  | 'mod_fractions'
  | 'mod_dlc'
  | 'mod_expiry'
  | 'mod_lots'
  | 'mod_units'
  | 'mod_vat'
  | 'mod_barcode'
  | 'mod_sku'
  | 'mod_weight'
  | 'mod_preps'
  | 'mod_variants'
  | 'mod_suppliers'
  | 'mod_services';

/** The six families and the campsite, with the modules their preset switches on (SPEC §6). */
const FAMILIES: readonly { trade: Trade; modules: ModuleKey[] }[] = [
  { trade: 'bar', modules: ['mod_fractions', 'mod_units', 'mod_lots', 'mod_dlc', 'mod_vat'] },
  { trade: 'restaurant', modules: ['mod_weight', 'mod_preps', 'mod_fractions', 'mod_dlc', 'mod_lots'] },
  { trade: 'grocery', modules: ['mod_barcode', 'mod_dlc', 'mod_units', 'mod_weight', 'mod_vat'] },
  { trade: 'retail', modules: ['mod_sku', 'mod_variants', 'mod_vat'] },
  { trade: 'bakery', modules: ['mod_weight', 'mod_preps', 'mod_fractions', 'mod_dlc', 'mod_lots'] },
  { trade: 'pharmacy', modules: ['mod_lots', 'mod_expiry', 'mod_suppliers', 'mod_sku', 'mod_vat'] },
  { trade: 'camping_multi', modules: ['mod_services', 'mod_barcode', 'mod_fractions', 'mod_dlc'] },
];

export function Landing() {
  const t = useT(landing);
  const [params] = useSearchParams();
  const metier = params.get('metier');
  const chosen = isTrade(metier) ? metier : null;
  const trade = chosen ?? 'bar';
  const register = chosen ? `/register?business_type=${chosen}` : '/register';
  return (
    <>
      <section className="hero">
        <div className="hero-text">
          <h1>{t('title')}</h1>
          <p className="lead">{chosen ? t(`lead_${chosen}`) : t('lead')}</p>
          <p className="hero-actions">
            <Link className="button button-primary button-large" to={register}>
              {chosen ? t('cta_trade') : t('cta')}
            </Link>
            <Link className="button button-ghost button-large" to="/pricing">
              {t('cta_secondary')}
            </Link>
          </p>
          <StartSentence />
        </div>
        {AutoDemo ? (
          <Suspense fallback={<TradePreview trade={trade} />}>
            <AutoDemo key={trade} trade={trade} />
          </Suspense>
        ) : (
          <TradePreview trade={trade} />
        )}
      </section>
      <section className="section" aria-labelledby="trades-title">
        <h2 id="trades-title">{t('trades')}</h2>
        <p className="muted">{t('trades_lead')}</p>
        <ul className="cards trades">
          {FAMILIES.map(({ trade: family, modules }) => (
            <li key={family} className={family === chosen ? 'card trade trade-current' : 'card trade'}>
              <h3>
                <BusinessIcon type={family} size={28} className="trade-icon" />
                {t(family)}
              </h3>
              <p>{t(`${family}_text`)}</p>
              <ul className="chips" aria-label={t('modules')}>
                {modules.map((m) => (
                  <li key={m} className="chip">
                    {t(m)}
                  </li>
                ))}
              </ul>
              {family === chosen ? (
                <p className="trade-link trade-link-current">{t('current_trade')}</p>
              ) : (
                <Link
                  className="trade-link"
                  to={`/?metier=${family}`}
                  aria-label={`${t('see_trade')} : ${t(family)}`}
                  onClick={() => window.scrollTo({ top: 0 })}
                >
                  {t('see_trade')} →
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="how-title">
        <h2 id="how-title">{t('how')}</h2>
        <ol className="steps">
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
        </ol>
      </section>
      <section className="section end-cta">
        <h2>{t('end_title')}</h2>
        <p>{t('end_text')}</p>
        <p className="hero-actions">
          <Link className="button button-primary button-large" to={register}>
            {t('end_cta')}
          </Link>
          <Link className="button button-ghost button-large" to="/pricing">
            {t('cta_secondary')}
          </Link>
        </p>
      </section>
    </>
  );
}

/** What sign-up grants, as the server is configured (trial plan and length, or the free plan). */
function StartSentence() {
  const t = useT(landing);
  const { locale } = useLocale();
  const config = usePublicConfig();
  if (!config.data)
    // While it loads the line keeps its place; without an answer, only what is always true.
    return <p className="muted">{config.isFetching ? '\u00a0' : t('start_unknown')}</p>;
  const start = startingPlan(config.data, locale);
  return <p className="muted">{t(start.trialDays ? 'trial' : 'free_start', start.vars)}</p>;
}
