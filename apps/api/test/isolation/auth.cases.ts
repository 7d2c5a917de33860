import type { IsolationCase } from './harness';

/** Accounts and sessions: public flows, own-account flows, and switching into another tenant (404). */
export const cases: IsolationCase[] = [
  // register / login / refresh / logout: no tenant id in the input; they only ever answer about the caller.
  {
    kind: 'trpc',
    path: 'auth.register',
    expect: 'public',
    call: (fx) => fx.anonymous.trpc.auth.register.mutate(fx.registration()),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/register/',
    expect: 'public',
    call: (fx) => fx.anonymous.rest('POST', '/api/auth/register/', fx.registration()),
  },
  {
    kind: 'trpc',
    path: 'auth.login',
    expect: 'public',
    name: 'a fresh account logs in',
    call: async (fx) => {
      const account = await fx.newAccount();
      return fx.anonymous.trpc.auth.login.mutate({ username: account.username, password: account.password });
    },
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/login/',
    expect: 'public',
    name: "wrong password for A's owner",
    call: (fx) =>
      fx.b.owner.rest('POST', '/api/auth/login/', { username: 'alpha-nobody', password: 'wrong-one' }),
  },
  {
    kind: 'trpc',
    path: 'auth.refresh',
    expect: 'public',
    call: async (fx) => {
      const account = await fx.newAccount();
      return account.trpc.auth.refresh.mutate({ refresh: account.refresh });
    },
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/refresh/',
    expect: 'public',
    name: 'unknown token',
    call: (fx) => fx.b.owner.rest('POST', '/api/auth/refresh/', { refresh: 'not-a-refresh-token' }),
  },
  {
    kind: 'trpc',
    path: 'auth.logout',
    expect: 'public',
    call: async (fx) => {
      const account = await fx.newAccount();
      return account.trpc.auth.logout.mutate({ refresh: account.refresh });
    },
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/logout/',
    expect: 'public',
    call: (fx) => fx.b.owner.rest('POST', '/api/auth/logout/', { refresh: 'not-a-refresh-token' }),
  },
  // resendVerification: only ever the caller's own address (no id in the input).
  {
    kind: 'trpc',
    path: 'auth.resendVerification',
    expect: 'own-tenant-only',
    call: (fx) => fx.b.owner.trpc.auth.resendVerification.mutate(),
  },
  // me: only the caller's own tenant and memberships.
  { kind: 'trpc', path: 'auth.me', expect: 'own-tenant-only', call: (fx) => fx.b.owner.trpc.auth.me.query() },
  {
    kind: 'trpc',
    path: 'auth.me',
    expect: 'own-tenant-only',
    name: 'scoped operator of A',
    call: (fx) => fx.a.operator.trpc.auth.me.query(),
  },
  {
    kind: 'rest',
    path: 'GET /api/auth/me/',
    expect: 'own-tenant-only',
    call: (fx) => fx.b.owner.rest('GET', '/api/auth/me/'),
  },
  // switchTenant into a tenant the caller does not belong to.
  {
    kind: 'trpc',
    path: 'auth.switchTenant',
    expect: 404,
    name: "B into A's tenant",
    call: (fx) => fx.b.owner.trpc.auth.switchTenant.mutate({ tenant_id: fx.a.tenantId }),
  },
  // Emailed-token flows: always the same answer, nothing about the account behind the email or token.
  {
    kind: 'trpc',
    path: 'auth.requestPasswordReset',
    expect: 'public',
    name: "for A's invitee email",
    call: (fx) => fx.anonymous.trpc.auth.requestPasswordReset.mutate({ email: fx.a.invitationEmail }),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/password-reset/',
    expect: 'public',
    call: (fx) => fx.anonymous.rest('POST', '/api/auth/password-reset/', { email: 'nobody@example.test' }),
  },
  {
    kind: 'trpc',
    path: 'auth.confirmPasswordReset',
    expect: 'public',
    call: (fx) =>
      fx.anonymous.trpc.auth.confirmPasswordReset.mutate({
        token: 'forged',
        password: 'new password!',
        password_confirm: 'new password!',
      }),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/password-reset/confirm/',
    expect: 'public',
    call: (fx) =>
      fx.anonymous.rest('POST', '/api/auth/password-reset/confirm/', {
        token: 'forged',
        password: 'new password!',
        password_confirm: 'new password!',
      }),
  },
  {
    kind: 'trpc',
    path: 'auth.verifyEmail',
    expect: 'public',
    call: (fx) => fx.anonymous.trpc.auth.verifyEmail.mutate({ token: 'forged' }),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/verify-email/',
    expect: 'public',
    call: (fx) => fx.anonymous.rest('POST', '/api/auth/verify-email/', { token: 'forged' }),
  },
  // deleteAccount acts on the caller's own account only (a throwaway one: it really deletes).
  {
    kind: 'trpc',
    path: 'auth.deleteAccount',
    expect: 'own-tenant-only',
    call: async (fx) => {
      const account = await fx.newAccount();
      return account.trpc.auth.deleteAccount.mutate({ password: account.password });
    },
  },
  {
    kind: 'rest',
    path: 'DELETE /api/auth/delete-account/',
    expect: 'own-tenant-only',
    name: 'B with a wrong password',
    call: (fx) => fx.b.owner.rest('DELETE', '/api/auth/delete-account/', { password: 'not-mine' }),
  },
];
