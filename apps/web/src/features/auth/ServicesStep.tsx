import type { ServiceType, TenantDomain } from '@stockscan/contracts';
import { useT } from '../../i18n/i18n';
import { Field } from '../../shared/forms/Field';
import { enabledCount, ModuleToggles } from '../settings/ModuleToggles';
import { serviceTypeMessages } from '../settings/modules-messages';
import { SERVICE_TYPES } from '../settings/service-types';
import { draftFeatures, newDraft, type ServiceDraft, type ServiceNameIssue } from './onboarding';
import { registerMessages } from './register-messages';

/** Step 2: the suggested services, editable, each with its live "modules recommandés" panel. */
export function ServicesStep({
  services,
  domain,
  onChange,
  errors,
  maxServices,
  planNote,
}: {
  services: readonly ServiceDraft[];
  domain: TenantDomain;
  onChange: (services: ServiceDraft[]) => void;
  /** Name problems by service key, said under each name. */
  errors: Record<string, ServiceNameIssue>;
  maxServices: number;
  /** What the starting plan allows (trial or free plan), as the server is configured. */
  planNote: string;
}) {
  const t = useT(registerMessages);
  const full = services.length >= maxServices;

  const update = (key: string, patch: Partial<ServiceDraft>) =>
    onChange(services.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  const extra = services.length - maxServices;
  return (
    <>
      {extra > 0 ? (
        <div className="alert alert-error" role="alert">
          <p>{t('limit_services', { max: maxServices, extra })}</p>
        </div>
      ) : null}
      <p className="plan-note" aria-live="polite">
        <strong>{t('services_count', { n: services.length, max: maxServices })}</strong> {planNote}
      </p>
      <ol className="service-drafts">
        {services.map((service, index) => {
          const issue = errors[service.key];
          return (
            <ServiceDraftCard
              key={service.key}
              service={service}
              index={index}
              domain={domain}
              error={issue ? t(`name_${issue}`) : undefined}
              canRemove={services.length > 1}
              onUpdate={(patch) => update(service.key, patch)}
              onRemove={() => onChange(services.filter((s) => s.key !== service.key))}
            />
          );
        })}
      </ol>
      <div className="service-add">
        <button
          type="button"
          className="button button-ghost"
          disabled={full}
          aria-describedby={full ? 'services-full' : undefined}
          onClick={() => onChange([...services, newDraft('', 'other')])}
        >
          + {t('service_add')}
        </button>
        {full ? (
          <p id="services-full" className="muted">
            {t('services_full')}
          </p>
        ) : null}
      </div>
    </>
  );
}

function ServiceDraftCard({
  service,
  index,
  domain,
  error,
  canRemove,
  onUpdate,
  onRemove,
}: {
  service: ServiceDraft;
  index: number;
  domain: TenantDomain;
  error: string | undefined;
  canRemove: boolean;
  onUpdate: (patch: Partial<ServiceDraft>) => void;
  onRemove: () => void;
}) {
  const t = useT(registerMessages);
  const types = useT(serviceTypeMessages);
  const features = draftFeatures(service, domain);
  const label = service.name.trim() || t('service_n', { n: index + 1 });
  const typeId = `service-type-${service.key}`;
  return (
    <li className="card service-draft">
      <div className="service-draft-fields">
        <div className="service-draft-head">
          <h3>{t('service_n', { n: index + 1 })}</h3>
          {canRemove ? (
            <button
              type="button"
              className="button service-remove"
              aria-label={t('service_remove_label', { name: label })}
              onClick={onRemove}
            >
              {t('service_remove')}
            </button>
          ) : null}
        </div>
        <Field
          label={t('service_name')}
          value={service.name}
          maxLength={80}
          error={error}
          placeholder={t('service_new_name')}
          onChange={(event) => onUpdate({ name: event.target.value })}
        />
        <label htmlFor={typeId}>{t('service_type')}</label>
        <select
          id={typeId}
          value={service.service_type}
          // A new type brings its own preset: earlier switches were about the old one.
          onChange={(event) => onUpdate({ service_type: event.target.value as ServiceType, overrides: {} })}
        >
          {SERVICE_TYPES.map((type) => (
            <option key={type} value={type}>
              {types(type)}
            </option>
          ))}
        </select>
      </div>
      <details className="service-modules" open={index === 0}>
        <summary>{t('modules_summary', { n: enabledCount(features) })}</summary>
        <ModuleToggles
          serviceType={service.service_type}
          features={features}
          legend={t('modules_for', { name: label })}
          onToggle={(key, enabled) => onUpdate({ overrides: { ...service.overrides, [key]: enabled } })}
        />
      </details>
    </li>
  );
}
