import type { ReviewDecision, ReviewReason, ReviewState } from '@stockscan/contracts';

/** What makes a counted product suspicious when a manager reviews the month (SPEC §11). */
export const REVIEW_RULES = Object.freeze({
  /** A change vs last month beyond ±50 %… */
  changeRatio: 0.5,
  /** …worth more than this (the tenant's currency) at the purchase price. */
  valueThreshold: 20,
  /** More than this many opened containers counted. */
  openedContainers: 1,
  /** "Usual" = the median of the product's totals over its last months counted, at most this many… */
  usualMonths: 6,
  /** …and at least this many (fewer: no usual yet). */
  usualMinMonths: 2,
  /** Far above the usual: more than this many times it. */
  farAboveFactor: 3,
});

export interface ReviewFacts {
  /** This month's stock (lines summed, remaining fractions included). */
  total: number;
  /** Last month's, null when not counted. */
  previous: number | null;
  /** The product's totals of the months before (most recent first), last month included. */
  history: readonly number[];
  purchasePrice: number | null;
  /** Lines counted with an OPENED container. */
  openedLines: number;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const high = sorted[mid] as number;
  return sorted.length % 2 === 1 ? high : ((sorted[mid - 1] as number) + high) / 2;
}

/**
 * Why a product's month looks wrong, if it does: a change vs last month beyond ±50 % and above the value
 * threshold (an unpriced product cannot be shown cheap, so it is kept), more than one opened container, or
 * far above its usual quantity. Empty = nothing to review.
 */
export function reviewReasons(
  facts: ReviewFacts,
  valueThreshold: number = REVIEW_RULES.valueThreshold,
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  const { total, previous, purchasePrice } = facts;
  if (previous !== null && previous > 0) {
    const ratio = (total - previous) / previous;
    const value = purchasePrice === null ? null : round(Math.abs(total - previous) * purchasePrice, 2);
    if (Math.abs(ratio) > REVIEW_RULES.changeRatio && (value === null || value > valueThreshold))
      reasons.push({ kind: 'change', previous, percent: Math.round(ratio * 100), value });
  }
  if (facts.openedLines > REVIEW_RULES.openedContainers)
    reasons.push({ kind: 'opened', containers: facts.openedLines });
  const recent = facts.history.slice(0, REVIEW_RULES.usualMonths);
  const usual = recent.length >= REVIEW_RULES.usualMinMonths ? median(recent) : null;
  if (usual !== null && usual > 0 && total > REVIEW_RULES.farAboveFactor * usual)
    reasons.push({ kind: 'far_above', usual: round(usual, 3), ratio: round(total / usual, 1) });
  return reasons;
}

export interface ReviewDecisionFacts {
  decision: ReviewDecision;
  decidedAt: Date;
}

/**
 * Where a suspicious product stands given the manager's last decision and the last write of its lines:
 * null = marked correct and unchanged since (off the list). A count written after the decision reopens it.
 */
export function reviewState(decision: ReviewDecisionFacts | null, lastWrite: Date): ReviewState | null {
  if (!decision) return 'TO_REVIEW';
  const changedSince = lastWrite.getTime() > decision.decidedAt.getTime();
  if (decision.decision === 'OK') return changedSince ? 'TO_REVIEW' : null;
  return changedSince ? 'RECOUNTED' : 'RECOUNT_REQUESTED';
}
