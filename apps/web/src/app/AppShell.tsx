import { AppLayout } from '../components/AppLayout';
import { ApiProviders } from './api-providers';

/** /app/*: the signed-in layout with the API, one chunk loaded after sign-in (not by the public pages). */
export function AppShell() {
  return (
    <ApiProviders>
      <AppLayout />
    </ApiProviders>
  );
}
