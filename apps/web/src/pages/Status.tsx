import { useQuery } from '@tanstack/react-query';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';
import { useTRPC } from '../lib/trpc';

/** Live server and database status, from the typed `system.health` procedure. */
export function Status() {
  const t = useT(common);
  const trpc = useTRPC();
  const health = useQuery(trpc.system.health.queryOptions());
  return (
    <section className="page narrow">
      <h1>Status</h1>
      {health.isPending ? (
        <p>{t('loading')}</p>
      ) : health.isError ? (
        <p role="alert">
          {t('error_network')}{' '}
          <button type="button" onClick={() => health.refetch()}>
            {t('retry')}
          </button>
        </p>
      ) : (
        <dl className="status-list" data-testid="status">
          <dt>{t('status_api')}</dt>
          <dd>
            {t('status_ok')} (v{health.data.version})
          </dd>
          <dt>{t('status_db')}</dt>
          <dd>{health.data.db === 'ok' ? t('status_ok') : t('status_down')}</dd>
        </dl>
      )}
    </section>
  );
}
