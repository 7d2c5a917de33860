import sgClient from '@sendgrid/client';
import sgMail from '@sendgrid/mail';
import type { Config } from '../config';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  type: string;
}

export interface MailMessage {
  /** Several addresses are sent one personalization each: no recipient sees the others. */
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** Where replies go (an order to a supplier: the manager who sent it). */
  replyTo?: string;
}

export type MailResult =
  | { sent: true }
  | { sent: false; reason: 'disabled' | 'error' | 'timeout'; error?: string };

/** Sends mail; never throws — callers decide what a failed send means. */
export interface Mailer {
  readonly enabled: boolean;
  send(message: MailMessage): Promise<MailResult>;
}

const SEND_TIMEOUT_MS = 5_000;

// The packages export singletons; their classes hang off them (untyped), so each server gets its own client.
const SendGridClient = (sgClient as unknown as { Client: new () => typeof sgClient }).Client;
const SendGridMail = (sgMail as unknown as { MailService: new () => typeof sgMail }).MailService;

/** The only place the SendGrid SDK is built; SENDGRID_API_BASE_URL points it at a fake. */
export function createMailer(config: Config, timeoutMs = SEND_TIMEOUT_MS): Mailer {
  const { apiKey, fromEmail, apiBaseUrl } = config.sendgrid;
  if (!apiKey || !fromEmail)
    return { enabled: false, send: async () => ({ sent: false, reason: 'disabled' }) };

  const client = new SendGridClient();
  client.setApiKey(apiKey);
  if (apiBaseUrl)
    client.setDefaultRequest('baseUrl', apiBaseUrl.endsWith('/') ? apiBaseUrl : `${apiBaseUrl}/`);
  const mail = new SendGridMail();
  mail.setClient(client);

  return {
    enabled: true,
    async send(message) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<MailResult>((resolve) => {
        timer = setTimeout(() => resolve({ sent: false, reason: 'timeout' }), timeoutMs);
      });
      const attempt = mail
        .send(
          {
            to: message.to,
            from: fromEmail,
            subject: message.subject,
            text: message.text,
            ...(message.html ? { html: message.html } : {}),
            ...(message.replyTo ? { replyTo: message.replyTo } : {}),
            ...(message.attachments
              ? {
                  attachments: message.attachments.map((a) => ({
                    filename: a.filename,
                    type: a.type,
                    content: a.content.toString('base64'),
                    disposition: 'attachment',
                  })),
                }
              : {}),
          },
          Array.isArray(message.to),
        )
        .then((): MailResult => ({ sent: true }))
        .catch(
          (error: unknown): MailResult => ({
            sent: false,
            reason: 'error',
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      try {
        return await Promise.race([attempt, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
