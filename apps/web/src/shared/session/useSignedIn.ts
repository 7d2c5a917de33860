import { useSyncExternalStore } from 'react';
import { getSession, onSessionChange } from '../../lib/session';

/** Re-renders when this tab or another logs in or out. */
export function useSignedIn(): boolean {
  return useSyncExternalStore(onSessionChange, () => getSession() !== null);
}
