import type { ServiceFeaturesPatch } from '@stockscan/contracts';
import { errorCode } from '../../lib/trpc';

/**
 * Module choices made during sign-up. `auth.register` takes no features per service, so they are applied with
 * `services.update` right after it — or, when the email must be confirmed first (no tokens yet), at the first
 * login. Kept in localStorage until applied.
 */
export interface PendingModules {
  tenant_id: string;
  services: { id: string; features: ServiceFeaturesPatch }[];
}

const KEY = 'stockscan.pendingModules';

export function savePendingModules(pending: PendingModules): void {
  if (pending.services.length === 0) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(pending));
}

export function readPendingModules(tenantId: string | null | undefined): PendingModules | null {
  try {
    const raw = localStorage.getItem(KEY);
    const pending = raw ? (JSON.parse(raw) as PendingModules) : null;
    return pending && tenantId && pending.tenant_id === tenantId ? pending : null;
  } catch {
    return null;
  }
}

/** Applies what is pending for this tenant; what the network lost stays pending. False when something failed. */
export async function applyPendingModules(
  tenantId: string | null | undefined,
  update: (input: { id: string; features: ServiceFeaturesPatch }) => Promise<unknown>,
): Promise<boolean> {
  const pending = readPendingModules(tenantId);
  if (!pending) return true;
  const left: PendingModules['services'] = [];
  let failed = false;
  for (const service of pending.services) {
    try {
      await update(service);
    } catch (error) {
      failed = true;
      if (errorCode(error) === 'NETWORK') left.push(service);
    }
  }
  savePendingModules({ ...pending, services: left });
  return !failed;
}
