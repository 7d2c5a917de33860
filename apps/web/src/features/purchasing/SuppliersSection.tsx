import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { useEntitlements } from '../entitlements/useEntitlements';
import { LockedCard } from './LockedCard';
import { m } from './messages';
import { SupplierForm } from './SupplierForm';
import './purchasing.css';

/** Settings → Fournisseurs: list, add, edit, archive (Duo+ `stock_control` to change them). */
export function SuppliersSection() {
  const t = useT(m);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const { can } = useEntitlements();
  const verdict = can('stock_control');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const list = useQuery(trpc.purchasing.suppliers.list.queryOptions({}));
  const archive = useMutation(
    trpc.purchasing.suppliers.archive.mutationOptions({
      onSuccess: () => {
        toast.ok(t('supplier_archived'));
        void queryClient.invalidateQueries(trpc.purchasing.suppliers.pathFilter());
      },
      onError: (error) => showError(error),
    }),
  );
  const items = list.data?.items ?? [];
  return (
    <div className="suppliers-section">
      <p className="muted">{t('suppliers_lead')}</p>
      {!verdict.ok ? <LockedCard verdict={verdict} /> : null}
      {list.error ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p className="muted">{t('suppliers_empty')}</p> : null}
      <ul className="suppliers">
        {items.map((s) =>
          editing === s.id ? (
            <li key={s.id}>
              <SupplierForm supplier={s} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={s.id} className="supplier-item">
              <div>
                <strong>{s.name}</strong>
                <p className="muted">
                  {[s.email, s.phone, t('supplier_products', { n: s.products_count })]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </div>
              {verdict.ok ? (
                <div className="form-actions">
                  <button type="button" className="button" onClick={() => setEditing(s.id)}>
                    {t('supplier_edit')}
                  </button>
                  <button
                    type="button"
                    className="button button-ghost"
                    disabled={archive.isPending}
                    onClick={() => archive.mutate({ id: s.id })}
                  >
                    {t('supplier_archive')}
                  </button>
                </div>
              ) : null}
            </li>
          ),
        )}
      </ul>
      {verdict.ok && editing === 'new' ? <SupplierForm onDone={() => setEditing(null)} /> : null}
      {verdict.ok && editing === null ? (
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('supplier_add')}
        </button>
      ) : null}
    </div>
  );
}
