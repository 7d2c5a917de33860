import { describe, expect, it } from 'vitest';
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
