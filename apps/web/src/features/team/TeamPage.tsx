import type { Role } from '@stockscan/contracts';
import { can } from '@stockscan/entitlements';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { setSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { useEntitlements, useRefreshEntitlements } from '../entitlements/useEntitlements';
import { ActivityFeed } from './ActivityFeed';
import { InvitationsList } from './InvitationsList';
import { InviteForm } from './InviteForm';
import { MembersList } from './MembersList';
import { teamMessages } from './messages';
import { useActivityContext } from './useActivityContext';
import { useInvitationLinks } from './useInvitationLinks';
import './team.css';

/** /app/team — owner only: who is in, pending invitations, access changes, recent activity. */
export function TeamPage() {
  const t = useT(teamMessages);
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isPending) {
    return (
      <section className="page team-page">
        <h1>{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </section>
    );
  }
  if (me.error) {
    return (
      <section className="page team-page">
        <h1>{t('title')}</h1>
        <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />
      </section>
    );
  }
  if (!can(me.data.role, 'team.manage')) return <NotOwner role={me.data.role} />;
  return (
    <TeamManager
      userId={me.data.user.id}
      username={me.data.user.username}
      tenant={me.data.tenant?.name ?? t('this_establishment')}
    />
  );
}

function NotOwner({ role }: { role: Role | null }) {
  const t = useT(teamMessages);
  return (
    <section className="page narrow team-page">
      <h1>{t('title')}</h1>
      <div className="card">
        <h2>{t('not_owner_title')}</h2>
        <p>{t('not_owner_text')}</p>
        {role ? <p className="muted">{t('not_owner_role', { role: t(`role_${role}`) })}</p> : null}
        <Link className="button button-primary" to="/app">
          {t('back_home')}
        </Link>
      </div>
    </section>
  );
}

function TeamManager({ userId, username, tenant }: { userId: string; username: string; tenant: string }) {
  const t = useT(teamMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refreshEntitlements = useRefreshEntitlements();
  const entitlements = useEntitlements();
  const summary = useQuery(trpc.members.summary.queryOptions());
  const services = useQuery({ ...trpc.services.list.queryOptions(), staleTime: 5 * 60_000 });
  const now = new Date();

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.members.summary.queryKey() });
    void refreshEntitlements();
  }, [queryClient, trpc, refreshEntitlements]);
  const links = useInvitationLinks({ user: { id: userId, username }, refresh });

  const serviceOptions = useMemo(
    () => (services.data ?? []).map((s) => ({ id: s.id, name: s.name })),
    [services.data],
  );
  const serviceNames = useMemo(() => new Map(serviceOptions.map((s) => [s.id, s.name])), [serviceOptions]);
  const activityContext = useActivityContext(summary.data?.members, serviceNames);

  function removedSelf() {
    setSession(null);
    queryClient.clear();
    void navigate('/login', { replace: true });
  }

  const data = entitlements.data;
  const usage = data
    ? data.limits.max_users === null || data.limits.max_users === undefined
      ? t('usage_unlimited', { n: data.usage.users_count })
      : t(data.usage.users_count === 1 ? 'usage_one' : 'usage', {
          n: data.usage.users_count,
          max: data.limits.max_users,
        })
    : null;

  return (
    <section className="page team-page">
      <h1>{t('title')}</h1>
      <p className="lead team-lead">{t('lead')}</p>
      {usage ? <p className="team-usage">{usage}</p> : null}

      <div className="team-grid">
        <div className="team-col">
          <InviteForm
            services={serviceOptions}
            invitations={summary.data?.invitations ?? []}
            onInvited={links.invited}
            onResend={links.resend}
          />
        </div>
        <div className="team-col">
          {summary.isPending ? (
            <p role="status" className="team-loading">
              {t('loading')}
            </p>
          ) : summary.error ? (
            <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} />
          ) : (
            <>
              <InvitationsList
                invitations={summary.data.invitations}
                serviceNames={serviceNames}
                links={links.links}
                focusId={links.focusId}
                tenant={tenant}
                resendingId={links.resendingId}
                onResend={links.resend}
                onChanged={refresh}
                now={now}
              />
              <MembersList
                members={summary.data.members}
                services={serviceOptions}
                scoped={entitlements.can('roles_per_service').ok}
                userId={userId}
                tenant={tenant}
                now={now}
                onChanged={refresh}
                onRemovedSelf={removedSelf}
              />
            </>
          )}
        </div>
      </div>
      {summary.data ? (
        <ActivityFeed entries={summary.data.recent_activity} context={activityContext} />
      ) : null}
    </section>
  );
}
