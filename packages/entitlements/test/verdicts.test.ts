import { ERROR_STATUS } from '@stockscan/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COUNT_CODES,
  type CountKey,
  checkCount,
  checkFeature,
  checkQuota,
  entitlementsFor,
  FEATURE_KEYS,
  PLAN_CODES,
  PLAN_ORDER,
  type PlanCode,
  QUOTA_CODES,
  QUOTA_LIMIT_KEYS,
  type QuotaKind,
  type Verdict,
} from '../src/index';

const solo = entitlementsFor('ESSENTIEL');
const duo = entitlementsFor('BOUTIQUE');
const multi = entitlementsFor('PRO');
const NNBSP = '\u202f'; // French thousands separator
const NBSP = '\u00a0';

describe('checkFeature', () => {
  it('allows what the plan includes', () => {
    expect(checkFeature(solo, 'exports_xlsx')).toEqual({ ok: true });
    expect(checkFeature(duo, 'loss_management')).toEqual({ ok: true });
    expect(checkFeature(multi, 'multi_service_analytics')).toEqual({ ok: true });
  });

  it('refuses a Duo feature on Solo and points to Duo', () => {
    expect(checkFeature(solo, 'loss_management')).toEqual({
      ok: false,
      code: 'FEATURE_NOT_INCLUDED',
      limit: null,
      current: 0,
      upgrade_to: 'BOUTIQUE',
      message: {
        fr: `Votre offre Solo n’inclut pas la fonctionnalité «${NBSP}Gestion des pertes${NBSP}». Passez à l’offre Duo pour en profiter.`,
        en: 'Your Solo plan does not include “Loss tracking”. Upgrade to the Duo plan to use it.',
      },
    });
  });

  it('points straight to Multi for a Multi-only feature', () => {
    const verdict = checkFeature(solo, 'alerts_expiry');
    expect(verdict).toMatchObject({ ok: false, upgrade_to: 'PRO' });
    expect(checkFeature(duo, 'exports_email')).toMatchObject({
      ok: false,
      upgrade_to: 'PRO',
      message: {
        fr: `Votre offre Duo n’inclut pas la fonctionnalité «${NBSP}Exports envoyés par e-mail${NBSP}». Passez à l’offre Multi pour en profiter.`,
        en: 'Your Duo plan does not include “Exports sent by email”. Upgrade to the Multi plan to use it.',
      },
    });
  });

  it('offers no upgrade when no plan above has it', () => {
    const ent = entitlementsFor('PRO', { features: { ai_assistant_basic: false } });
    expect(checkFeature(ent, 'ai_assistant_basic')).toEqual({
      ok: false,
      code: 'FEATURE_NOT_INCLUDED',
      limit: null,
      current: 0,
      upgrade_to: null,
      message: {
        fr: `Votre offre Multi n’inclut pas la fonctionnalité «${NBSP}Assistant IA${NBSP}». Contactez-nous pour l’activer.`,
        en: 'Your Multi plan does not include “AI assistant”. Contact us to enable it.',
      },
    });
  });

  it('honours a feature granted by override', () => {
    expect(
      checkFeature(entitlementsFor('ESSENTIEL', { features: { alerts_expiry: true } }), 'alerts_expiry'),
    ).toEqual({
      ok: true,
    });
  });
});

describe('checkCount', () => {
  it('allows up to the limit included, refuses one past it (the example of the brief)', () => {
    expect(checkCount(solo, 'max_products', 99)).toEqual({ ok: true });
    expect(checkCount(solo, 'max_products', 100)).toEqual({
      ok: false,
      code: 'LIMIT_MAX_PRODUCTS',
      limit: 100,
      current: 100,
      upgrade_to: 'BOUTIQUE',
      message: {
        fr: 'Votre offre Solo permet 100 produits. Archivez des produits ou passez à l’offre Duo.',
        en: 'Your Solo plan allows 100 products. Archive some products or upgrade to the Duo plan.',
      },
    });
  });

  it('counts the whole increment (bulk import) and picks the smallest plan that fits it', () => {
    expect(checkCount(solo, 'max_products', 50, 50)).toEqual({ ok: true });
    expect(checkCount(solo, 'max_products', 50, 51)).toMatchObject({
      ok: false,
      current: 50,
      upgrade_to: 'BOUTIQUE',
    });
    expect(checkCount(solo, 'max_products', 50, 951)).toMatchObject({
      ok: false,
      current: 50,
      upgrade_to: 'PRO',
    });
  });

  it('with increment 0 asks whether the current count still fits', () => {
    expect(checkCount(solo, 'max_products', 100, 0)).toEqual({ ok: true });
    expect(checkCount(solo, 'max_products', 101, 0)).toMatchObject({ ok: false, limit: 100, current: 101 });
  });

  it('formats large limits the French and English way', () => {
    expect(checkCount(duo, 'max_products', 1000)).toMatchObject({
      upgrade_to: 'PRO',
      message: {
        fr: `Votre offre Duo permet 1${NNBSP}000 produits. Archivez des produits ou passez à l’offre Multi.`,
        en: 'Your Duo plan allows 1,000 products. Archive some products or upgrade to the Multi plan.',
      },
    });
  });

  it('never refuses an unlimited count', () => {
    expect(checkCount(multi, 'max_products', 1_000_000, 5_000)).toEqual({ ok: true });
  });

  it('tells a full top plan what to free instead of offering an upgrade', () => {
    expect(
      checkCount(entitlementsFor('PRO', { limits: { max_products: 500 } }), 'max_products', 500),
    ).toMatchObject({
      upgrade_to: null,
      message: {
        fr: 'Votre offre Multi permet 500 produits. Archivez des produits pour en ajouter de nouveaux.',
        en: 'Your Multi plan allows 500 products. Archive some products to add new ones.',
      },
    });
  });

  it('speaks of services', () => {
    expect(checkCount(solo, 'max_services', 1)).toEqual({
      ok: false,
      code: 'LIMIT_MAX_SERVICES',
      limit: 1,
      current: 1,
      upgrade_to: 'BOUTIQUE',
      message: {
        fr: 'Votre offre Solo permet 1 service. Supprimez un service inutilisé ou passez à l’offre Duo.',
        en: 'Your Solo plan allows 1 service. Delete an unused service or upgrade to the Duo plan.',
      },
    });
    expect(checkCount(multi, 'max_services', 4)).toEqual({ ok: true });
    expect(checkCount(multi, 'max_services', 5)).toMatchObject({
      code: 'LIMIT_MAX_SERVICES',
      upgrade_to: null,
      message: {
        fr: 'Votre offre Multi permet 5 services. Supprimez un service inutilisé pour en créer un autre.',
        en: 'Your Multi plan allows 5 services. Delete an unused service to create another one.',
      },
    });
  });

  it('speaks of users, pending invitations included', () => {
    expect(checkCount(duo, 'max_users', 2)).toEqual({ ok: true });
    expect(checkCount(duo, 'max_users', 3)).toEqual({
      ok: false,
      code: 'LIMIT_MAX_USERS',
      limit: 3,
      current: 3,
      upgrade_to: 'PRO',
      message: {
        fr: 'Votre offre Duo permet 3 utilisateurs, invitations en attente comprises. Retirez un membre ou annulez une invitation, ou passez à l’offre Multi.',
        en: 'Your Duo plan allows 3 users, pending invitations included. Remove a member or cancel an invitation, or upgrade to the Multi plan.',
      },
    });
    expect(checkCount(solo, 'max_users', 1).ok).toBe(false);
    expect(checkCount(multi, 'max_users', 10)).toMatchObject({
      upgrade_to: null,
      message: {
        fr: 'Votre offre Multi permet 10 utilisateurs, invitations en attente comprises. Retirez un membre ou annulez une invitation pour inviter quelqu’un d’autre.',
        en: 'Your Multi plan allows 10 users, pending invitations included. Remove a member or cancel an invitation to invite someone else.',
      },
    });
  });

  it('speaks of locations per service; Duo has no limit', () => {
    expect(checkCount(solo, 'max_locations', 1)).toEqual({ ok: true });
    expect(checkCount(solo, 'max_locations', 2)).toEqual({
      ok: false,
      code: 'LIMIT_MAX_LOCATIONS',
      limit: 2,
      current: 2,
      upgrade_to: 'BOUTIQUE',
      message: {
        fr: 'Votre offre Solo permet 2 emplacements par service. Archivez un emplacement ou passez à l’offre Duo.',
        en: 'Your Solo plan allows 2 locations per service. Archive a location or upgrade to the Duo plan.',
      },
    });
    expect(checkCount(duo, 'max_locations', 500)).toEqual({ ok: true });
    const capped = entitlementsFor('PRO', { limits: { max_locations: 3 } });
    expect(checkCount(capped, 'max_locations', 3)).toMatchObject({
      upgrade_to: null,
      message: {
        fr: 'Votre offre Multi permet 3 emplacements par service. Archivez un emplacement pour en créer un autre.',
        en: 'Your Multi plan allows 3 locations per service. Archive a location to create another one.',
      },
    });
  });

  it.each([
    [-1, 1, 'current must be a non-negative integer, got -1'],
    [1.5, 1, 'current must be a non-negative integer, got 1.5'],
    [Number.NaN, 1, 'current must be a non-negative integer, got NaN'],
    [0, -1, 'increment must be a non-negative integer, got -1'],
    [0, Number.POSITIVE_INFINITY, 'increment must be a non-negative integer, got Infinity'],
  ])('refuses current=%s increment=%s', (current, increment, message) => {
    expect(() => checkCount(multi, 'max_products', current, increment)).toThrow(new RangeError(message));
  });
});

describe('checkQuota', () => {
  it('maps each usage kind to its monthly limit and code', () => {
    expect(QUOTA_LIMIT_KEYS).toEqual({
      export_xlsx: 'exports_xlsx_month',
      export_csv: 'exports_csv_month',
      ai_request: 'ai_requests_month',
    });
    expect(QUOTA_CODES).toEqual({
      export_xlsx: 'LIMIT_EXPORT_XLSX_MONTH',
      export_csv: 'LIMIT_EXPORT_CSV_MONTH',
      ai_request: 'LIMIT_AI_REQUESTS_MONTH',
    });
    expect(COUNT_CODES).toEqual({
      max_products: 'LIMIT_MAX_PRODUCTS',
      max_services: 'LIMIT_MAX_SERVICES',
      max_users: 'LIMIT_MAX_USERS',
      max_locations: 'LIMIT_MAX_LOCATIONS',
    });
  });

  it('lets Solo export one Excel file a month', () => {
    expect(checkQuota(solo, 'export_xlsx', 0)).toEqual({ ok: true });
    expect(checkQuota(solo, 'export_xlsx', 1)).toEqual({
      ok: false,
      code: 'LIMIT_EXPORT_XLSX_MONTH',
      limit: 1,
      current: 1,
      upgrade_to: 'BOUTIQUE',
      message: {
        fr: 'Votre offre Solo permet 1 export Excel par mois. Le quota repart à zéro le mois prochain, ou passez dès maintenant à l’offre Duo.',
        en: 'Your Solo plan allows 1 Excel export per month. The quota resets next month, or upgrade to the Duo plan now.',
      },
    });
  });

  it('lets Solo export one CSV file a month, Duo and Multi without limit', () => {
    expect(checkQuota(solo, 'export_csv', 1)).toMatchObject({
      code: 'LIMIT_EXPORT_CSV_MONTH',
      limit: 1,
      upgrade_to: 'BOUTIQUE',
      message: {
        fr: 'Votre offre Solo permet 1 export CSV par mois. Le quota repart à zéro le mois prochain, ou passez dès maintenant à l’offre Duo.',
        en: 'Your Solo plan allows 1 CSV export per month. The quota resets next month, or upgrade to the Duo plan now.',
      },
    });
    expect(checkQuota(duo, 'export_csv', 10_000)).toEqual({ ok: true });
    expect(checkQuota(multi, 'export_xlsx', 10_000)).toEqual({ ok: true });
  });

  it('sends Duo’s 31st Excel export to Multi', () => {
    expect(checkQuota(duo, 'export_xlsx', 29)).toEqual({ ok: true });
    expect(checkQuota(duo, 'export_xlsx', 30)).toMatchObject({
      limit: 30,
      current: 30,
      upgrade_to: 'PRO',
      message: {
        fr: 'Votre offre Duo permet 30 exports Excel par mois. Le quota repart à zéro le mois prochain, ou passez dès maintenant à l’offre Multi.',
        en: 'Your Duo plan allows 30 Excel exports per month. The quota resets next month, or upgrade to the Multi plan now.',
      },
    });
  });

  it('says Solo has no assistant rather than “0 requests”', () => {
    expect(checkQuota(solo, 'ai_request', 0)).toEqual({
      ok: false,
      code: 'LIMIT_AI_REQUESTS_MONTH',
      limit: 0,
      current: 0,
      upgrade_to: 'BOUTIQUE',
      message: {
        fr: 'Votre offre Solo n’inclut pas l’assistant IA. Passez à l’offre Duo pour en profiter.',
        en: 'Your Solo plan does not include the AI assistant. Upgrade to the Duo plan to use it.',
      },
    });
  });

  it('counts assistant requests on Duo and Multi', () => {
    expect(checkQuota(duo, 'ai_request', 14)).toEqual({ ok: true });
    expect(checkQuota(duo, 'ai_request', 15)).toMatchObject({
      upgrade_to: 'PRO',
      message: {
        fr: 'Votre offre Duo permet 15 demandes à l’assistant par mois. Le quota repart à zéro le mois prochain, ou passez dès maintenant à l’offre Multi.',
        en: 'Your Duo plan allows 15 assistant requests per month. The quota resets next month, or upgrade to the Multi plan now.',
      },
    });
    expect(checkQuota(multi, 'ai_request', 200)).toEqual({
      ok: false,
      code: 'LIMIT_AI_REQUESTS_MONTH',
      limit: 200,
      current: 200,
      upgrade_to: null,
      message: {
        fr: 'Votre offre Multi permet 200 demandes à l’assistant par mois. Le quota repart à zéro le 1er du mois prochain.',
        en: 'Your Multi plan allows 200 assistant requests per month. The quota resets on the 1st of next month.',
      },
    });
  });

  it('after a downgrade mid-month, skips a plan that would not cover what was already used', () => {
    expect(checkQuota(solo, 'ai_request', 20)).toMatchObject({ ok: false, current: 20, upgrade_to: 'PRO' });
  });

  it('uses the increment', () => {
    expect(checkQuota(duo, 'ai_request', 10, 5)).toEqual({ ok: true });
    expect(checkQuota(duo, 'ai_request', 10, 6)).toMatchObject({ ok: false, current: 10 });
  });

  it('names what a zero quota leaves out when no plan above helps', () => {
    const ent = entitlementsFor('PRO', {
      limits: { exports_xlsx_month: 0, exports_csv_month: 0, ai_requests_month: 0 },
    });
    expect(checkQuota(ent, 'export_xlsx', 0)).toMatchObject({
      upgrade_to: null,
      message: {
        fr: 'Votre offre Multi n’inclut pas les exports Excel. Contactez-nous pour l’activer.',
        en: 'Your Multi plan does not include Excel exports. Contact us to enable it.',
      },
    });
    expect(checkQuota(ent, 'export_csv', 0)).toMatchObject({
      message: {
        fr: 'Votre offre Multi n’inclut pas les exports CSV. Contactez-nous pour l’activer.',
        en: 'Your Multi plan does not include CSV exports. Contact us to enable it.',
      },
    });
  });

  it('refuses a negative or fractional usage', () => {
    expect(() => checkQuota(duo, 'ai_request', -1)).toThrow(RangeError);
    expect(() => checkQuota(duo, 'ai_request', 0, 0.5)).toThrow(RangeError);
  });
});

describe('every refusal code is a documented 403 of SPEC §5', () => {
  it('for counts, quotas and features', () => {
    const codes = [
      ...Object.values(COUNT_CODES),
      ...Object.values(QUOTA_CODES),
      'FEATURE_NOT_INCLUDED' as const,
    ];
    for (const code of codes) expect(ERROR_STATUS[code]).toBe(403);
  });
});

// ---- properties ------------------------------------------------------------------------------------------

const COUNT_KEYS: CountKey[] = ['max_products', 'max_services', 'max_users'];
const QUOTA_KINDS: QuotaKind[] = ['export_xlsx', 'export_csv', 'ai_request'];
const planArb = fc.constantFrom(...PLAN_CODES);
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 1200 }),
  fc.constantFrom(0, 1, 2, 3, 5, 10, 15, 30, 100, 200, 1000),
);

/** Every plan above `plan` and below the suggestion refuses too, and the suggestion accepts. */
function expectSmallestUpgrade(plan: PlanCode, verdict: Verdict, recheck: (p: PlanCode) => Verdict) {
  if (verdict.ok) return;
  for (const p of PLAN_CODES) {
    if (PLAN_ORDER[p] <= PLAN_ORDER[plan]) continue;
    const allowed = recheck(p).ok;
    if (verdict.upgrade_to === null || PLAN_ORDER[p] < PLAN_ORDER[verdict.upgrade_to])
      expect(allowed).toBe(false);
    else if (p === verdict.upgrade_to) expect(allowed).toBe(true);
  }
}

describe('property: a higher plan never allows less than a lower one (verdicts)', () => {
  it('for counts, and the suggested upgrade is the smallest that allows it', () => {
    fc.assert(
      fc.property(
        planArb,
        planArb,
        fc.constantFrom(...COUNT_KEYS),
        amountArb,
        amountArb,
        (a, b, key, cur, inc) => {
          const [low, high] = PLAN_ORDER[a] <= PLAN_ORDER[b] ? [a, b] : [b, a];
          const lowVerdict = checkCount(entitlementsFor(low), key, cur, inc);
          if (lowVerdict.ok) expect(checkCount(entitlementsFor(high), key, cur, inc).ok).toBe(true);
          expectSmallestUpgrade(low, lowVerdict, (p) => checkCount(entitlementsFor(p), key, cur, inc));
        },
      ),
    );
  });

  it('for quotas', () => {
    fc.assert(
      fc.property(
        planArb,
        planArb,
        fc.constantFrom(...QUOTA_KINDS),
        amountArb,
        amountArb,
        (a, b, kind, used, inc) => {
          const [low, high] = PLAN_ORDER[a] <= PLAN_ORDER[b] ? [a, b] : [b, a];
          const lowVerdict = checkQuota(entitlementsFor(low), kind, used, inc);
          if (lowVerdict.ok) expect(checkQuota(entitlementsFor(high), kind, used, inc).ok).toBe(true);
          expectSmallestUpgrade(low, lowVerdict, (p) => checkQuota(entitlementsFor(p), kind, used, inc));
        },
      ),
    );
  });

  it('for features', () => {
    fc.assert(
      fc.property(planArb, planArb, fc.constantFrom(...FEATURE_KEYS), (a, b, feature) => {
        const [low, high] = PLAN_ORDER[a] <= PLAN_ORDER[b] ? [a, b] : [b, a];
        const lowVerdict = checkFeature(entitlementsFor(low), feature);
        if (lowVerdict.ok) expect(checkFeature(entitlementsFor(high), feature).ok).toBe(true);
        expectSmallestUpgrade(low, lowVerdict, (p) => checkFeature(entitlementsFor(p), feature));
      }),
    );
  });

  it('a refusal always names the limit, the current value and a two-language message', () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom(...COUNT_KEYS), amountArb, amountArb, (plan, key, cur, inc) => {
        const ent = entitlementsFor(plan);
        const verdict = checkCount(ent, key, cur, inc);
        const limit = ent.limits[key];
        expect(verdict.ok).toBe(limit === null || cur + inc <= limit);
        if (verdict.ok) return;
        expect(verdict).toMatchObject({ code: COUNT_CODES[key], limit, current: cur });
        const digits = (text: string) => text.replace(/(\d)[\u202f,](\d)/g, '$1$2');
        expect(digits(verdict.message.fr)).toContain(` ${limit} `);
        expect(digits(verdict.message.en)).toContain(` ${limit} `);
      }),
    );
  });
});
