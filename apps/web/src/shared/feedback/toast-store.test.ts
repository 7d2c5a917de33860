import { afterEach, describe, expect, it, vi } from 'vitest';
import { dismissToast, getToasts, showToast } from './toast-store';

afterEach(() => {
  for (const t of getToasts()) dismissToast(t.id);
  vi.useRealTimers();
});

describe('toast store', () => {
  it('keeps errors until dismissed and lets successes go by themselves', () => {
    vi.useFakeTimers();
    const error = showToast({ kind: 'error', message: 'Pas de connexion', action: null });
    showToast({ kind: 'ok', message: 'Enregistré', action: null });
    vi.advanceTimersByTime(60_000);
    expect(getToasts().map((t) => t.message)).toEqual(['Pas de connexion']);
    dismissToast(error);
    expect(getToasts()).toEqual([]);
  });

  it('does not stack the same message twice and keeps at most three', () => {
    for (const message of ['a', 'b', 'a', 'c', 'd']) showToast({ kind: 'error', message, action: null });
    expect(getToasts().map((t) => t.message)).toEqual(['a', 'c', 'd']);
  });
});
