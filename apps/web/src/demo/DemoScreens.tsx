import type { Locale } from '@stockscan/contracts';
import type { ReactNode } from 'react';
import { format } from '../i18n/i18n';
import type { demoMessages } from './demo-messages';
import type { TradeFixture } from './fixtures';
import type { Step } from './script';

type Text = (typeof demoMessages)['fr'];

export interface ScreenProps {
  fixture: TradeFixture;
  locale: Locale;
  text: Text;
  now: Date;
}

const FRACTIONS = { 0.25: '¼', 0.5: '½', 0.75: '¾' } as const;

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

function formatQty(n: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 3 }).format(n);
}

function formatEuros(n: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(n);
}

/** "1 + ½" for one sealed bottle and half of the opened one. */
export function openedQty(opened: NonNullable<TradeFixture['opened']>, locale: Locale): string {
  const fraction = FRACTIONS[opened.fraction];
  return opened.sealed > 0 ? `${formatQty(opened.sealed, locale)} + ${fraction}` : fraction;
}

type Status = 'none' | 'pending' | 'saved';

function Row({
  name,
  detail,
  qty,
  status,
  active,
  text,
  children,
}: {
  name: string;
  detail: string;
  qty: string;
  status: Status;
  active: boolean;
  text: Text;
  children?: ReactNode;
}) {
  return (
    <li className={active ? 'demo-row demo-row-active' : 'demo-row'}>
      <div className="demo-row-main">
        <span className="demo-row-name">{name}</span>
        <span className="demo-row-detail">{detail}</span>
        {status === 'saved' ? <span className="demo-status demo-status-saved">✓ {text.saved}</span> : null}
        {status === 'pending' ? (
          <span className="demo-status demo-status-pending">● {text.pending}</span>
        ) : null}
      </div>
      <span className={qty ? 'demo-qty' : 'demo-qty demo-qty-empty'}>{qty || '—'}</span>
      {children}
    </li>
  );
}

export function CountScreen({ fixture, locale, text, now, phase }: ScreenProps & { phase: Step['phase'] }) {
  const [first, second, third, fourth] = fixture.products;
  const order = ['list', 'typing', 'typed', 'fourth', 'fourth_done'];
  const at = order.indexOf(phase);
  const typedFull = formatQty(first.count, locale);
  const firstQty = at === 1 ? typedFull.slice(0, 1) : at >= 2 ? typedFull : '';
  const base = Math.round(fixture.catalogue * 0.45);
  const done = base + (at >= 2 ? 1 : 0) + (at >= 4 ? 1 : 0);
  const month = new Intl.DateTimeFormat(tag(locale), { month: 'long' }).format(now);
  const { opened } = fixture;
  const searching = !opened && at === 3 && fixture.searchFor !== undefined;
  const scanning = !opened && at === 3 && fixture.searchFor === undefined;
  const fourthQty = at >= 4 ? (opened ? openedQty(opened, locale) : formatQty(fourth.count, locale)) : '';
  return (
    <div className="demo-screen">
      <p className="demo-title">{format(text.count_title, { month })}</p>
      <div className="demo-progress">
        <span>{format(text.progress, { done, total: fixture.catalogue })}</span>
        <span className="demo-bar">
          <span style={{ width: `${(done / fixture.catalogue) * 100}%` }} />
        </span>
      </div>
      <div className="demo-tools">
        {searching ? (
          <span className="demo-search demo-search-on">{fixture.searchFor}</span>
        ) : (
          <span className="demo-search">{text.search}</span>
        )}
        <span
          className={scanning ? 'demo-btn demo-btn-scan demo-btn-on demo-pulse' : 'demo-btn demo-btn-scan'}
        >
          ▮▯▮ {text.scan}
        </span>
      </div>
      <ul className="demo-rows">
        <Row
          name={first.name}
          detail={first.detail[locale]}
          qty={firstQty}
          status={at === 1 ? 'pending' : at >= 2 ? 'saved' : 'none'}
          active={at === 1 || at === 2}
          text={text}
        />
        <Row
          name={second.name}
          detail={second.detail[locale]}
          qty={formatQty(second.count, locale)}
          status="saved"
          active={false}
          text={text}
        />
        <Row
          name={third.name}
          detail={third.detail[locale]}
          qty={formatQty(third.count, locale)}
          status="saved"
          active={false}
          text={text}
        />
        <Row
          name={fourth.name}
          detail={
            opened && at >= 3 ? `${fourth.detail[locale]} · ${opened.word[locale]}` : fourth.detail[locale]
          }
          qty={opened && at === 3 ? formatQty(opened.sealed, locale) : fourthQty}
          status={at >= 4 ? 'saved' : 'none'}
          active={at >= 3}
          text={text}
        >
          {opened && at >= 3 ? (
            <span className="demo-fractions">
              {([0.25, 0.5, 0.75] as const).map((f) => (
                <span
                  key={f}
                  className={at >= 4 && f === opened.fraction ? 'demo-btn demo-btn-on' : 'demo-btn'}
                >
                  {FRACTIONS[f]}
                </span>
              ))}
            </span>
          ) : null}
        </Row>
      </ul>
    </div>
  );
}

export function DashboardScreen({
  fixture,
  locale,
  text,
  now,
  phase,
}: ScreenProps & { phase: Step['phase'] }) {
  const values = fixture.values;
  const last = values[5];
  const delta = (last - values[4]) / values[4];
  const deltaText = new Intl.NumberFormat(tag(locale), {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  }).format(delta);
  const max = Math.max(...values);
  const monthShort = new Intl.DateTimeFormat(tag(locale), { month: 'narrow' });
  const alerts = phase === 'alerts';
  return (
    <div className="demo-screen">
      <div className={alerts ? 'demo-card' : 'demo-card demo-card-active'}>
        <p className="demo-card-label">{text.dash_value}</p>
        <p className="demo-value">{formatEuros(last, locale)}</p>
        <p className="demo-delta">{format(text.dash_vs, { delta: deltaText })}</p>
        <svg className="demo-chart" viewBox="0 0 120 48" role="presentation">
          {values.map((v, i) => {
            const h = Math.max(4, (v / max) * 36);
            const month = new Date(now.getFullYear(), now.getMonth() - 5 + i, 1);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: six fixed months
              <g key={i}>
                <rect
                  x={i * 20 + 3}
                  y={38 - h}
                  width="14"
                  height={h}
                  rx="2"
                  className={i === 5 ? 'demo-bar-now' : ''}
                />
                <text x={i * 20 + 10} y="47" textAnchor="middle">
                  {monthShort.format(month)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <div className={alerts ? 'demo-card demo-card-active' : 'demo-card'}>
        <p className="demo-card-label">{text.dash_losses}</p>
        <p>
          {format(text.dash_losses_text, {
            amount: formatEuros(fixture.losses, locale),
            reason: fixture.lossReason[locale],
          })}
        </p>
      </div>
      <div className={alerts ? 'demo-card demo-card-warn demo-card-active' : 'demo-card demo-card-warn'}>
        <p className="demo-card-label">{text.dash_low}</p>
        <p>
          {format(text.dash_low_text, { count: fixture.lowStock.count, example: fixture.lowStock.example })}
        </p>
      </div>
    </div>
  );
}

export function ExportScreen({ fixture, text, now, phase }: ScreenProps & { phase: Step['phase'] }) {
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const ready = phase === 'ready';
  return (
    <div className="demo-screen">
      <p className="demo-title">{text.export_title}</p>
      <span className={ready ? 'demo-btn demo-btn-primary' : 'demo-btn demo-btn-primary demo-pressed'}>
        {text.export_button}
      </span>
      <div className="demo-card demo-file">
        <span className="demo-file-icon" aria-hidden="true">
          XLSX
        </span>
        <span className="demo-file-name">{`inventaire_${month}_${fixture.slug}.xlsx`}</span>
        {ready ? (
          <span className="demo-status demo-status-saved">✓ {text.export_ready}</span>
        ) : (
          <span className="demo-bar demo-bar-loading">
            <span />
          </span>
        )}
      </div>
      <p className="demo-hint">{ready ? text.export_hint : text.export_preparing}</p>
    </div>
  );
}
