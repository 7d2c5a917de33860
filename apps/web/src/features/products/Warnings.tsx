import type { InventoryWarning } from '@stockscan/contracts';
import { useLocalized, useT } from '../../i18n/i18n';
import { m } from './messages';

/** Non-blocking advice returned with a save (the product was saved). */
export function Warnings({ warnings }: { warnings: readonly InventoryWarning[] }) {
  const t = useT(m);
  const localized = useLocalized();
  if (warnings.length === 0) return null;
  return (
    <div className="alert alert-warn">
      <p className="saved-line">
        <strong>{t('warnings_title')}</strong>
      </p>
      <ul className="warning-list">
        {warnings.map((w) => (
          <li key={`${w.code}/${w.field ?? ''}`}>{localized(w.message)}</li>
        ))}
      </ul>
    </div>
  );
}
