import { useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { m } from './messages';

/** The tenant's live suppliers as a select; '' = none. */
export function SupplierSelect({
  value,
  onChange,
  id,
}: {
  value: string;
  onChange: (id: string) => void;
  id?: string;
}) {
  const t = useT(m);
  const trpc = useTRPC();
  const suppliers = useQuery(trpc.purchasing.suppliers.list.queryOptions({}));
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('supplier_none')}</option>
      {(suppliers.data?.items ?? []).map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}
