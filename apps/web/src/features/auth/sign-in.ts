import type { Locale } from '@stockscan/contracts';
import { queryClient, trpcClient } from '../../lib/api-clients';
import { setSession } from '../../lib/session';
import { errorCode, retryAfterSeconds } from '../../lib/trpc';
import { describeError, fieldErrors } from '../../shared/feedback/describe-error';
import type { DescribedError } from '../../shared/feedback/described-error';

/** Why a login failed, ready for the form: the code, the sentence, the fields to mark, the wait (429). */
export interface SignInRefusal {
  code: string;
  /** The sentence and its action, in the language shown when it is read (the user may switch it). */
  describe: (locale: Locale) => DescribedError;
  fields: { identifier?: string | undefined; password?: string | undefined };
  /** Seconds from the server's Retry-After, when it sent one. */
  retryAfter: number | null;
}

/**
 * Logs in and keeps the session; the previous user's cached answers go. Loaded by the login page when its form
 * is first used, not with the page (#21): this is what brings the tRPC client and react-query.
 */
export async function signIn(credentials: {
  username: string;
  password: string;
}): Promise<SignInRefusal | null> {
  let session: { access: string; refresh: string };
  try {
    session = await trpcClient.auth.login.mutate(credentials);
  } catch (error) {
    const server = fieldErrors(error);
    return {
      code: errorCode(error),
      describe: (locale) => describeError(error, locale, { canRetry: true }),
      fields: { identifier: server.username ?? server.email, password: server.password },
      retryAfter: retryAfterSeconds(error),
    };
  }
  queryClient.clear();
  setSession({ access: session.access, refresh: session.refresh });
  return null;
}
