import type { ExportEmailStatus } from '@stockscan/contracts';
import type { Mailer } from '../integrations/sendgrid';
import type { ExportPlan } from './export-plan';

/**
 * Sends the produced file as a SendGrid attachment (PRO `exports_email`), text only, one personalization per
 * recipient (they do not see each other's address); never throws.
 */
export async function mailExport(
  mailer: Mailer,
  plan: ExportPlan,
  email: { to: string[]; message: string | null },
  file: Buffer,
  rows: number,
): Promise<ExportEmailStatus> {
  const intro = email.message ? `${email.message}\n\n` : '';
  const result = await mailer.send({
    to: email.to,
    subject: `${plan.heading} — StockScan`,
    text:
      `${intro}Vous trouverez ci-joint l’export « ${plan.title} » ` +
      `(${rows} ${rows > 1 ? 'lignes' : 'ligne'}, fichier ${plan.filename}).\n\n— StockScan`,
    attachments: [{ filename: plan.filename, content: file, type: plan.contentType }],
  });
  const to = email.to.join(', ');
  return result.sent ? { to, sent: true, reason: null } : { to, sent: false, reason: result.reason };
}
