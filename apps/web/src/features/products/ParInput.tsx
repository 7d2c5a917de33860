import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { parseDecimal } from '../inventory/scope/format';
import { m } from './messages';
import type { Product } from './product-form';

/** What typed text means for a par level: a number, none (cleared), or a typing mistake. */
export function readPar(text: string): { ok: true; value: number | null } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: null };
  const value = parseDecimal(text, 3);
  return value === null ? { ok: false } : { ok: true, value };
}

/**
 * The list's quick "par" cell: type a product's par level and leave the box (or press Enter), it is saved —
 * a whole shelf filled in one pass down the list.
 */
export function ParInput({ product }: { product: Product }) {
  const t = useT(m);
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const [text, setText] = useState(
    product.par_level === null ? '' : String(product.par_level).replace('.', ','),
  );
  const [saved, setSaved] = useState<number | null>(product.par_level);
  const [state, setState] = useState<'idle' | 'saved' | 'invalid'>('idle');
  const update = useMutation(
    trpc.inventory.products.update.mutationOptions({
      onSuccess: ({ product: p }) => {
        setSaved(p.par_level);
        setState('saved');
        void queryClient.invalidateQueries(trpc.purchasing.orders.suggest.pathFilter());
      },
      onError: (error) => showError(error),
    }),
  );
  function commit() {
    const read = readPar(text);
    if (!read.ok) {
      setState('invalid');
      return;
    }
    if (read.value === saved) return;
    update.mutate({ id: product.id, par_level: read.value });
  }
  return (
    <span className="par-cell">
      <label htmlFor={`${ids}-par`} className="sr-only">
        {t('par_input_label', { name: product.name })}
      </label>
      <input
        id={`${ids}-par`}
        className="par-input"
        inputMode="decimal"
        value={text}
        placeholder={t('par_placeholder')}
        aria-invalid={state === 'invalid' || undefined}
        onChange={(e) => {
          setText(e.target.value);
          setState('idle');
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      <span className="par-state" role="status">
        {update.isPending
          ? '…'
          : state === 'saved'
            ? t('par_saved')
            : state === 'invalid'
              ? t('par_invalid')
              : ''}
      </span>
    </span>
  );
}
