import {
  AuthOk,
  AuthSession,
  DeleteAccountInput,
  DeleteAccountResult,
  LoginInput,
  MeView,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  RefreshInput,
  RegisterFormInput,
  RegisterResult,
  ResendVerificationResult,
  SwitchTenantInput,
  TokenPair,
  VerifyEmailInput,
} from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure, publicProcedure } from '../trpc';
import { deleteAccount } from './account.service';
import { getMe } from './me.service';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service';
import { registerAccount, resendVerification, verifyEmail } from './register.service';
import { login, logout, refreshSession, switchTenant } from './session.service';

export const authRouter = {
  register: publicProcedure
    .input(RegisterFormInput)
    .output(RegisterResult)
    .mutation(({ ctx, input }) => registerAccount(ctx.deps, input, { locale: ctx.locale, ip: ctx.ip })),
  login: publicProcedure
    .input(LoginInput)
    .output(AuthSession)
    .mutation(({ ctx, input }) => login(ctx.deps, input, ctx.ip)),
  refresh: publicProcedure
    .input(RefreshInput)
    .output(TokenPair)
    .mutation(({ ctx, input }) => refreshSession(ctx.deps, input.refresh)),
  logout: publicProcedure
    .input(RefreshInput)
    .output(AuthOk)
    .mutation(({ ctx, input }) => logout(ctx.deps, input.refresh)),
  me: authedProcedure.output(MeView).query(({ ctx }) => getMe(ctx.deps, ctx.claims)),
  switchTenant: authedProcedure
    .input(SwitchTenantInput)
    .output(AuthSession)
    .mutation(({ ctx, input }) => switchTenant(ctx.deps, ctx.claims, input.tenant_id)),
  requestPasswordReset: publicProcedure
    .input(PasswordResetRequestInput)
    .output(AuthOk)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.deps, input)),
  confirmPasswordReset: publicProcedure
    .input(PasswordResetConfirmInput)
    .output(AuthOk)
    .mutation(({ ctx, input }) => confirmPasswordReset(ctx.deps, input)),
  verifyEmail: publicProcedure
    .input(VerifyEmailInput)
    .output(AuthOk)
    .mutation(({ ctx, input }) => verifyEmail(ctx.deps, input)),
  resendVerification: authedProcedure
    .output(ResendVerificationResult)
    .mutation(({ ctx }) => resendVerification(ctx.deps, ctx.claims.userId, ctx.locale)),
  deleteAccount: authedProcedure
    .input(DeleteAccountInput)
    .output(DeleteAccountResult)
    .mutation(({ ctx, input }) => deleteAccount(ctx.deps, ctx.claims, input)),
} satisfies TRPCRouterRecord;
