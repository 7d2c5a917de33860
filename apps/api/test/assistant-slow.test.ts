import { describe, expect, it } from 'vitest';
import { seedBar } from './assistant-helpers';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

/** The production budget (AI_TIMEOUT_MS default 10 s): slow by nature, run with ASSISTANT_SLOW_TESTS=1. */
const slow = process.env.ASSISTANT_SLOW_TESTS === '1';
const t = slow ? await startTestApp() : null;

describe.runIf(slow)('assistant with the default 10 s timeout', () => {
  it.each([
    ['OpenAI hangs', 1],
    ['a 500, then the retry hangs', 2],
  ] as const)('%s → 200 fallback within 12 s', { timeout: 30_000 }, async (_, calls) => {
    if (!t) return;
    t.fakes.openai.reset();
    let seen = 0;
    t.fakes.openai.handle(() => (++seen === 1 && calls === 2 ? { status: 500, json: {} } : { hang: true }));
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO' });
    await seedBar(t.db, f.tenantId, f.services[0]?.id as string);
    const started = performance.now();
    const res = await t.request('/api/ai/assistant/', { method: 'POST', token: f.owner.token, json: {} });
    const elapsed = performance.now() - started;
    console.info(`assistant fallback after ${Math.round(elapsed)} ms (${calls} call(s))`);

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mode: 'fallback' });
    expect(t.fakes.openai.requests).toHaveLength(calls);
    expect(elapsed).toBeGreaterThan(9_000);
    expect(elapsed).toBeLessThan(12_500);
  });
});
