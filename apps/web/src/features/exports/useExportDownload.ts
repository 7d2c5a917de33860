import type { ExportRequestInput } from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocale } from '../../i18n/i18n';
import { apiBase, useTRPC } from '../../lib/trpc';
import { useRefreshEntitlements } from '../entitlements/useEntitlements';
import { fetchExportFile, saveFile } from './download';

export type DownloadPhase =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'producing'; filename: string }
  | { step: 'receiving'; filename: string; received: number; total: number | null }
  | { step: 'done'; filename: string; href: string }
  | { step: 'cancelled' }
  /** A tRPC refusal of `exports.prepare`, a DownloadRefused from the link, or a network error. */
  | { step: 'failed'; error: unknown };

export function isBusy(phase: DownloadPhase): boolean {
  return phase.step === 'checking' || phase.step === 'producing' || phase.step === 'receiving';
}

/**
 * `exports.prepare` checks the request and signs a 5-minute link; the file is then fetched from that link
 * (no bearer token in the URL or the request) with progress, and handed to the browser as a download.
 */
export function useExportDownload() {
  const trpc = useTRPC();
  const { locale } = useLocale();
  const refreshEntitlements = useRefreshEntitlements();
  const { mutateAsync: prepare } = useMutation(trpc.exports.prepare.mutationOptions());
  const [phase, setPhase] = useState<DownloadPhase>({ step: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  const hrefRef = useRef<string | null>(null);
  const lastRequest = useRef<ExportRequestInput | null>(null);

  const releaseFile = useCallback(() => {
    if (hrefRef.current) URL.revokeObjectURL(hrefRef.current);
    hrefRef.current = null;
  }, []);

  useEffect(
    () => () => {
      abortRef.current?.abort();
      releaseFile();
    },
    [releaseFile],
  );

  const start = useCallback(
    async (request: ExportRequestInput) => {
      abortRef.current?.abort();
      releaseFile();
      const controller = new AbortController();
      abortRef.current = controller;
      lastRequest.current = request;
      // A cancel or a newer export takes over: this run stops touching the screen.
      const show = (next: DownloadPhase) => {
        if (abortRef.current === controller && !controller.signal.aborted) setPhase(next);
      };
      setPhase({ step: 'checking' });
      try {
        const prepared = await prepare(request);
        const { filename } = prepared;
        show({ step: 'producing', filename });
        const blob = await fetchExportFile(`${apiBase}${prepared.path}`, {
          locale,
          signal: controller.signal,
          onProgress: (received, total) =>
            show(
              received > 0
                ? { step: 'receiving', filename, received, total }
                : { step: 'producing', filename },
            ),
        });
        if (abortRef.current !== controller || controller.signal.aborted) return;
        hrefRef.current = saveFile(blob, filename);
        setPhase({ step: 'done', filename, href: hrefRef.current });
      } catch (error) {
        show({ step: 'failed', error });
      } finally {
        // Counted on success, given back on failure, maybe counted on a cancel: show what the server says.
        void refreshEntitlements();
      }
    },
    [prepare, locale, releaseFile, refreshEntitlements],
  );

  const cancel = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = null;
    setPhase({ step: 'cancelled' });
  }, []);
  const retry = useCallback(() => {
    if (lastRequest.current) void start(lastRequest.current);
  }, [start]);
  const dismiss = useCallback(() => setPhase({ step: 'idle' }), []);

  return { phase, start, cancel, retry, dismiss };
}
