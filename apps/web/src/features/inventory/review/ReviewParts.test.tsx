import type { PeriodReview } from '@stockscan/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../../i18n/i18n';
import { RowStatus } from '../count/RowStatus';
import { ClosedQueueNotice } from './ClosedQueueNotice';
import { MissingList } from './MissingList';
import { ProgressCard } from './ProgressCard';
import { RecountFlag } from './RecountFlag';

const html = (node: React.ReactNode) => renderToStaticMarkup(<LocaleProvider>{node}</LocaleProvider>);

const review: PeriodReview = {
  period: {
    service_id: '00000000-0000-4000-8000-000000000001',
    month: '2026-11',
    status: 'OPEN',
    closed_by: null,
    closed_by_name: null,
    closed_at: null,
    reopened_by: null,
    reopened_by_name: null,
    reopened_at: null,
    reopen_reason: null,
  },
  previous_month: '2026-10',
  products: { total: 80, counted: 34 },
  by_location: [
    { location_id: null, name: null, counted: 2, expected: null, last_activity: '2026-11-30T21:14:00.000Z' },
    {
      location_id: '00000000-0000-4000-8000-000000000002',
      name: 'Réserve',
      counted: 34,
      expected: 80,
      last_activity: null,
    },
  ],
  by_counter: [
    {
      user_id: '00000000-0000-4000-8000-000000000003',
      name: 'Léa',
      lines: 30,
      products: 28,
      last_activity: '2026-11-30T21:14:00.000Z',
    },
  ],
  missing: [
    {
      product_id: '00000000-0000-4000-8000-000000000004',
      name: 'Tonic',
      category: null,
      unit: 'pcs',
      previous: 12,
    },
  ],
  missing_total: 3,
  suspicious: [],
  reviewed: 0,
  value_threshold: 20,
};

describe('review parts', () => {
  it('progress: products counted, each place ("Réserve · 34 / 80"), each counter', () => {
    const out = html(<ProgressCard review={review} />);
    expect(out).toContain('34 / 80 produits comptés');
    expect(out).toContain('Tout le service');
    expect(out).toContain('Réserve');
    expect(out).toContain('34 / 80 comptés');
    expect(out).toContain('Léa');
    expect(out).toContain('30 lignes · 28 produits');
  });

  it('missing: counted last month, not yet this one, and how many more are not listed', () => {
    const out = html(<MissingList review={review} />);
    expect(out).toContain('Comptés en octobre, pas encore ce mois-ci (3)');
    expect(out).toContain('Tonic');
    expect(out).toContain('12 pcs en octobre');
    expect(out).toContain('et 2 autres produits.');
  });

  it('the count screen: a recount flag names who asked; a closed month keeps the lines and says so', () => {
    expect(html(<RecountFlag recount={null} />)).toBe('');
    expect(
      html(<RecountFlag recount={{ requested_at: '2026-11-30T21:14:00.000Z', requested_by_name: 'Marc' }} />),
    ).toContain('À recompter — demandé par Marc');
    expect(html(<ClosedQueueNotice entries={[{ failed: null }]} />)).toBe('');
    const notice = html(
      <ClosedQueueNotice
        entries={[{ failed: { code: 'MONTH_CLOSED' } }, { failed: { code: 'MONTH_CLOSED' } }]}
      />,
    );
    expect(notice).toContain('Mois clôturé : 2 comptages n’ont pas été enregistrés');
    expect(notice).toContain('restent sur ce téléphone');
    const row = (failedCode: string) =>
      html(
        <RowStatus status="failed" name="Gin" sending={false} onRetry={() => {}} failedCode={failedCode} />,
      );
    expect(row('MONTH_CLOSED')).toContain('mois clôturé');
    expect(row('VALIDATION_ERROR')).toContain('échec — réessayer');
  });
});
