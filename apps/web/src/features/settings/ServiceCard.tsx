import type { ServiceView } from '@stockscan/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { BlindCounting } from './BlindCounting';
import { serviceTypeMessages } from './modules-messages';
import { ServiceCategories } from './ServiceCategories';
import { ServiceDelete } from './ServiceDelete';
import { ServiceLocations } from './ServiceLocations';
import { ServiceModules } from './ServiceModules';
import { ServiceRename } from './ServiceRename';
import { settingsMessages } from './settings-messages';
import './stock-control.css';

/**
 * One service: its modules (saved on each switch), its places, blind counting, its categories; rename and
 * delete — for owners and managers (categories: whoever may manage the catalogue).
 */
export function ServiceCard({
  service,
  canManage,
  canManageCatalogue,
  canDelete,
}: {
  service: ServiceView;
  canManage: boolean;
  canManageCatalogue: boolean;
  canDelete: boolean;
}) {
  const t = useT(settingsMessages);
  const types = useT(serviceTypeMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<'rename' | 'delete' | null>(null);

  function renamed(updated: ServiceView) {
    queryClient.setQueryData(trpc.services.list.queryKey(), (list) =>
      list?.map((s) => (s.id === updated.id ? updated : s)),
    );
    setAction(null);
  }

  return (
    <li className="card service-card">
      <div className="service-card-head">
        <div>
          <h3>{service.name}</h3>
          <p className="muted service-card-type">
            {t('service_type_mode', {
              type: types(service.service_type),
              mode: types(`counting_${service.counting_mode}`),
            })}
          </p>
        </div>
        {canManage && action === null ? (
          <div className="service-card-actions">
            <button
              type="button"
              className="button"
              aria-label={t('rename_label', { name: service.name })}
              onClick={() => setAction('rename')}
            >
              {t('rename')}
            </button>
            {canDelete ? (
              <button
                type="button"
                className="button button-danger"
                aria-label={t('delete_label', { name: service.name })}
                onClick={() => setAction('delete')}
              >
                {t('delete')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>

      {action === 'rename' ? (
        <ServiceRename service={service} onRenamed={renamed} onCancel={() => setAction(null)} />
      ) : null}
      {action === 'delete' ? <ServiceDelete service={service} onClose={() => setAction(null)} /> : null}

      <ServiceModules service={service} canManage={canManage} />
      <ServiceLocations service={service} canManage={canManage} />
      <ServiceCategories service={service} canManage={canManageCatalogue} />
      <BlindCounting service={service} canManage={canManage} />
    </li>
  );
}
