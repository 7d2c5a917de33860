import type { ServiceFeatureKey, ServiceView } from '@stockscan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { enabledCount, ModuleToggles } from './ModuleToggles';
import { settingsMessages } from './settings-messages';

/** A service's modules, each switch saved at once (shown switched while it saves; a failure says so and retries). */
export function ServiceModules({ service, canManage }: { service: ServiceView; canManage: boolean }) {
  const t = useT(settingsMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const listKey = trpc.services.list.queryKey();
  const [pending, setPending] = useState<Partial<Record<string, boolean>>>({});

  const modules = useMutation(
    trpc.services.update.mutationOptions({
      onSuccess: (updated) =>
        queryClient.setQueryData(listKey, (list) => list?.map((s) => (s.id === updated.id ? updated : s))),
      onError: (error, variables) => {
        const [key, value] = Object.entries(variables.features ?? {})[0] ?? [];
        const retry =
          key && value?.enabled !== undefined
            ? () => toggle(key as ServiceFeatureKey, value.enabled === true)
            : undefined;
        showError(error, { retry });
      },
      onSettled: (_data, _error, variables) =>
        setPending((p) => {
          const next = { ...p };
          for (const key of Object.keys(variables.features ?? {})) delete next[key];
          return next;
        }),
    }),
  );

  function toggle(key: ServiceFeatureKey, enabled: boolean) {
    setPending((p) => ({ ...p, [key]: enabled }));
    modules.mutate({ id: service.id, features: { [key]: { enabled } } });
  }

  const features = Object.fromEntries(
    Object.entries(service.features).map(([key, value]) => [
      key,
      { enabled: pending[key] ?? value.enabled, recommended: value.recommended },
    ]),
  );
  return (
    <details className="service-modules">
      <summary>{t('modules_summary', { n: enabledCount(features) })}</summary>
      <ModuleToggles
        serviceType={service.service_type}
        features={features}
        disabled={!canManage}
        legend={t('modules_for', { name: service.name })}
        onToggle={toggle}
      />
      <p className="module-status" aria-live="polite">
        {modules.isPending ? t('module_saving') : modules.isSuccess ? t('module_saved') : ''}
      </p>
    </details>
  );
}
