import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { setSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { toast } from '../feedback/toast-store';
import { useErrorToast } from '../feedback/useErrorToast';
import { tenantMessages } from './tenant-messages';
import './tenant-switcher.css';

/** Acts on another establishment of the user: new token pair, every cached answer of the old one dropped. */
function useSwitchTenant() {
  const t = useT(tenantMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const showError = useErrorToast();
  return useMutation(
    trpc.auth.switchTenant.mutationOptions({
      onSuccess: async (session) => {
        setSession({ access: session.access, refresh: session.refresh });
        await queryClient.resetQueries();
        await navigate('/app');
        if (session.tenant) toast.ok(t('switched', { name: session.tenant.name }));
      },
      onError: (error) => showError(error),
    }),
  );
}

/** Shown only to someone who belongs to several establishments (auth.me memberships). */
export function TenantSwitcher({ className }: { className?: string }) {
  const t = useT(tenantMessages);
  const trpc = useTRPC();
  const id = useId();
  const me = useQuery(trpc.auth.me.queryOptions());
  const switchTenant = useSwitchTenant();
  const memberships = me.data?.memberships ?? [];
  if (memberships.length < 2) return null;
  const current = memberships.find((m) => m.current)?.tenant_id ?? '';
  return (
    <div className={className ? `tenant-switcher ${className}` : 'tenant-switcher'}>
      <label htmlFor={id}>{switchTenant.isPending ? t('switching') : t('tenant_label')}</label>
      <select
        id={id}
        value={switchTenant.isPending ? switchTenant.variables.tenant_id : current}
        disabled={switchTenant.isPending}
        onChange={(event) => switchTenant.mutate({ tenant_id: event.target.value })}
      >
        {memberships.map((m) => (
          <option key={m.tenant_id} value={m.tenant_id}>
            {m.tenant_name}
          </option>
        ))}
      </select>
    </div>
  );
}
