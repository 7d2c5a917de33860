import { useT } from '../../i18n/i18n';
import { useProductSearch } from '../inventory/scope/useProductSearch';
import type { Choice } from './import-model';
import { m } from './messages';

/** Create, link (search the service's products) or skip one unknown line. */
export function LineChoice({
  serviceId,
  line,
  choice,
  onChoice,
}: {
  serviceId: string;
  line: number;
  choice: Choice;
  onChoice: (choice: Choice) => void;
}) {
  const t = useT(m);
  return (
    <div className="line-choice">
      <select
        aria-label={t('action_label', { line })}
        value={choice.action}
        onChange={(e) => {
          const action = e.target.value as Choice['action'];
          onChoice(action === 'link' ? { action, product_id: null, product_name: null } : { action });
        }}
      >
        <option value="create">{t('action_create')}</option>
        <option value="link">{t('action_link')}</option>
        <option value="skip">{t('action_skip')}</option>
      </select>
      {choice.action === 'link' ? (
        <ProductLink serviceId={serviceId} line={line} choice={choice} onChoice={onChoice} />
      ) : null}
    </div>
  );
}

function ProductLink({
  serviceId,
  line,
  choice,
  onChoice,
}: {
  serviceId: string;
  line: number;
  choice: Extract<Choice, { action: 'link' }>;
  onChoice: (choice: Choice) => void;
}) {
  const t = useT(m);
  const { search, setSearch, results: found } = useProductSearch({ serviceId, limit: 30 });
  const items = found.data?.items ?? [];
  return (
    <div className="product-link">
      <input
        type="search"
        aria-label={`${t('link_search')} (${line})`}
        placeholder={t('link_search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <select
        aria-label={`${t('link_pick')} (${line})`}
        value={choice.product_id ?? ''}
        onChange={(e) => {
          const picked = items.find((p) => p.id === e.target.value);
          onChoice({ action: 'link', product_id: picked?.id ?? null, product_name: picked?.name ?? null });
        }}
      >
        <option value="">{items.length === 0 && !found.isPending ? t('link_none') : '—'}</option>
        {choice.product_id && !items.some((p) => p.id === choice.product_id) ? (
          <option value={choice.product_id}>{choice.product_name}</option>
        ) : null}
        {items.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
