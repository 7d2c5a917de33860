import { AppLayout } from '../components/AppLayout';
import { ApiProviders } from './api-providers';
import { OfflineReady } from './OfflineReady';

/** /app/*: the signed-in layout with the API, one chunk loaded after sign-in (not by the public pages). */
export function AppShell() {
  return (
    <ApiProviders>
      <OfflineReady>
        <AppLayout />
      </OfflineReady>
    </ApiProviders>
  );
}
