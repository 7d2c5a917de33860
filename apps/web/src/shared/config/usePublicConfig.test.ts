import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentPublicConfig, loadPublicConfig, resetPublicConfig } from './usePublicConfig';

const CONFIG = { trial: { plan: 'BOUTIQUE', days: 7 }, stripe_enabled: false, legal: null };

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  resetPublicConfig();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the public configuration without the tRPC client', () => {
  it('GETs the procedure once per visit and keeps its data', async () => {
    fetchMock.mockResolvedValue(answer(200, { result: { data: CONFIG } }));

    loadPublicConfig();
    loadPublicConfig();
    expect(currentPublicConfig().isFetching).toBe(true);
    await vi.runAllTimersAsync();
    loadPublicConfig();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/trpc/system.config');
    expect(currentPublicConfig()).toEqual({ data: CONFIG, error: null, isFetching: false });
  });

  it('retries an unreachable server three times (1 s, 2 s, 4 s), then reports the error; a refetch tries again', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    loadPublicConfig();
    await vi.advanceTimersByTimeAsync(6_999);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(currentPublicConfig().error).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(4);
    expect(currentPublicConfig().error).toBeInstanceOf(TypeError);
    expect(currentPublicConfig().isFetching).toBe(false);

    fetchMock.mockResolvedValue(answer(200, { result: { data: CONFIG } }));
    loadPublicConfig();
    await vi.runAllTimersAsync();
    expect(currentPublicConfig().data).toEqual(CONFIG);
    expect(currentPublicConfig().error).toBeNull();
  });

  it('a server error is reported at once, not retried', async () => {
    fetchMock.mockResolvedValue(answer(500, { error: { message: 'boom' } }));

    loadPublicConfig();
    await vi.runAllTimersAsync();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(currentPublicConfig().error?.message).toContain('500');
    expect(currentPublicConfig().data).toBeUndefined();
  });
});
