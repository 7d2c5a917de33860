import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n';
import { landing } from './landing-messages';

// Build-time flag: without VITE_DEMO_MODE=true this branch is dead code and the demo is not bundled.
const AutoDemo = __DEMO_MODE__
  ? lazy(() => import('../demo/AutoDemo').then((m) => ({ default: m.AutoDemo })))
  : null;

const TRADES = [
  ['bar', 'bar_text', '🍸'],
  ['restaurant', 'restaurant_text', '🍳'],
  ['grocery', 'grocery_text', '🛒'],
  ['retail', 'retail_text', '👕'],
  ['bakery', 'bakery_text', '🥖'],
  ['pharmacy', 'pharmacy_text', '💊'],
] as const;

export function Landing() {
  const t = useT(landing);
  return (
    <>
      <section className="hero">
        <div className="hero-text">
          <h1>{t('title')}</h1>
          <p className="lead">{t('lead')}</p>
          <p className="hero-actions">
            <Link className="button button-primary button-large" to="/register">
              {t('cta')}
            </Link>
            <Link className="button button-ghost button-large" to="/pricing">
              {t('cta_secondary')}
            </Link>
          </p>
          <p className="muted">{t('trial')}</p>
        </div>
        {AutoDemo ? (
          <Suspense fallback={null}>
            <AutoDemo />
          </Suspense>
        ) : null}
      </section>
      <section className="section">
        <h2>{t('trades')}</h2>
        <ul className="cards">
          {TRADES.map(([title, text, icon]) => (
            <li key={title} className="card">
              <span className="card-icon" aria-hidden="true">
                {icon}
              </span>
              <h3>{t(title)}</h3>
              <p>{t(text)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="section">
        <h2>{t('how')}</h2>
        <ol className="steps">
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
        </ol>
      </section>
    </>
  );
}
