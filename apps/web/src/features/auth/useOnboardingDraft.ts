import type { BusinessType, Locale } from '@stockscan/contracts';
import { type ReactNode, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import {
  type AccountDraft,
  type AccountField,
  defaultServices,
  domainFor,
  EMPTY_ACCOUNT,
  type ServiceDraft,
  type ServiceNameIssue,
  serviceNameIssues,
} from './onboarding';
import { fieldMessagesEn, registerMessages } from './register-messages';

/** Steps 1–2: the trade, and the services suggested for it as the user edits them. */
export function useServicesDraft(initial: BusinessType | null, locale: Locale) {
  const [business, setBusiness] = useState<BusinessType | null>(initial);
  const [businessMissing, setBusinessMissing] = useState(false);
  const [services, setServices] = useState<ServiceDraft[]>(() =>
    initial ? defaultServices(initial, locale) : [],
  );
  const [servicesFor, setServicesFor] = useState<BusinessType | null>(initial);
  const [issues, setIssues] = useState<Record<string, ServiceNameIssue>>({});

  function chooseBusiness(chosen: BusinessType) {
    setBusiness(chosen);
    setBusinessMissing(false);
  }

  /** Leaving step 1; false when no trade is chosen. A new trade brings its own suggested services. */
  function confirmBusiness(): boolean {
    if (!business) {
      setBusinessMissing(true);
      return false;
    }
    if (business !== servicesFor) {
      setServices(defaultServices(business, locale));
      setServicesFor(business);
      setIssues({});
    }
    return true;
  }

  function changeServices(next: ServiceDraft[]) {
    // An edited or removed service loses its error; the others keep theirs until fixed.
    setIssues((current) => {
      const kept: Record<string, ServiceNameIssue> = {};
      for (const service of next) {
        const before = services.find((s) => s.key === service.key);
        const issue = current[service.key];
        if (issue && before?.name === service.name) kept[service.key] = issue;
      }
      return kept;
    });
    setServices(next);
  }

  /** Shows the name problems; true when the services can be sent (and there are no more than `max`). */
  function checkServices(max: number): boolean {
    const found = serviceNameIssues(services);
    setIssues(found);
    return services.length <= max && Object.keys(found).length === 0;
  }

  const domain = domainFor(services);
  return {
    business,
    businessMissing,
    chooseBusiness,
    confirmBusiness,
    services,
    domain,
    issues,
    changeServices,
    checkServices,
  };
}

/** Step 3: the account fields, their errors (each gone once its field is edited) and extra hints. */
export function useAccountDraft() {
  const t = useT(registerMessages);
  const { locale } = useLocale();
  const [account, setAccount] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const [errors, setErrors] = useState<Partial<Record<AccountField, string>>>({});
  const [hints, setHints] = useState<Partial<Record<AccountField, ReactNode>>>({});

  /** Field messages under their fields (French from the schema, English from our own list); how many. */
  function showErrors(fields: Partial<Record<AccountField, string>>): number {
    const shown = Object.entries(fields).map(([name, message]) => {
      if (name === 'accept_terms') return [name, t('terms_required')];
      return [name, locale === 'fr' ? message : (fieldMessagesEn[name] ?? message)];
    });
    setErrors(Object.fromEntries(shown));
    return shown.length;
  }

  function change(patch: Partial<AccountDraft>) {
    setAccount((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as AccountField[]) delete next[key];
      return next;
    });
  }

  return { account, errors, setErrors, showErrors, hints, setHints, change };
}
