import { useSyncExternalStore } from 'react';
import { getSession, onSessionChange } from '../../lib/session';

/** Re-renders when this tab or another logs in or out. */
export function useSignedIn(): boolean {
  // Prerendered pages are signed out (and only hydrated for a visitor who is).
  return useSyncExternalStore(onSessionChange, () => getSession() !== null, signedOut);
}

const signedOut = () => false;
