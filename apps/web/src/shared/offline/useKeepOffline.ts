import { useT } from '../../i18n/i18n';
import { sessionClaims } from '../../lib/session';
import { toast } from '../feedback/toast-store';
import { offlineMessages } from './offline-messages';
import type { OutboxKind } from './outbox';
import { useOutbox, waitsForNetwork } from './useOutbox';

/**
 * A form's way out when the network is not there: the submission (with its idempotency key) waits on the phone
 * in the person's outbox, the form starts the next one, and the "à envoyer" list shows it until it is sent.
 */
export function useKeepOffline(kind: OutboxKind) {
  const t = useT(offlineMessages);
  const { outbox } = useOutbox();
  function keep(input: { idempotency_key?: string } & Record<string, unknown>, label: string): boolean {
    const tenantId = sessionClaims()?.tenantId;
    if (!tenantId || !input.idempotency_key) return false;
    const kept = outbox.add({ key: input.idempotency_key, kind, tenant_id: tenantId, input, label });
    if (kept) toast.ok(t(kind === 'loss' ? 'loss_kept' : 'check_kept', { label }));
    return kept;
  }
  return {
    /** Certainly offline (the browser says so): do not even try. */
    offline: () => navigator.onLine === false,
    keep,
    /** The send failed on the way (no answer): keep it; true when kept. */
    afterError: (
      error: unknown,
      input: { idempotency_key?: string } & Record<string, unknown>,
      label: string,
    ) => waitsForNetwork(error) && keep(input, label),
  };
}
