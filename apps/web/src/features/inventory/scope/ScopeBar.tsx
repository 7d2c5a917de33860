import type { Month } from '@stockscan/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../i18n/i18n';
import { ErrorMessage } from '../../../shared/feedback/ErrorMessage';
import { currentLocalMonth, monthLabel, shiftMonth } from './format';
import { scopeMessages } from './scope-messages';
import type { Scope } from './useScope';
import './scope.css';

/** Service picker (a plain name when there is only one) and, unless `noMonth`, a month stepper. */
export function ScopeBar({
  scope,
  noMonth = false,
  allOption,
  value,
  onChange,
}: {
  scope: Scope;
  noMonth?: boolean;
  /** Offer "all services" (PRO multi-service analytics). */
  allOption?: boolean;
  /** Controlled value when the screen accepts "all". */
  value?: string;
  onChange?: (id: string) => void;
}) {
  const t = useT(scopeMessages);
  const selectId = useId();
  const { services, service } = scope;
  const current = value ?? service?.id ?? '';
  const change = onChange ?? scope.setServiceId;
  return (
    <div className="scope-bar">
      {services.length > 1 || allOption ? (
        <div className="scope-field">
          <label htmlFor={selectId}>{t('service')}</label>
          <select id={selectId} value={current} onChange={(e) => change(e.target.value)}>
            {allOption ? <option value="all">{t('all_services')}</option> : null}
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : service ? (
        <p className="scope-single">
          <span className="muted">{t('service')} :</span> <strong>{service.name}</strong>
        </p>
      ) : null}
      {noMonth ? null : <MonthStepper month={scope.month} onChange={scope.setMonth} />}
    </div>
  );
}

function MonthStepper({ month, onChange }: { month: Month; onChange: (month: Month) => void }) {
  const t = useT(scopeMessages);
  const { locale } = useLocale();
  const atCurrent = month >= currentLocalMonth();
  return (
    <fieldset className="month-stepper">
      <legend className="sr-only">{t('month')}</legend>
      <button
        type="button"
        className="button month-step"
        aria-label={t('previous_month')}
        onClick={() => onChange(shiftMonth(month, -1))}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <output className="month-label" aria-live="polite">
        <span className="month-long">{monthLabel(locale, month)}</span>
        <span className="month-short" aria-hidden="true">
          {monthLabel(locale, month, 'short')}
        </span>
      </output>
      <button
        type="button"
        className="button month-step"
        aria-label={t('next_month')}
        disabled={atCurrent}
        onClick={() => onChange(shiftMonth(month, 1))}
      >
        <span aria-hidden="true">›</span>
      </button>
    </fieldset>
  );
}

/** What to show before a screen has a service: loading, the error, or "create one". */
export function ScopeGate({ scope }: { scope: Scope }) {
  const t = useT(scopeMessages);
  const { servicesQuery } = scope;
  if (servicesQuery.isPending) return <p className="muted">{t('loading_services')}</p>;
  if (servicesQuery.error)
    return <ErrorMessage error={servicesQuery.error} onRetry={() => void servicesQuery.refetch()} />;
  return (
    <div className="card empty-state">
      <p>{t('no_service')}</p>
      <Link className="button button-primary" to="/app/settings">
        {t('no_service_action')}
      </Link>
    </div>
  );
}
