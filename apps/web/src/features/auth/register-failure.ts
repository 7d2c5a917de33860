import { errorCode } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { type AccountField, isAccountField } from './onboarding';

/** What the onboarding does with a refused `auth.register`: each answer has its place on the screen. */
export type RegisterFailure =
  /** Field messages: under the account fields, and back to step 2 when a service is at fault. */
  | { kind: 'fields'; account: Partial<Record<AccountField, string>>; services: boolean }
  | { kind: 'taken'; field: 'username' | 'email'; message: string }
  /** The starting plan allows fewer services than planned: step 2 says how many to remove. */
  | { kind: 'limit'; max: number }
  | { kind: 'other' };

/** Sorts field messages (the client's zod issues or the server's `fields`) between the steps. */
export function placeFieldErrors(
  fields: Record<string, string>,
): Extract<RegisterFailure, { kind: 'fields' }> {
  const account: Partial<Record<AccountField, string>> = {};
  let services = false;
  for (const [name, message] of Object.entries(fields)) {
    if (name.startsWith('service_') || name.startsWith('extra_services')) services = true;
    else if (isAccountField(name)) account[name] = message;
  }
  return { kind: 'fields', account, services };
}

export function registerFailure(error: unknown): RegisterFailure {
  const code = errorCode(error);
  if (code === 'VALIDATION_ERROR') {
    const placed = placeFieldErrors(fieldErrors(error));
    if (placed.services || Object.keys(placed.account).length > 0) return placed;
  }
  if (code === 'USERNAME_TAKEN' || code === 'EMAIL_TAKEN')
    return {
      kind: 'taken',
      field: code === 'USERNAME_TAKEN' ? 'username' : 'email',
      message: error instanceof Error ? error.message : '',
    };
  const limit = Number((error as { data?: { limit?: unknown } } | null)?.data?.limit);
  if (code === 'LIMIT_MAX_SERVICES' && Number.isFinite(limit) && limit > 0)
    return { kind: 'limit', max: limit };
  return { kind: 'other' };
}
