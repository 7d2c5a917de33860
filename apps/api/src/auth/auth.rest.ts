import {
  DeleteAccountInput,
  LoginInput,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  RefreshInput,
  RegisterInput,
  VerifyEmailInput,
} from '@stockscan/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';
import { restRoute } from '../http/rest';
import { deleteAccount } from './account.service';
import { getMe } from './me.service';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service';
import { dummyPasswordHash } from './passwords';
import { registerAccount, verifyEmail } from './register.service';
import { login, logout, refreshSession } from './session.service';

/** REST adapters of SPEC §7 for this domain (thin: parse → service → map errors). */
export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  // Computed once up front so the first failed login for an unknown user is not slower than the others.
  void dummyPasswordHash();

  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/register/',
    auth: 'public',
    body: RegisterInput,
    status: 201,
    handler: ({ body, ctx }) => registerAccount(deps, body, { locale: ctx.locale, ip: ctx.ip }),
  });
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/login/',
    auth: 'public',
    body: LoginInput,
    handler: ({ body, ctx }) => login(deps, body, ctx.ip),
  });
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/refresh/',
    auth: 'public',
    body: RefreshInput,
    handler: ({ body }) => refreshSession(deps, body.refresh),
  });
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/logout/',
    auth: 'public',
    body: RefreshInput,
    handler: ({ body }) => logout(deps, body.refresh),
  });
  restRoute(app, deps, {
    method: 'GET',
    url: '/api/auth/me/',
    auth: 'user',
    handler: ({ actor }) => getMe(deps, actor),
  });
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/verify-email/',
    auth: 'public',
    body: VerifyEmailInput,
    handler: ({ body }) => verifyEmail(deps, body),
  });
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/password-reset/',
    auth: 'public',
    body: PasswordResetRequestInput,
    handler: ({ body }) => requestPasswordReset(deps, body),
  });
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/password-reset/confirm/',
    auth: 'public',
    body: PasswordResetConfirmInput,
    handler: ({ body }) => confirmPasswordReset(deps, body),
  });
  restRoute(app, deps, {
    method: 'DELETE',
    url: '/api/auth/delete-account/',
    auth: 'user',
    body: DeleteAccountInput,
    handler: ({ actor, body }) => deleteAccount(deps, actor, body),
  });
}
