import { PLAN_LIMITS } from '@stockscan/entitlements';
import { describe, expect, it } from 'vitest';
import { daysText, startingPlan } from './starting-plan';

describe('startingPlan (what sign-up grants, from the public config)', () => {
  it('a Duo trial of 7 days: its name, its length and its service limit', () => {
    const start = startingPlan({ trial: { plan: 'BOUTIQUE', days: 7 } }, 'fr');
    expect(start).toMatchObject({
      plan: 'BOUTIQUE',
      trialDays: 7,
      maxServices: PLAN_LIMITS.BOUTIQUE.max_services,
    });
    expect(start.vars).toMatchObject({ plan: 'Duo', days: '7 jours', free: 'Solo' });
    expect(startingPlan({ trial: { plan: 'PRO', days: 14 } }, 'en').vars).toMatchObject({
      plan: 'Multi',
      days: '14 days',
    });
  });

  it('no trial: the free plan and its limit', () => {
    const start = startingPlan({ trial: null }, 'fr');
    expect(start).toMatchObject({ plan: 'ESSENTIEL', trialDays: null, maxServices: 1 });
    expect(start.vars.plan).toBe('Solo');
  });

  it('says the service limit of every plan and one day in the singular', () => {
    expect(startingPlan({ trial: null }, 'fr').vars.counts).toBe(
      `Solo ${PLAN_LIMITS.ESSENTIEL.max_services} service, Duo ${PLAN_LIMITS.BOUTIQUE.max_services}, Multi ${PLAN_LIMITS.PRO.max_services}`,
    );
    expect([daysText(1, 'fr'), daysText(1, 'en'), daysText(30, 'en')]).toEqual([
      '1 jour',
      '1 day',
      '30 days',
    ]);
  });
});
