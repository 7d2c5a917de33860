import { FIXTURES, type Trade } from '../demo/fixtures';
import { useLocale, useT } from '../i18n/i18n';
import { landing } from './landing-messages';
import { previewEuros, previewNumber } from './preview-format';
import './landing.css';

const FRACTIONS = [
  [0.25, '¼'],
  [0.5, '½'],
  [0.75, '¾'],
] as const;

/** A still picture of the count screen for the trade (the light alternative to the AutoDemo). */
export function TradePreview({ trade }: { trade: Trade }) {
  const t = useT(landing);
  const { locale } = useLocale();
  const fixture = FIXTURES[trade];
  const { opened } = fixture;
  return (
    <figure className="preview" aria-label={t('preview_label')}>
      <p className="preview-title">
        {t('preview_title', { service: fixture.service[locale] })}
        {fixture.otherServices.length > 0 ? (
          <small> · {fixture.otherServices.map((s) => s[locale]).join(' · ')}</small>
        ) : null}
      </p>
      <ul className="preview-rows">
        {fixture.products.map((product, i) => {
          const isOpened = opened !== null && i === 3;
          const fraction = FRACTIONS.find(([f]) => f === opened?.fraction)?.[1] ?? '';
          const qty = isOpened
            ? opened.sealed > 0
              ? `${previewNumber(opened.sealed, locale)} + ${fraction}`
              : fraction
            : previewNumber(product.count, locale);
          return (
            <li key={product.name} className={isOpened ? 'preview-row preview-row-open' : 'preview-row'}>
              <span className="preview-name">
                {product.name}
                <small>
                  {isOpened ? `${product.detail[locale]} · ${opened.word[locale]}` : product.detail[locale]}
                </small>
              </span>
              <span className="preview-qty">{qty}</span>
              {isOpened ? (
                <span className="preview-fractions" aria-hidden="true">
                  {FRACTIONS.map(([f, label]) => (
                    <span key={f} className={f === opened.fraction ? 'preview-on' : undefined}>
                      {label}
                    </span>
                  ))}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="preview-value">
        <span>{t('preview_value')}</span> <strong>{previewEuros(fixture.values[5], locale)}</strong>
      </p>
    </figure>
  );
}
