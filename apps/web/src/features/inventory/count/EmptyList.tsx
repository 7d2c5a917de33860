import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n';
import { m } from '../messages';

/** An empty count list: everything counted, nothing matching the filters, or no product yet. */
export function EmptyList({
  filtered,
  allCounted,
  onClearFilters,
  onScan,
}: {
  filtered: boolean;
  allCounted: boolean;
  onClearFilters: () => void;
  onScan: () => void;
}) {
  const t = useT(m);
  if (allCounted)
    return (
      <div className="card empty-state">
        <p>{t('all_counted')}</p>
        <button type="button" className="button" onClick={onClearFilters}>
          {t('empty_filtered_action')}
        </button>
      </div>
    );
  if (filtered)
    return (
      <div className="card empty-state">
        <p>{t('empty_filtered')}</p>
        <button type="button" className="button" onClick={onClearFilters}>
          {t('empty_filtered_action')}
        </button>
      </div>
    );
  return (
    <div className="card empty-state">
      <p>
        <strong>{t('empty_catalogue')}</strong>
      </p>
      <p>{t('empty_catalogue_hint')}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onScan}>
          {t('scan_label')}
        </button>
        <Link className="button" to="/app/products/new">
          {t('empty_catalogue_action')}
        </Link>
      </div>
    </div>
  );
}
