import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it } from 'vitest';
import { readWorkbook, seedProducts, sheetValues, usageRows } from './exports-fixtures';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

afterEach(() => {
  t.clock.set(NOW);
  t.fakes.sendgrid.reset();
  t.fakes.sendgrid.handle((req) =>
    req.method === 'POST' && req.path === '/v3/mail/send'
      ? { status: 202, text: '' }
      : { status: 404, json: {} },
  );
});

async function barOf(plan: 'ESSENTIEL' | 'BOUTIQUE' | 'PRO') {
  const f = await createTenantFixture(t.db, t.config, { plan, name: 'Bistrot Chez Léa' });
  const bar = f.services[0]!;
  await seedProducts(t.db, f.tenantId, bar.id, [
    { name: 'Gin', purchase_price: 20, counts: { [MONTH]: { quantity: 3 } } },
    { name: 'Rhum', purchase_price: 25, counts: { [MONTH]: { quantity: 1 } } },
  ]);
  return { ...f, bar };
}

async function trpcError(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return (error as TRPCClientError<never>).data as unknown as { code: string; http_status: number };
}

interface SendGridBody {
  personalizations: { to: { email: string }[] }[];
  subject: string;
  content: { type: string; value: string }[];
  attachments: { filename: string; type: string; content: string; disposition: string }[];
}

describe('exports.prepare → signed download link', () => {
  it('checks now, counts nothing, and returns a 5-minute single-use link the browser opens without a bearer', async () => {
    const f = await barOf('BOUTIQUE');

    const link = await t.trpc(f.owner.token).exports.prepare.mutate({ service: f.bar.id, month: MONTH });

    expect(link).toMatchObject({
      path: expect.stringMatching(/^\/api\/export-excel\/download\?token=[\w.-]+$/),
      expires_at: '2026-11-15T10:05:00.000Z',
      filename: expect.stringMatching(/^inventaire_2026-11_tenant-[0-9a-f]+_bar\.xlsx$/),
      format: 'xlsx',
      content_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      quota: { limit: 30, used: 0, remaining: 30 },
    });
    expect(link.url).toBe(`${t.url}${link.path}`);
    expect(await usageRows(t.db, f.tenantId)).toEqual([]);

    const download = await fetch(link.url);

    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${link.filename}"`);
    const rows = sheetValues((await readWorkbook(await download.arrayBuffer())).getWorksheet('Inventaire')!);
    expect(rows.slice(2, 4).map((r) => [r[0], r[3]])).toEqual([
      ['Gin', 3],
      ['Rhum', 1],
    ]);
    expect(await usageRows(t.db, f.tenantId)).toMatchObject([{ kind: 'export_xlsx' }]);

    // Single use: the link is in logs and histories once opened.
    const again = await fetch(link.url);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(await usageRows(t.db, f.tenantId)).toHaveLength(1);
  });

  it('an expired, tampered or foreign token answers 401 TOKEN_INVALID as JSON', async () => {
    const f = await barOf('PRO');
    const link = await t.trpc(f.owner.token).exports.prepare.mutate({ service: f.bar.id, format: 'csv' });

    const tampered = await t.request(`${link.path.slice(0, -4)}AAAA`);
    const accessToken = await t.request(`/api/export-excel/download?token=${f.owner.token}`);
    t.clock.set(new Date(NOW.getTime() + 5 * 60_000 + 1_000));
    const expired = await t.request(link.path);

    for (const res of [tampered, accessToken, expired]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'TOKEN_INVALID' });
    }
    expect(await usageRows(t.db, f.tenantId)).toEqual([]);
  });

  it('a download link is not an access token', async () => {
    const f = await barOf('PRO');
    const link = await t.trpc(f.owner.token).exports.prepare.mutate({ service: f.bar.id });
    const token = decodeURIComponent(link.path.split('token=')[1]!);

    const res = await t.request('/api/auth/me/org/entitlements', { token });

    expect(res.status).toBe(401);
  });

  it('a member removed after prepare cannot use the link', async () => {
    const f = await barOf('PRO');
    const link = await t.trpc(f.owner.token).exports.prepare.mutate({ service: f.bar.id });
    await t.db
      .updateTable('memberships')
      .set({ status: 'DISABLED' })
      .where('user_id', '=', f.owner.id)
      .execute();

    const res = await t.request(link.path);

    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('at the limit, prepare itself refuses with LIMIT_EXPORT_XLSX_MONTH (the page shows it, no download)', async () => {
    const f = await barOf('ESSENTIEL');
    const first = await t.request(`/api/export-excel/?service=${f.bar.id}`, { token: f.owner.token });
    expect(first.status).toBe(200);

    const data = await trpcError(t.trpc(f.owner.token).exports.prepare.mutate({ service: f.bar.id }));

    expect(data).toMatchObject({ code: 'LIMIT_EXPORT_XLSX_MONTH', http_status: 403 });
  });
});

describe('email (PRO exports_email)', () => {
  it('REST: the file is mailed as a SendGrid attachment and downloaded; the header says it was sent', async () => {
    const f = await barOf('PRO');

    const res = await t.request(
      `/api/export-excel/?service=${f.bar.id}&email=Compta@Example.test&message=${encodeURIComponent('Pour la clôture')}`,
      { token: f.owner.token },
    );

    expect(res.status).toBe(200);
    expect(res.headers.get('x-export-email')).toBe('sent');
    const downloaded = Buffer.from(await res.arrayBuffer());
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
    const mail = t.fakes.sendgrid.requests[0]!.json as SendGridBody;
    expect(mail.personalizations[0]?.to).toEqual([{ email: 'compta@example.test' }]);
    expect(mail.subject).toBe('Inventaire 11/2026 — Bistrot Chez Léa — StockScan');
    expect(mail.content[0]?.value).toMatch(/^Pour la clôture\n\nVous trouverez ci-joint/);
    const attachment = mail.attachments[0]!;
    expect(attachment).toMatchObject({
      filename: expect.stringMatching(/^inventaire_2026-11_.*_bar\.xlsx$/),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: 'attachment',
    });
    const attached = Buffer.from(attachment.content, 'base64');
    expect(attached.equals(downloaded)).toBe(true);
    const workbook = await readWorkbook(attached);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Inventaire', 'Synthèse', 'Consommation']);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('meta')
      .where('tenant_id', '=', f.tenantId)
      .where('action', '=', 'export.create')
      .executeTakeFirstOrThrow();
    expect(audit.meta).toMatchObject({ email_to: 'compta@example.test', email_sent: true });
  });

  it('a failed send is reported in the header and still downloads and counts', async () => {
    const f = await barOf('PRO');
    t.fakes.sendgrid.handle(() => ({ status: 500, json: { errors: [{ message: 'boom' }] } }));

    const res = await t.request(
      `/api/export-excel/?service=${f.bar.id}&format=csv&email=compta@example.test`,
      {
        token: f.owner.token,
      },
    );

    expect(res.status).toBe(200);
    expect(res.headers.get('x-export-email')).toBe('failed');
    expect(res.headers.get('x-export-email-error')).toBe('error');
    expect((await res.text()).split('\r\n')[1]).toMatch(/^Gin;/);
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
    expect(await usageRows(t.db, f.tenantId)).toMatchObject([{ kind: 'export_csv' }]);
  });

  it('tRPC exports.email: produces, counts and mails; the JSON says whether it went out', async () => {
    const f = await barOf('PRO');

    const result = await t.trpc(f.owner.token).exports.email.mutate({
      service: f.bar.id,
      format: 'csv',
      email: 'compta@example.test',
    });

    expect(result).toEqual({
      filename: expect.stringMatching(/_bar\.csv$/),
      rows: 2,
      email: { to: 'compta@example.test', sent: true, reason: null },
    });
    const mail = t.fakes.sendgrid.requests[0]!.json as SendGridBody;
    const csv = Buffer.from(mail.attachments[0]!.content, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFFNom;Catégorie;')).toBe(true);
    expect(await usageRows(t.db, f.tenantId)).toHaveLength(1);
  });

  it('BOUTIQUE asking for an email → 403 FEATURE_NOT_INCLUDED before anything is produced or sent', async () => {
    const f = await barOf('BOUTIQUE');

    const res = await t.request(`/api/export-excel/?service=${f.bar.id}&email=compta@example.test`, {
      token: f.owner.token,
    });
    const data = await trpcError(
      t.trpc(f.owner.token).exports.email.mutate({ service: f.bar.id, email: 'compta@example.test' }),
    );

    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'FEATURE_NOT_INCLUDED', upgrade_to: 'PRO' });
    expect(data).toMatchObject({ code: 'FEATURE_NOT_INCLUDED', http_status: 403 });
    expect(t.fakes.sendgrid.requests).toEqual([]);
    expect(await usageRows(t.db, f.tenantId)).toEqual([]);
  });
});
