import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestLatency, requestObserver } from '../src/observability/metrics';
import { startTestApp } from './test-server';

const t = await startTestApp({ env: { METRICS_TOKEN: 'metrics-secret' } });

describe('GET /metrics', () => {
  it('is hidden without the token', async () => {
    const res = await t.request('/metrics');
    expect(res.status).toBe(404);
  });

  it('exposes latency per route and per tRPC procedure, and email results', async () => {
    await t.request('/health');
    await t.trpc().system.health.query();
    await t.deps.mailer.send({ to: 'a@example.test', subject: 's', text: 't' });
    const res = await t.request('/metrics', { headers: { authorization: 'Bearer metrics-secret' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(
      /stockscan_http_request_duration_seconds_count\{route="\/health",method="GET",status="200"\} 1/,
    );
    expect(text).toMatch(
      /stockscan_http_request_duration_seconds_count\{route="trpc:system.health",method="GET",status="200"\} 1/,
    );
    expect(text).toMatch(/stockscan_emails_total\{result="sent"\} 1/);
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
  });
});

describe('latency series stay bounded', () => {
  it('tRPC paths the router does not have are one series, trpc:unknown (was one per path sent)', async () => {
    for (let i = 0; i < 20; i++) await t.request(`/trpc/no.such.path${i}`);
    await t.request('/trpc/system.health,no.such.path?batch=1', { json: { '0': {}, '1': {} } });
    const res = await t.request('/metrics', { headers: { authorization: 'Bearer metrics-secret' } });
    const text = await res.text();
    expect(text).not.toContain('no.such.path');
    expect(text).toMatch(
      /stockscan_http_request_duration_seconds_count\{route="trpc:unknown",method="GET",status="404"\} 20/,
    );
  });

  it('past the cap, new series are counted under route "other"', async () => {
    const registry = new Registry();
    const latency = new RequestLatency('probe_seconds', 'probe', [0.1, 1], registry);
    const observe = requestObserver(latency, new Set(['a', 'b', 'c']), 2);
    for (const route of ['trpc:a', 'trpc:b', 'trpc:a,b', 'trpc:c', 'trpc:a,c'])
      observe(route, 'GET', 200, 0.01);
    const text = await registry.getSingleMetricAsString('probe_seconds');
    const routes = new Set([...text.matchAll(/_count\{route="([^"]+)"/g)].map((m) => m[1]));
    expect([...routes].sort()).toEqual(['other', 'trpc:a', 'trpc:b']);
    expect(text).toContain('probe_seconds_count{route="other",method="GET",status="200"} 3');
  });
});

describe('the latency histogram', () => {
  it("exposes what prom-client's Histogram exposes for the same observations", async () => {
    const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    const ours = new Registry();
    const theirs = new Registry();
    const latency = new RequestLatency('probe_seconds', 'probe help', buckets, ours);
    const histogram = new Histogram({
      name: 'probe_seconds',
      help: 'probe help',
      labelNames: ['route', 'method', 'status'] as const,
      buckets,
      registers: [theirs],
    });
    const observe = requestObserver(latency, new Set(['a']));
    const seen: [string, string, number, number][] = [
      ['/health', 'GET', 200, 0.0004],
      ['/health', 'GET', 200, 0.005],
      ['/health', 'GET', 503, 2],
      ['trpc:a', 'POST', 200, 0.3],
      ['trpc:a', 'POST', 200, 12],
      ['/api/x', 'GET', 404, 0.07],
    ];

    for (const [route, method, status, seconds] of seen) {
      observe(route, method, status, seconds);
      histogram.labels({ route, method, status: String(status) }).observe(seconds);
    }

    expect(await ours.metrics()).toBe(await theirs.metrics());
    expect(await ours.metrics()).toContain(
      'probe_seconds_bucket{le="0.005",route="/health",method="GET",status="200"} 2',
    );
  });
});
