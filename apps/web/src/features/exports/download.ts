import type { Locale } from '@stockscan/contracts';
import { type Denial, normalizePlanCode } from '@stockscan/entitlements';
import { isPlanRefusal } from '../../shared/feedback/describe-error';

/** A refusal of the signed download link, as the server's JSON body told it (SPEC §5). */
export class DownloadRefused extends Error {
  constructor(
    readonly code: string,
    readonly detail: string | null,
    readonly upgradeTo: string | null,
    readonly limit: number | null,
  ) {
    super(detail ?? code);
    this.name = 'DownloadRefused';
  }
}

/** A plan refusal of the download in the shape the shared error UI explains (sentence + upgrade). */
export function asDenial(refused: DownloadRefused): Denial | null {
  if (!isPlanRefusal(refused.code)) return null;
  // The server already answered in the user's language (Accept-Language): both sides carry it.
  const text = refused.detail ?? refused.code;
  return {
    ok: false,
    code: refused.code,
    limit: refused.limit,
    current: 0,
    message: { fr: text, en: text },
    upgrade_to: normalizePlanCode(refused.upgradeTo),
  };
}

async function refusalOf(response: Response): Promise<DownloadRefused> {
  try {
    const body = (await response.json()) as {
      code?: unknown;
      detail?: unknown;
      upgrade_to?: unknown;
      limit?: unknown;
    };
    return new DownloadRefused(
      typeof body.code === 'string' ? body.code : 'INTERNAL',
      typeof body.detail === 'string' ? body.detail : null,
      typeof body.upgrade_to === 'string' ? body.upgrade_to : null,
      typeof body.limit === 'number' ? body.limit : null,
    );
  } catch {
    // A proxy's HTML error page: no code of ours.
    return new DownloadRefused(response.status >= 500 ? 'INTERNAL' : 'UNKNOWN', null, null, null);
  }
}

export interface FetchFileOptions {
  locale: Locale;
  signal?: AbortSignal;
  /** Called as bytes arrive; `total` is null while the server streams without a length. */
  onProgress?: (received: number, total: number | null) => void;
  fetcher?: typeof fetch;
}

/**
 * Downloads the signed link into memory, reporting progress. The link carries its own short-lived token:
 * no bearer header, no credentials. A JSON refusal (quota spent in between, link expired) throws
 * DownloadRefused; a cut connection throws the fetch error (nothing truncated is ever returned).
 */
export async function fetchExportFile(url: string, options: FetchFileOptions): Promise<Blob> {
  const fetcher = options.fetcher ?? fetch;
  const response = await fetcher(url, {
    headers: { 'accept-language': options.locale },
    credentials: 'omit',
    cache: 'no-store',
    signal: options.signal,
  });
  if (!response.ok) throw await refusalOf(response);
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (!response.body) {
    const blob = await response.blob();
    options.onProgress?.(blob.size, total);
    return blob;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  options.onProgress?.(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    options.onProgress?.(received, total);
  }
  return new Blob(chunks as BlobPart[], { type });
}

/** Hands the file to the browser's download (an `<a download>` click); returns the object URL to reuse. */
export function saveFile(blob: Blob, filename: string): string {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  return href;
}

export function formatSize(locale: Locale, bytes: number): string {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  if (bytes < 1024 * 1024) {
    const kb = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024));
    return locale === 'fr' ? `${kb} Ko` : `${kb} KB`;
  }
  const mb = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
  return locale === 'fr' ? `${mb} Mo` : `${mb} MB`;
}
