import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one server instance. A registry per server (not the global one) so tests can build
 * several servers in one process.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'stockscan_http_request_duration_seconds',
      help: 'HTTP request duration by route (or tRPC procedure), method and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    refusals: new Counter({
      name: 'stockscan_refusals_total',
      help: 'Requests refused by a plan limit or feature (LIMIT_*, FEATURE_NOT_INCLUDED), by code',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    webhooks: new Counter({
      name: 'stockscan_stripe_webhooks_total',
      help: 'Stripe webhook deliveries by result (processed, idempotent, bad_signature, error, ignored)',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    exports: new Counter({
      name: 'stockscan_exports_total',
      help: 'Exports produced, by format and result',
      labelNames: ['format', 'result'] as const,
      registers: [registry],
    }),
    aiRequests: new Counter({
      name: 'stockscan_ai_requests_total',
      help: 'Assistant answers by mode (ai, fallback, paywall)',
      labelNames: ['mode'] as const,
      registers: [registry],
    }),
    emails: new Counter({
      name: 'stockscan_emails_total',
      help: 'Emails by result (sent, disabled, error, timeout)',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** At most this many latency series: past it, new ones are counted under route `other` (memory stays bounded). */
export const MAX_ROUTE_SERIES = 2_000;

/**
 * A request's route as a label whose values are bounded: a tRPC path the router does not have is
 * `trpc:unknown` (a client could otherwise make one series per random path, each kept forever).
 */
export function boundedRoute(route: string, procedures: ReadonlySet<string>): string {
  if (!route.startsWith('trpc:')) return route;
  const calls = route.slice('trpc:'.length);
  if (procedures.has(calls)) return route;
  return calls.split(',').every((call) => procedures.has(call)) ? route : 'trpc:unknown';
}

/**
 * Observes a request's latency in `httpDuration` through its series (route × method × status), bound once and then
 * found by one string key: no label object per request. Routes are bounded (`boundedRoute`), and so is the number
 * of series: batches of known procedures can still combine into many, so past MAX_ROUTE_SERIES they go to `other`.
 */
export function requestObserver(
  histogram: Histogram<'route' | 'method' | 'status'>,
  procedures: ReadonlySet<string>,
  maxSeries = MAX_ROUTE_SERIES,
) {
  const series = new Map<string, Histogram.Internal<'route' | 'method' | 'status'>>();
  return (route: string, method: string, status: number, seconds: number): void => {
    const key = `${status} ${method} ${route}`;
    let bound = series.get(key);
    if (bound === undefined) {
      const label = series.size < maxSeries ? boundedRoute(route, procedures) : 'other';
      bound = histogram.labels({ route: label, method, status: String(status) });
      if (series.size < maxSeries) series.set(key, bound);
    }
    bound.observe(seconds);
  };
}
