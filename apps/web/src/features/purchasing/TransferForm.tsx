import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatMoney, todayLocal } from '../inventory/scope/format';
import type { Service } from '../inventory/scope/service-features';
import { ProductSearch } from './ProductSearch';
import { TransferHead } from './TransferHead';
import { TransferLineRow } from './TransferLineRow';
import {
  defaultDestination,
  estimatedCost,
  pairingKey,
  pairingOf,
  type TransferLineDraft,
  transferLines,
  transferProblems,
  withProduct,
} from './transfer-draft';
import { tm } from './transfer-messages';

/** From one service to another: date, then lines by search or scan, each showing where it lands. */
export function TransferForm({
  services,
  initialFrom,
  onSaved,
}: {
  services: Service[];
  initialFrom: string;
  onSaved: (month: string) => void;
}) {
  const t = useT(tm);
  const { locale } = useLocale();
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: ent } = useEntitlements();
  const money = (n: number) => formatMoney(locale, ent?.currency_code ?? 'EUR', n);
  const [fromId, setFromId] = useState(initialFrom);
  const [toId, setToId] = useState(() => defaultDestination(services, initialFrom));
  const [date, setDate] = useState(todayLocal());
  const [lines, setLines] = useState<TransferLineDraft[]>([]);
  const [touched, setTouched] = useState(false);
  // A retry after a lost answer replays the same key: the server keeps one transfer.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const draft = { fromId, toId, date, lines };
  const { problems, invalidLines } = transferProblems(draft, todayLocal());
  const shown = (p: (typeof problems)[number]) => (touched || p === 'date_future') && problems.includes(p);
  const destination = services.find((s) => s.id === toId)?.name ?? '';
  const productIds = pairingKey(lines);
  const pairs = useQuery({
    ...trpc.purchasing.transfers.pairs.queryOptions({
      from_service_id: fromId,
      to_service_id: toId,
      product_ids: productIds,
    }),
    enabled: productIds.length > 0 && toId !== '' && toId !== fromId,
    placeholderData: keepPreviousData,
  });
  const create = useMutation(
    trpc.purchasing.transfers.create.mutationOptions({
      onSuccess: (transfer) => {
        toast.ok(t('saved', { n: transfer.lines.length, cost: money(transfer.total_cost) }));
        if (transfer.created_products.length > 0)
          toast.ok(
            t('saved_created', { n: transfer.created_products.length, service: transfer.to_service_name }),
          );
        for (const filter of [trpc.purchasing.transfers, trpc.inventory.usage, trpc.inventory.products])
          void queryClient.invalidateQueries(filter.pathFilter());
        setLines([]);
        setTouched(false);
        setKey(crypto.randomUUID());
        onSaved(transfer.month);
      },
    }),
  );

  function changeFrom(id: string) {
    setFromId(id);
    // The lines are products of the service they leave: another origin starts them again.
    setLines([]);
    if (toId === id || toId === '') setToId(defaultDestination(services, id));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problems.length > 0) return;
    create.mutate({
      from_service_id: fromId,
      to_service_id: toId,
      moved_on: date,
      lines: transferLines(draft),
      idempotency_key: key,
    });
  }

  const cost = estimatedCost(lines);
  return (
    <form className="card delivery-form" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('form_title')}</h2>
      <TransferHead
        services={services}
        fromId={fromId}
        toId={toId}
        date={date}
        toError={shown('to_missing') ? t('to_missing') : shown('to_same') ? t('to_same') : null}
        dateError={shown('date_future') ? t('date_future') : null}
        onFrom={changeFrom}
        onTo={setToId}
        onDate={setDate}
      />
      <ProductSearch
        key={fromId}
        serviceId={fromId}
        onPick={(product) => setLines((prev) => withProduct(prev, product, crypto.randomUUID()))}
      />
      <ul className="delivery-lines">
        {lines.map((line) => (
          <TransferLineRow
            key={line.key}
            line={line}
            pairing={pairingOf(pairs.data?.items, line.product.id)}
            destination={destination}
            invalid={touched && invalidLines.includes(line.key)}
            onChange={(next) => setLines((prev) => prev.map((l) => (l.key === line.key ? next : l)))}
            onRemove={() => setLines((prev) => prev.filter((l) => l.key !== line.key))}
          />
        ))}
      </ul>
      {shown('lines_empty') ? <p className="field-error">{t('lines_empty')}</p> : null}
      {cost !== null ? <p className="muted">{t('estimated', { cost: money(cost) })}</p> : null}
      {pairs.error ? <ErrorMessage error={pairs.error} onRetry={() => void pairs.refetch()} /> : null}
      {create.error ? <ErrorMessage error={create.error} onDismiss={() => create.reset()} /> : null}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? t('saving') : t('submit')}
      </button>
    </form>
  );
}
