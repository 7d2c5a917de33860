import type { Db } from '@stockscan/db';
import type OpenAI from 'openai';
import type Stripe from 'stripe';
import type { AccessClaims } from './access-claims';
import type { Config } from './config';
import type { ExportSlots } from './export-slots';
import type { FoodFacts } from './integrations/openfoodfacts';
import type { Mailer } from './integrations/sendgrid';
import type { Metrics } from './observability/metrics';

/** Everything a service may touch outside its arguments; tests inject fakes. */
export interface Deps {
  db: Db;
  /**
   * The pool streamed exports read from (their cursors hold a connection while the client downloads), apart
   * from `db` so they never take the connections login and counting need; `db` when unset (PGlite, tests).
   */
  exportDb?: Db;
  config: Config;
  /** null when STRIPE_API_KEY is unset: billing answers 503 STRIPE_NOT_CONFIGURED. */
  stripe: Stripe | null;
  mailer: Mailer;
  /** null when AI is disabled or unconfigured: the assistant answers in fallback mode. */
  openai: OpenAI | null;
  now: () => Date;
  /** Prometheus counters of this server (built by buildServer). */
  metrics: Metrics;
  /** Streamed exports running now, per tenant and instance (built by buildServer). */
  exportSlots: ExportSlots;
  /** Open Food Facts look-ups for unknown barcodes (built by buildServer from the config). */
  foodFacts: FoodFacts;
  /** The claims of a bearer token, checked against APP_SECRET and the clock (built by buildServer). */
  verifyAccess: (token: string) => Promise<AccessClaims>;
}
