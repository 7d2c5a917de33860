import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useT } from '../../../i18n/i18n';
import { useTRPC } from '../../../lib/trpc';
import { m } from '../messages';

export type CountStatusFilterValue = 'all' | 'uncounted' | 'counted';
const STATUSES = [
  ['all', 'filter_all'],
  ['uncounted', 'filter_uncounted'],
  ['counted', 'filter_counted'],
] as const;

/** Search (name, brand, barcode — a USB scanner can type here too), "pas encore compté", category. */
export function CountFilters({
  serviceId,
  search,
  onSearch,
  status,
  onStatus,
  category,
  onCategory,
}: {
  serviceId: string;
  search: string;
  onSearch: (value: string) => void;
  status: CountStatusFilterValue;
  onStatus: (value: CountStatusFilterValue) => void;
  category: string;
  onCategory: (value: string) => void;
}) {
  const t = useT(m);
  const ids = useId();
  const trpc = useTRPC();
  const categories = useQuery(trpc.inventory.categories.list.queryOptions({ service_id: serviceId }));
  const options = categories.data?.items ?? [];
  return (
    <div className="count-filters">
      <div className="filter-search">
        <label htmlFor={`${ids}-search`}>{t('search_label')}</label>
        <input
          id={`${ids}-search`}
          type="search"
          enterKeyHint="search"
          autoComplete="off"
          placeholder={t('search_placeholder')}
          value={search}
          onChange={(e) => onSearch(e.target.value)}
        />
      </div>
      <fieldset className="segmented">
        <legend className="sr-only">{t('filter_status')}</legend>
        <div className="segmented-options">
          {STATUSES.map(([value, key]) => (
            <label key={value} className={status === value ? 'segment segment-on' : 'segment'}>
              <input
                type="radio"
                name={`${ids}-status`}
                value={value}
                checked={status === value}
                onChange={() => onStatus(value)}
              />
              <span>{t(key)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {options.length > 0 ? (
        <div className="filter-category">
          <label htmlFor={`${ids}-cat`}>{t('filter_category')}</label>
          <select id={`${ids}-cat`} value={category} onChange={(e) => onCategory(e.target.value)}>
            <option value="">{t('all_categories')}</option>
            {options.map((c) => (
              <option key={c.id} value={c.name}>
                {c.name} ({c.product_count})
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
