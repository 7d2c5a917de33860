import { useTestDb } from '@stockscan/db/testing/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createMailer } from '../src/integrations/sendgrid';
import { buildServer, redactQuery } from '../src/server';

const testDb = await useTestDb();
const lines: string[] = [];
const config = loadConfig({ APP_SECRET: 'logging-secret-logging-secret-012345', LOG_LEVEL: 'info' });
const app = await buildServer(
  config,
  { db: testDb.db, stripe: null, openai: null, mailer: createMailer(config), now: () => new Date() },
  { logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } },
);
afterAll(() => app.close());

describe('request logs', () => {
  it('never contain tokens carried in the query string or the Authorization header', async () => {
    await app.inject({
      method: 'GET',
      url: '/api/export-excel/download?token=eyJsecret.link.token&x=1',
      headers: { authorization: 'Bearer eyJsecret.access.token' },
    });
    const text = lines.join('\n');
    expect(text).toContain('/api/export-excel/download?token=[redacted]&x=1');
    expect(text).not.toContain('eyJsecret');
  });

  it('redactQuery keeps the other parameters', () => {
    expect(redactQuery('/invitation/accept?token=abc')).toBe('/invitation/accept?token=[redacted]');
    expect(redactQuery('/billing/success?session_id=cs_1&lang=en')).toBe(
      '/billing/success?session_id=[redacted]&lang=en',
    );
    expect(redactQuery('/api/export-excel/?service=all&format=xlsx')).toBe(
      '/api/export-excel/?service=all&format=xlsx',
    );
  });
});
