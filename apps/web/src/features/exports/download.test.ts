import { describe, expect, it } from 'vitest';
import { asDenial, DownloadRefused, fetchExportFile, formatSize } from './download';
import { monthChoices } from './months';

function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

describe('fetchExportFile', () => {
  it('downloads the signed link without credentials, in the user language, reporting bytes as they come', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const progress: [number, number | null][] = [];
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(streamOf(['Nom;Quantité\n', 'Gin;2\n']), {
        status: 200,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
    }) as typeof fetch;

    const blob = await fetchExportFile('/api/export-excel/download?token=abc', {
      locale: 'en',
      fetcher,
      onProgress: (received, total) => progress.push([received, total]),
    });

    expect(await blob.text()).toBe('Nom;Quantité\nGin;2\n');
    expect(blob.type).toBe('text/csv; charset=utf-8');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/export-excel/download?token=abc');
    expect(calls[0]?.init?.credentials).toBe('omit');
    expect(calls[0]?.init?.headers).toEqual({ 'accept-language': 'en' });
    expect(progress.map(([received]) => received)).toEqual([0, 14, 20]);
    expect(progress.every(([, total]) => total === null)).toBe(true);
  });

  it('turns a JSON quota refusal into a denial with its upgrade plan', async () => {
    const fetcher = (async () =>
      Response.json(
        {
          code: 'LIMIT_EXPORT_XLSX_MONTH',
          detail: 'Vous avez utilisé votre export Excel du mois.',
          limit: 1,
          upgrade_to: 'BOUTIQUE',
        },
        { status: 403 },
      )) as typeof fetch;

    const error = await fetchExportFile('/x', { locale: 'fr', fetcher }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownloadRefused);
    const denial = asDenial(error as DownloadRefused);
    expect(denial).toEqual({
      ok: false,
      code: 'LIMIT_EXPORT_XLSX_MONTH',
      limit: 1,
      current: 0,
      message: {
        fr: 'Vous avez utilisé votre export Excel du mois.',
        en: 'Vous avez utilisé votre export Excel du mois.',
      },
      upgrade_to: 'BOUTIQUE',
    });
  });

  it('keeps non-plan refusals (expired link, proxy page) out of the plan wording', async () => {
    const expired = (async () =>
      Response.json({ code: 'TOKEN_INVALID', detail: 'Lien expiré.' }, { status: 401 })) as typeof fetch;
    const proxy = (async () => new Response('<html>Bad gateway</html>', { status: 502 })) as typeof fetch;

    const a = (await fetchExportFile('/x', { locale: 'fr', fetcher: expired }).catch(
      (e: unknown) => e,
    )) as DownloadRefused;
    const b = (await fetchExportFile('/x', { locale: 'fr', fetcher: proxy }).catch(
      (e: unknown) => e,
    )) as DownloadRefused;

    expect([a.code, b.code]).toEqual(['TOKEN_INVALID', 'INTERNAL']);
    expect(asDenial(a)).toBeNull();
    expect(asDenial(b)).toBeNull();
  });
});

describe('monthChoices', () => {
  const now = new Date(2026, 10, 20); // 20 November 2026, local clock

  it('offers 24 months newest first when history is unlimited', () => {
    const months = monthChoices(null, now);
    expect(months).toHaveLength(24);
    expect(months.slice(0, 3)).toEqual(['2026-11', '2026-10', '2026-09']);
    expect(months.at(-1)).toBe('2024-12');
  });

  it('stops at the oldest month the plan may still read', () => {
    expect(monthChoices('2026-10', now)).toEqual(['2026-11', '2026-10']);
  });
});

describe('formatSize', () => {
  it('speaks Ko/Mo in French and KB/MB in English', () => {
    expect(formatSize('fr', 300)).toBe('1 Ko');
    expect(formatSize('fr', 1.5 * 1024 * 1024)).toBe('1,5 Mo');
    expect(formatSize('en', 200 * 1024)).toBe('200 KB');
  });
});
