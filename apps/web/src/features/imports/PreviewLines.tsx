import { useLocale, useT } from '../../i18n/i18n';
import { formatQty } from '../inventory/scope/format';
import type { Choices, Preview, PreviewLine } from './import-model';
import { LineChoice } from './LineChoice';
import { m } from './messages';

/** Lines shown at most: the ones needing a decision all come first, then recognised ones. */
const SHOWN = 150;

/** Each line of the file with its product: recognised (and how), to link or create, or unreadable. */
export function PreviewLines({
  serviceId,
  preview,
  choices,
  onChoices,
}: {
  serviceId: string;
  preview: Preview;
  choices: Choices;
  onChoices: (choices: Choices) => void;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  const needsChoice = (l: PreviewLine) => !l.match || l.problems.length > 0;
  const ordered = [...preview.lines.filter(needsChoice), ...preview.lines.filter((l) => !needsChoice(l))];
  const shown = ordered.slice(0, Math.max(SHOWN, preview.unmatched.length + preview.invalid.length));
  const setAll = (action: 'create' | 'skip') =>
    onChoices({ ...choices, ...Object.fromEntries(preview.unmatched.map((line) => [line, { action }])) });
  const money = (n: number | null) => (n === null ? '—' : formatQty(locale, n));
  return (
    <section className="import-lines" aria-labelledby="import-lines-title">
      <h2 id="import-lines-title">{t('lines_title')}</h2>
      <p role="status">
        {t('summary', {
          total: preview.lines.length,
          matched: preview.lines.length - preview.unmatched.length - preview.invalid.length,
          unmatched: preview.unmatched.length,
          invalid: preview.invalid.length,
        })}
      </p>
      {preview.unmatched.length > 1 ? (
        <div className="import-bulk">
          <button type="button" className="button button-ghost" onClick={() => setAll('create')}>
            {t('all_create')}
          </button>
          <button type="button" className="button button-ghost" onClick={() => setAll('skip')}>
            {t('all_skip')}
          </button>
        </div>
      ) : null}
      <div className="table-scroll">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">{t('col_line')}</th>
              <th scope="col">{t('col_file')}</th>
              <th scope="col">{t('col_qty')}</th>
              <th scope="col">{preview.kind === 'sales' ? t('col_revenue') : t('col_cost')}</th>
              <th scope="col">{t('col_product')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => (
              <tr
                key={line.line}
                className={line.problems.length ? 'line-invalid' : line.match ? '' : 'line-unmatched'}
              >
                <td>{line.line}</td>
                <td>
                  {line.name ?? '—'}
                  {line.barcode || line.sku ? (
                    <span className="muted import-codes">
                      {' '}
                      {[line.barcode, line.sku].filter(Boolean).join(' · ')}
                    </span>
                  ) : null}
                </td>
                <td>{line.quantity === null ? '—' : formatQty(locale, line.quantity)}</td>
                <td>{money(preview.kind === 'sales' ? line.revenue : line.unit_cost)}</td>
                <td>
                  {line.problems.length > 0 ? (
                    <span className="import-problem">
                      {line.problems.map((p) => t(`problem_${p}`)).join(', ')} — {t('invalid_skipped')}
                    </span>
                  ) : line.match ? (
                    <span>
                      {line.match.product_name}{' '}
                      <span className="muted">({t(`matched_by_${line.match.by}`)})</span>
                    </span>
                  ) : (
                    <LineChoice
                      serviceId={serviceId}
                      line={line.line}
                      choice={choices[line.line] ?? { action: 'create' }}
                      onChoice={(choice) => onChoices({ ...choices, [line.line]: choice })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ordered.length > shown.length ? (
        <p className="muted">{t('more_lines', { count: ordered.length - shown.length })}</p>
      ) : null}
    </section>
  );
}
