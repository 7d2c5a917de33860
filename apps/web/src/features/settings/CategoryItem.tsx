import type { Category } from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { TwoTapDelete } from '../../shared/ui/TwoTapDelete';
import { NameForm } from './NameForm';
import { stockMessages } from './stock-control-messages';

/** One category: its products, and for managers rename, merge into another, delete (when empty). */
export function CategoryItem({
  category,
  others,
  canManage,
  onChanged,
}: {
  category: Category;
  others: Category[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const t = useT(stockMessages);
  const ids = useId();
  const trpc = useTRPC();
  const showError = useErrorToast();
  const [action, setAction] = useState<'rename' | 'merge' | null>(null);
  const [into, setInto] = useState('');
  const { name } = category;
  const done = (message: string) => {
    toast.ok(message);
    setAction(null);
    onChanged();
  };
  const rename = useMutation(
    trpc.inventory.categories.rename.mutationOptions({
      onSuccess: (updated) => done(t('category_renamed', { name: updated.name })),
    }),
  );
  const merge = useMutation(
    trpc.inventory.categories.merge.mutationOptions({
      onSuccess: (target) => done(t('category_merged', { from: name, into: target.name })),
    }),
  );
  const remove = useMutation(
    trpc.inventory.categories.delete.mutationOptions({
      onSuccess: () => done(t('category_deleted', { name })),
      onError: (e) => showError(e),
    }),
  );
  function submitMerge(event: FormEvent) {
    event.preventDefault();
    if (into) merge.mutate({ id: category.id, into_id: into });
  }
  return (
    <li className="category-item">
      <p className="category-name">
        <strong>{name}</strong>{' '}
        <span className="muted">
          {t(category.product_count > 1 ? 'category_products' : 'category_products_one', {
            n: category.product_count,
          })}
        </span>
      </p>
      {canManage && action === null ? (
        <div className="inline-actions">
          <button
            type="button"
            className="button"
            aria-label={t('category_rename_label', { name })}
            onClick={() => setAction('rename')}
          >
            {t('category_rename')}
          </button>
          {others.length > 0 ? (
            <button
              type="button"
              className="button"
              aria-label={t('category_merge_label', { name })}
              onClick={() => setAction('merge')}
            >
              {t('category_merge')}
            </button>
          ) : null}
          {category.product_count === 0 ? (
            <TwoTapDelete
              label={t('category_delete')}
              confirmLabel={t('category_delete_confirm')}
              ariaLabel={t('category_delete_label', { name })}
              pending={remove.isPending}
              onConfirm={() => remove.mutate({ id: category.id })}
            />
          ) : (
            <span className="muted category-hint">{t('category_in_use')}</span>
          )}
        </div>
      ) : null}
      {action === 'rename' ? (
        <NameForm
          label={t('category_new_name', { name })}
          initial={name}
          submitLabel={t('save')}
          requiredMessage={t('category_name_required')}
          pending={rename.isPending}
          error={rename.error}
          autoFocus
          onSubmit={(next) => rename.mutate({ id: category.id, name: next })}
          onCancel={() => setAction(null)}
        />
      ) : null}
      {action === 'merge' ? (
        <form className="merge-form" onSubmit={submitMerge}>
          <label htmlFor={`${ids}-into`}>{t('category_merge_into', { name })}</label>
          <select id={`${ids}-into`} value={into} required onChange={(e) => setInto(e.target.value)}>
            <option value="">{t('category_merge_choose')}</option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.product_count})
              </option>
            ))}
          </select>
          <ErrorMessage error={merge.error} />
          <div className="inline-actions">
            <button type="submit" className="button button-primary" disabled={!into || merge.isPending}>
              {t('category_merge_submit')}
            </button>
            <button type="button" className="button" onClick={() => setAction(null)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
