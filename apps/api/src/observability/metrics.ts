import { Counter, collectDefaultMetrics, type Metric, Registry } from 'prom-client';

/**
 * Prometheus metrics of one server instance. A registry per server (not the global one) so tests can build
 * several servers in one process.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new RequestLatency(
      'stockscan_http_request_duration_seconds',
      'HTTP request duration by route (or tRPC procedure), method and status',
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registry,
    ),
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

/** One series of RequestLatency: counts per bucket (not cumulative), their sum and number. */
interface Series {
  labels: { route: string; method: string; status: string };
  buckets: number[];
  sum: number;
  count: number;
}

/**
 * A Prometheus histogram of request latency by route, method and status, observed once per request. prom-client's
 * Histogram validates and hashes the labels at every observation, even through a bound child (~3 µs, 2 % of a
 * /health request): here a series is bound once per label set (requestObserver keeps it) and observed by a few
 * additions. It is exposed by the same registry, in prom-client's own histogram format (`_bucket` with `le`,
 * `_sum`, `_count`).
 */
export class RequestLatency {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly #series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly upperBounds: readonly number[],
    registry: Registry,
  ) {
    // prom-client reads any metric through get(); its types only name its own classes.
    registry.registerMetric(this as unknown as Metric);
  }

  /** Creates the series for `labels` under `key` (or returns it). */
  bind(key: string, labels: Series['labels']): Series {
    let series = this.#series.get(key);
    if (!series) {
      series = { labels, buckets: this.upperBounds.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, series);
    }
    return series;
  }

  observe(series: Series, seconds: number): void {
    const bounds = this.upperBounds;
    for (let i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]!) {
        series.buckets[i]! += 1;
        break;
      }
    }
    series.sum += seconds;
    series.count += 1;
  }

  /** What prom-client's registry asks of a metric: its samples, as its Histogram gives them. */
  async get() {
    const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
    for (const { labels, buckets, sum, count } of this.#series.values()) {
      let cumulative = 0;
      this.upperBounds.forEach((le, i) => {
        cumulative += buckets[i]!;
        values.push({ labels: { le, ...labels }, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push({ labels: { le: '+Inf', ...labels }, value: count, metricName: `${this.name}_bucket` });
      values.push({ labels, value: sum, metricName: `${this.name}_sum` });
      values.push({ labels, value: count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}

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
 * Observes a request's latency in `latency` through its series (route × method × status), found by three lookups
 * of values the request already holds (no key string built per request). Routes are bounded (`boundedRoute`), and
 * so is the number of series: batches of known procedures can still combine into many, so past MAX_ROUTE_SERIES
 * they go to `other`.
 */
export function requestObserver(
  latency: RequestLatency,
  procedures: ReadonlySet<string>,
  maxSeries = MAX_ROUTE_SERIES,
) {
  const known = new Map<string, Map<string, Map<number, Series>>>();
  let size = 0;
  return (route: string, method: string, status: number, seconds: number): void => {
    let series = known.get(route)?.get(method)?.get(status);
    if (series === undefined) {
      const label = size < maxSeries ? boundedRoute(route, procedures) : 'other';
      series = latency.bind(`${status} ${method} ${label}`, { route: label, method, status: String(status) });
      if (size < maxSeries) {
        const byMethod = known.get(route) ?? new Map<string, Map<number, Series>>();
        known.set(route, byMethod);
        const byStatus = byMethod.get(method) ?? new Map<number, Series>();
        byMethod.set(method, byStatus);
        byStatus.set(status, series);
        size += 1;
      }
    }
    latency.observe(series, seconds);
  };
}
