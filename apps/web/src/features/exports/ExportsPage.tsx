import { can } from '@stockscan/entitlements';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { ExportForm } from './ExportForm';
import { exportMessages } from './messages';
import './exports.css';

/** /app/exports — the month's count as an Excel or CSV file (owner and managers). */
export function ExportsPage() {
  const t = useT(exportMessages);
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const services = useQuery({ ...trpc.services.list.queryOptions(), staleTime: 5 * 60_000 });

  let body: ReactNode;
  if (me.isPending || (can(me.data?.role, 'exports.produce') && services.isPending)) {
    body = (
      <p className="muted" role="status">
        {t('loading')}
      </p>
    );
  } else if (me.isError) {
    body = <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  } else if (!can(me.data.role, 'exports.produce')) {
    body = (
      <div className="card export-operator">
        <h2>{t('operator_title')}</h2>
        <p>{t('operator_text')}</p>
        <Link className="button button-primary" to="/app/inventory">
          {t('operator_action')}
        </Link>
      </div>
    );
  } else if (services.isError) {
    body = <ErrorMessage error={services.error} onRetry={() => void services.refetch()} />;
  } else if (!services.data || services.data.length === 0) {
    body = (
      <div className="card export-empty">
        <p>{t('no_service')}</p>
        <Link className="button button-primary" to="/app/settings">
          {t('no_service_action')}
        </Link>
      </div>
    );
  } else {
    body = (
      <ExportForm
        services={services.data}
        userEmail={me.data.user.email ?? ''}
        emailVerified={me.data.user.email_verified}
      />
    );
  }

  return (
    <div className="page exports">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {body}
    </div>
  );
}
