import type { Mailer } from '../integrations/sendgrid';
import type { Metrics } from './metrics';

/** Counts every send by result, whichever domain sends. */
export function countEmails(mailer: Mailer, metrics: Metrics): Mailer {
  return {
    enabled: mailer.enabled,
    async send(message) {
      const result = await mailer.send(message);
      metrics.emails.inc({ result: result.sent ? 'sent' : result.reason });
      return result;
    },
  };
}
