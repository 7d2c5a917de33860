import type { InviteResult } from '@stockscan/contracts';
import { expect } from 'vitest';
import { signAccessToken } from '../src/request/access-token';
import type { TestApp } from './test-server';

/** Raw token of an invite link (the only place it exists). */
export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** A fresh access token at the app's clock (fixture tokens expire when a test moves the clock). */
export function tokenAt(t: TestApp, userId: string, tenantId: string): Promise<string> {
  return signAccessToken({ userId, tenantId }, t.config.appSecret, t.clock.now);
}

/** Owner invites through REST; asserts the 201. */
export async function inviteOk(
  t: TestApp,
  ownerToken: string,
  json: { email: string; role: string; service_id?: string | null },
): Promise<InviteResult> {
  const res = await t.request('/api/auth/memberships/', { token: ownerToken, json });
  const body = (await res.json()) as InviteResult;
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body;
}

export async function errorOf(res: Response): Promise<{ status: number; code: string }> {
  const body = (await res.json()) as { code: string };
  return { status: res.status, code: body.code };
}

/** The invitation link the fake SendGrid last received for `to` (the only copy carrying the email proof). */
export function emailedLinkTo(t: TestApp, to: string): string {
  const mails = t.fakes.sendgrid.requests
    .map((r) => r.json as { personalizations: { to: { email: string }[] }[]; content: { value: string }[] })
    .filter((m) => m.personalizations[0]?.to[0]?.email === to.toLowerCase());
  const text = mails.at(-1)?.content[0]?.value ?? '';
  const link = /https?:\/\/\S+\/invitation\/accept\?\S+/.exec(text)?.[0];
  if (!link) throw new Error(`no invitation email to ${to}`);
  return link;
}
