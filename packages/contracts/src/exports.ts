import { z } from 'zod';
import { Month, Uuid } from './primitives';

/** Exports domain (SPEC §4 quotas and `exports_email`, §7 `/api/export-excel/`, §9 second bullet). */

export const ExportFormat = z.enum(['xlsx', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Which counted containers to export: sealed only, opened only, or both. */
export const ExportMode = z.enum(['sealed', 'opened', 'all']);
export type ExportMode = z.infer<typeof ExportMode>;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** At most this many recipients per emailed file (an export is a file for an accountant, not a mailing). */
export const MAX_EXPORT_RECIPIENTS = 5;

/**
 * One to five addresses: "compta@x.fr, patron@y.fr" (commas, semicolons or spaces) or a list (a repeated
 * `email=` in a query string). Lower-cased, duplicates dropped.
 */
export const Recipients = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => [
    ...new Set(
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(/[\s,;]+/))
        .map((part) => part.trim().toLowerCase())
        .filter((part) => part !== ''),
    ),
  ])
  .pipe(
    z
      .array(z.email({ message: 'Adresse e-mail invalide.' }))
      .min(1, { message: 'Adresse e-mail invalide.' })
      .max(MAX_EXPORT_RECIPIENTS, { message: `${MAX_EXPORT_RECIPIENTS} destinataires au maximum.` }),
  );
export type Recipients = z.infer<typeof Recipients>;

/**
 * The note above the file: plain text only (no markup: the mail has no HTML part, and our domain is not a
 * relay for formatted mail), printable characters and line breaks.
 */
export const ExportMessage = z
  .string()
  .trim()
  .max(2000, { message: '2000 caractères au maximum.' })
  .refine((text) => !/<\/?[a-z!][^>]*>/i.test(text), {
    message: 'Texte simple uniquement, sans balises HTML.',
  })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), {
    message: 'Le message contient des caractères non imprimables.',
  });

const ExportRequestFields = z.object({
  service: z.union([Uuid, z.literal('all')]).default('all'),
  month: Month.optional(),
  from: Month.optional(),
  to: Month.optional(),
  format: ExportFormat.default('xlsx'),
  mode: ExportMode.default('all'),
  email: Recipients.optional(),
  message: ExportMessage.optional(),
});

type Checked = Partial<Record<'month' | 'from' | 'to' | 'message', string | undefined>> & {
  email?: string[] | undefined;
};

function checkPeriod(r: Checked, ctx: z.RefinementCtx) {
  if (r.month && (r.from || r.to))
    ctx.addIssue({ code: 'custom', path: ['month'], message: 'Un mois ou une période, pas les deux.' });
  if (Boolean(r.from) !== Boolean(r.to))
    ctx.addIssue({
      code: 'custom',
      path: [r.from ? 'to' : 'from'],
      message: 'Une période demande un mois de début et un mois de fin.',
    });
  if (r.from && r.to && r.from > r.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'Le mois de fin précède le mois de début.' });
  if (r.message && !r.email)
    ctx.addIssue({
      code: 'custom',
      path: ['message'],
      message: 'Un message accompagne un envoi par e-mail.',
    });
}

/**
 * What to export. `month` (default: the current month) or a `from`–`to` range of months, never both.
 * `email` (PRO `exports_email`) also sends the file as an attachment, with an optional `message`.
 * The same schema parses the REST query string and the tRPC input.
 */
export const ExportRequest = ExportRequestFields.superRefine(checkPeriod);
export type ExportRequest = z.infer<typeof ExportRequest>;
export type ExportRequestInput = z.input<typeof ExportRequest>;

/** `exports.prepare`: no email (a link is for the browser; `exports.email` mails), so no address in URLs. */
export const ExportPrepareInput = ExportRequestFields.omit({ email: true, message: true }).superRefine(
  checkPeriod,
);
export type ExportPrepareInput = z.infer<typeof ExportPrepareInput>;

export const ExportDownloadQuery = z.object({ token: z.string().min(1).max(4000) });

export const ExportQuota = z.object({
  /** null = unlimited. */
  limit: z.number().int().nullable(),
  used: z.number().int(),
  remaining: z.number().int().nullable(),
});
export type ExportQuota = z.infer<typeof ExportQuota>;

/** A signed, short-lived link the browser downloads without a bearer token. */
export const ExportPrepareResult = z.object({
  url: z.string(),
  /** The same link relative to the API origin. */
  path: z.string(),
  expires_at: z.string(),
  filename: z.string(),
  format: ExportFormat,
  content_type: z.string(),
  /** Quota of the format before this export (it is consumed when the file is produced). */
  quota: ExportQuota,
});
export type ExportPrepareResult = z.infer<typeof ExportPrepareResult>;

/** `exports.email`: the file is produced and mailed, not downloaded. */
export const ExportEmailInput = ExportRequestFields.extend({ email: Recipients }).superRefine(checkPeriod);
export type ExportEmailInput = z.infer<typeof ExportEmailInput>;

export const ExportEmailStatus = z.object({
  /** The recipients, comma-separated as shown to the user. */
  to: z.string(),
  sent: z.boolean(),
  /** Why the send failed (`disabled`, `error`, `timeout`), null when sent. */
  reason: z.string().nullable(),
});
export type ExportEmailStatus = z.infer<typeof ExportEmailStatus>;

export const ExportEmailResult = z.object({
  filename: z.string(),
  rows: z.number().int(),
  email: ExportEmailStatus,
});
export type ExportEmailResult = z.infer<typeof ExportEmailResult>;
