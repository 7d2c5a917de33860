import type { Locale } from '@stockscan/contracts';
import { errorMessages } from './error-messages';

export type ErrorAction = { kind: 'link'; to: string; label: string } | { kind: 'retry'; label: string };

/** A failure told in words: one sentence, at most one action. */
export interface DescribedError {
  code: string;
  message: string;
  action: ErrorAction | null;
  /** The refusal came from the plan: what the screen shows about limits is stale. */
  planRelated: boolean;
}

/**
 * The server was not reached (offline, or the code to call it could not be fetched): the sentence, and "try
 * again" when the screen offers it. Apart from describeError so a page can tell it without loading the API client.
 */
export function networkFailure(locale: Locale, canRetry: boolean): DescribedError {
  const m = errorMessages[locale];
  return {
    code: 'NETWORK',
    message: m.NETWORK,
    action: canRetry ? { kind: 'retry', label: m.action_retry } : null,
    planRelated: false,
  };
}
