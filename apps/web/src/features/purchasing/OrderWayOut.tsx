import type { PurchaseOrder } from '@stockscan/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { om } from './order-messages';

/** Why an order went out without a mail (the send's answer). */
export type NotMailed = 'disabled' | 'no_email' | 'manual' | 'error' | 'timeout';

const NOT_MAILED_KEY = {
  disabled: 'not_mailed_disabled',
  no_email: 'not_mailed_no_email',
  manual: 'not_mailed_manual',
  error: 'not_mailed_error',
  timeout: 'not_mailed_error',
} as const satisfies Record<NotMailed, string>;

/** Saves a file the API sent as base64 (an order is a few kilobytes). */
function saveFile(file: { filename: string; content_type: string; content_base64: string }) {
  const bytes = Uint8Array.from(atob(file.content_base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.content_type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Not mailed: the order as Excel or CSV, and its text to copy into a message — never lost. */
export function ManualWayOut({ order, reason }: { order: PurchaseOrder; reason: NotMailed }) {
  const t = useT(om);
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const text = useQuery(trpc.purchasing.orders.file.queryOptions({ id: order.id, format: 'csv' }));
  const download = (format: 'xlsx' | 'csv') =>
    queryClient
      .fetchQuery(trpc.purchasing.orders.file.queryOptions({ id: order.id, format }))
      .then(saveFile, showError);
  const message = text.data?.message.text ?? '';
  return (
    <div className="order-way-out">
      <p>{t(NOT_MAILED_KEY[reason])}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void download('xlsx')}>
          {t('download_xlsx')}
        </button>
        <button type="button" className="button" onClick={() => void download('csv')}>
          {t('download_csv')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!message}
          onClick={() =>
            void navigator.clipboard.writeText(message).then(
              () => toast.ok(t('copied')),
              () => undefined,
            )
          }
        >
          {t('copy_text')}
        </button>
      </div>
      <label htmlFor={`${ids}-text`}>{t('message_label')}</label>
      <textarea id={`${ids}-text`} readOnly rows={8} value={message} />
    </div>
  );
}
