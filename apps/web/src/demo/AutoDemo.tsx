import { useEffect, useState } from 'react';
import { format, useLocale } from '../i18n/i18n';
import { CountScreen, DashboardScreen, ExportScreen, openedQty } from './DemoScreens';
import { demoMessages } from './demo-messages';
import { FIXTURES, type Trade } from './fixtures';
import { STEP_MS, STEPS, type Step } from './script';
import './demo.css';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Follows the system setting live; false where matchMedia does not exist (server render, tests). */
function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(
    () => typeof window !== 'undefined' && window.matchMedia?.(REDUCED_MOTION).matches === true,
  );
  useEffect(() => {
    const query = window.matchMedia?.(REDUCED_MOTION);
    if (!query) return;
    const update = () => setReduced(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduced;
}

/**
 * The scripted tour of SPEC §10 (VITE_DEMO_MODE=true builds only): counting, the stock value, an export, on
 * fixture data of the trade. No request, no storage. It loops; with reduced motion it waits for
 * Précédent/Suivant instead of playing.
 */
export function AutoDemo({ trade = 'bar', now = new Date() }: { trade?: Trade; now?: Date }) {
  const { locale } = useLocale();
  const text = demoMessages[locale];
  const reduced = usePrefersReducedMotion();
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const playing = !reduced && !paused;
  const fixture = FIXTURES[trade];
  const step = STEPS[index] as Step;

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => setIndex((i) => (i + 1) % STEPS.length), STEP_MS[index]);
    return () => clearTimeout(timer);
  }, [playing, index]);

  const go = (delta: number) => {
    setPaused(true);
    setIndex((i) => (i + delta + STEPS.length) % STEPS.length);
  };

  const caption = captionOf(step, fixture, locale, text);
  const screen = { fixture, locale, text, now };
  const tabs = [
    ['dashboard', text.tab_dashboard],
    ['count', text.tab_count],
    ['products', text.tab_products],
    ['export', text.tab_exports],
  ] as const;
  return (
    <figure className="demo" data-testid="autodemo" data-trade={trade} aria-label={text.label}>
      <div className="demo-phone" aria-hidden="true">
        <div className="demo-appbar">
          <span className="demo-brand">StockScan</span>
          <span className="demo-services">
            <span className="demo-chip demo-chip-on">{fixture.service[locale]}</span>
            {fixture.otherServices.map((s) => (
              <span key={s.fr} className="demo-chip">
                {s[locale]}
              </span>
            ))}
          </span>
        </div>
        <div className="demo-body" key={step.scene}>
          {step.scene === 'count' ? <CountScreen {...screen} phase={step.phase} /> : null}
          {step.scene === 'dashboard' ? <DashboardScreen {...screen} phase={step.phase} /> : null}
          {step.scene === 'export' ? <ExportScreen {...screen} phase={step.phase} /> : null}
        </div>
        <div className="demo-tabbar">
          {tabs.map(([scene, label]) => (
            <span key={scene} className={scene === step.scene ? 'demo-tab demo-tab-on' : 'demo-tab'}>
              {label}
            </span>
          ))}
        </div>
      </div>
      <figcaption className="demo-caption" aria-live={playing ? 'off' : 'polite'}>
        {caption}
      </figcaption>
      <div className="demo-controls">
        <button type="button" className="button" onClick={() => go(-1)}>
          {text.prev}
        </button>
        {reduced ? null : (
          <button type="button" className="button" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
            {paused ? text.play : text.pause}
          </button>
        )}
        <button type="button" className="button" onClick={() => go(1)}>
          {text.next}
        </button>
        <span className="demo-step">{format(text.step, { n: index + 1, total: STEPS.length })}</span>
      </div>
    </figure>
  );
}

function captionOf(
  step: Step,
  fixture: (typeof FIXTURES)[Trade],
  locale: 'fr' | 'en',
  text: (typeof demoMessages)['fr'],
): string {
  const { opened } = fixture;
  switch (step.phase) {
    case 'list':
      return text.cap_list;
    case 'typing':
      return text.cap_typing;
    case 'typed':
      return text.cap_typed;
    case 'fourth':
      if (opened) return format(text.cap_opened, { word: opened.word[locale] });
      return fixture.searchFor ? text.cap_search : text.cap_scan;
    case 'fourth_done':
      return opened ? format(text.cap_opened_done, { qty: openedQty(opened, locale) }) : text.cap_scan_done;
    case 'value':
      return text.cap_value;
    case 'alerts':
      return text.cap_alerts;
    case 'press':
      return text.cap_export;
    case 'ready':
      return text.cap_ready;
  }
}
