import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { requestObserver } from '../src/observability/metrics';
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
    const histogram = new Histogram({
      name: 'probe_seconds',
      help: 'probe',
      labelNames: ['route', 'method', 'status'] as const,
      registers: [registry],
    });
    const observe = requestObserver(histogram, new Set(['a', 'b', 'c']), 2);
    for (const route of ['trpc:a', 'trpc:b', 'trpc:a,b', 'trpc:c', 'trpc:a,c'])
      observe(route, 'GET', 200, 0.01);
    const text = await registry.getSingleMetricAsString('probe_seconds');
    const routes = new Set([...text.matchAll(/_count\{route="([^"]+)"/g)].map((m) => m[1]));
    expect([...routes].sort()).toEqual(['other', 'trpc:a', 'trpc:b']);
    expect(text).toContain('probe_seconds_count{route="other",method="GET",status="200"} 3');
  });
});
