import { canDeleteLoss, PLAN_NAMES } from '@stockscan/entitlements';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { billingPath } from '../../shared/links';
import { LoadMore } from '../../shared/ui/LoadMore';
import { TwoTapDelete } from '../../shared/ui/TwoTapDelete';
import { useEntitlements } from '../entitlements/useEntitlements';
import { MonthStatus } from '../inventory/review/MonthStatus';
import { formatDate, formatMoney, formatQty } from '../inventory/scope/format';
import { ScopeBar, ScopeGate } from '../inventory/scope/ScopeBar';
import { unitMessages } from '../inventory/scope/units';
import { useScope } from '../inventory/scope/useScope';
import { type Loss, LossForm } from './LossForm';
import { m } from './messages';
import './losses.css';

/** Declare a loss and read the month's losses (reading stays open to every plan; declaring needs Duo+). */
export function LossesPage() {
  const t = useT(m);
  const scope = useScope();
  const { locale } = useLocale();
  const { can, isPending } = useEntitlements();
  const verdict = can('loss_management');
  const service = scope.service;
  return (
    <section className="page losses-page">
      <h1>{t('title')}</h1>
      <p className="muted lead-small">{t('lead')}</p>
      {!service ? (
        <ScopeGate scope={scope} />
      ) : (
        <>
          <ScopeBar scope={scope} />
          <MonthStatus serviceId={service.id} month={scope.month} />
          <div className="losses-layout">
            {isPending ? null : verdict.ok ? (
              <LossForm
                key={service.id}
                service={service}
                onSaved={(loss) => {
                  if (loss.inventory_month !== scope.month) scope.setMonth(loss.inventory_month);
                }}
              />
            ) : (
              <div className="card locked">
                <h2>{t('locked_title')}</h2>
                <p>{t('locked_body')}</p>
                <p className="muted">{verdict.message[locale]}</p>
                {verdict.upgrade_to ? (
                  <Link className="button button-primary" to={billingPath(verdict.upgrade_to)}>
                    {t('locked_action', { plan: PLAN_NAMES[verdict.upgrade_to] })}
                  </Link>
                ) : null}
              </div>
            )}
            <LossList serviceId={service.id} month={scope.month} canDelete={verdict.ok} />
          </div>
        </>
      )}
    </section>
  );
}

const PAGE_SIZE = 50;

function LossList({ serviceId, month, canDelete }: { serviceId: string; month: string; canDelete: boolean }) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const { data: ent } = useEntitlements();
  const currency = ent?.currency_code ?? 'EUR';
  const me = useQuery(trpc.auth.me.queryOptions());
  const list = useInfiniteQuery(
    trpc.inventory.losses.list.infiniteQueryOptions(
      { service_id: serviceId, month, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.next_cursor ?? undefined },
    ),
  );
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unpriced = items.some((l) => l.cost === null);
  const mayDelete = (loss: Loss) =>
    canDelete && canDeleteLoss(me.data?.role, loss.created_by === me.data?.user.id);
  return (
    <section className="loss-list" aria-labelledby="loss-list-title">
      <h2 id="loss-list-title">{t('list_title')}</h2>
      {list.isPending ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : list.error ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : first?.retention_limited ? (
        <p className="alert alert-warn">{t('retention_limited')}</p>
      ) : items.length === 0 ? (
        <p className="card muted">{t('empty')}</p>
      ) : (
        <>
          <p className="loss-total">
            <strong>{t('total', { cost: formatMoney(locale, currency, first?.total_cost ?? 0) })}</strong>{' '}
            {unpriced ? <span className="muted">{t('total_unpriced')}</span> : null}
          </p>
          <ul className="losses">
            {items.map((loss) => (
              <li key={loss.id} className="loss-item">
                <div className="loss-text">
                  <p className="loss-name">
                    <strong>{loss.product_name}</strong> — {formatQty(locale, loss.quantity)} {u(loss.unit)}
                  </p>
                  <p className="muted loss-meta">
                    <span className={`reason-badge reason-${loss.reason}`}>{t(`reason_${loss.reason}`)}</span>{' '}
                    {formatDate(locale, loss.occurred_at)} ·{' '}
                    {loss.cost === null ? t('no_cost') : formatMoney(locale, currency, loss.cost)}
                  </p>
                  {loss.note ? <p className="loss-note">{loss.note}</p> : null}
                </div>
                {mayDelete(loss) ? <DeleteLoss loss={loss} /> : null}
              </li>
            ))}
          </ul>
          <LoadMore
            list={list}
            label={t('load_more', { shown: items.length, total: first?.total_count ?? items.length })}
            loadingLabel={t('loading_more')}
          />
        </>
      )}
    </section>
  );
}

function DeleteLoss({ loss }: { loss: Loss }) {
  const t = useT(m);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const remove = useMutation(
    trpc.inventory.losses.delete.mutationOptions({
      onSuccess: () => {
        toast.ok(t('deleted'));
        void queryClient.invalidateQueries(trpc.inventory.losses.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.stats.pathFilter());
      },
      onError: (error) => showError(error),
    }),
  );
  return (
    <TwoTapDelete
      label={t('delete')}
      confirmLabel={t('delete_confirm')}
      ariaLabel={t('delete_label', { name: loss.product_name, date: formatDate(locale, loss.occurred_at) })}
      pending={remove.isPending}
      onConfirm={() => remove.mutate({ id: loss.id })}
    />
  );
}
