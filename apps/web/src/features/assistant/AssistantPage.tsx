import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { ScopeBar } from '../inventory/scope/ScopeBar';
import { useScope } from '../inventory/scope/useScope';
import { AssistantPanel } from './AssistantPanel';
import { assistantMessages } from './messages';

/** /app/assistant — the panel on its own page, with the service (or all) and the month it reads. */
export function AssistantPage() {
  const t = useT(assistantMessages);
  const scope = useScope();
  const [service, setService] = useState('all');
  return (
    <div className="page assistant-page">
      <h1>{t('page_title')}</h1>
      {scope.services.length > 0 ? (
        <ScopeBar scope={scope} allOption value={service} onChange={setService} />
      ) : null}
      <AssistantPanel serviceId={service} month={scope.month} />
    </div>
  );
}
