import { AppError } from './errors';

export interface ExportSlotLimits {
  perTenant: number;
  perInstance: number;
}

/**
 * How many streamed exports run at once, per tenant and on this instance. A streamed export holds a
 * database connection (its cursor) for as long as the client takes to read it, so a few stalled downloads
 * could otherwise take every connection: a tenant gets `perTenant` at once, the instance `perInstance`
 * (the size of the export pool, so an export never waits for a connection).
 */
export class ExportSlots {
  private readonly byTenant = new Map<string, number>();
  private running = 0;

  constructor(private readonly limits: ExportSlotLimits) {}

  /** A slot for `tenantId`, or 429 RATE_LIMITED. The returned release is idempotent. */
  acquire(tenantId: string): () => void {
    const mine = this.byTenant.get(tenantId) ?? 0;
    if (mine >= this.limits.perTenant) throw busy('tenant');
    if (this.running >= this.limits.perInstance) throw busy('instance');
    this.byTenant.set(tenantId, mine + 1);
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const left = (this.byTenant.get(tenantId) ?? 1) - 1;
      if (left > 0) this.byTenant.set(tenantId, left);
      else this.byTenant.delete(tenantId);
    };
  }

  /** Exports running now (for tests and metrics). */
  inFlight(tenantId?: string): number {
    return tenantId ? (this.byTenant.get(tenantId) ?? 0) : this.running;
  }
}

const RETRY_AFTER_SECONDS = 10;

function busy(scope: 'tenant' | 'instance'): AppError {
  return new AppError(
    'RATE_LIMITED',
    scope === 'tenant'
      ? {
          fr: 'Des exports de votre établissement sont déjà en cours : attendez qu’ils se terminent puis réessayez.',
          en: 'Exports of your business are already running: wait for them to finish, then try again.',
        }
      : {
          fr: 'Trop d’exports en cours sur le serveur : réessayez dans quelques secondes.',
          en: 'Too many exports are running on the server: try again in a few seconds.',
        },
    undefined,
    { 'retry-after': String(RETRY_AFTER_SECONDS) },
  );
}
