import { describe, expect, it } from 'vitest';
import { countOf, describeLimit, FEATURE_KEYS, FEATURE_LABELS, LIMIT_KEYS, PLAN_LIMITS } from '../src/index';

const NNBSP = '\u202f';

describe('describeLimit (pricing table cells)', () => {
  it('describes every cell of the table', () => {
    const fr = (plan: keyof typeof PLAN_LIMITS) =>
      LIMIT_KEYS.map((key) => describeLimit(key, PLAN_LIMITS[plan][key]).fr);
    const en = (plan: keyof typeof PLAN_LIMITS) =>
      LIMIT_KEYS.map((key) => describeLimit(key, PLAN_LIMITS[plan][key]).en);
    expect(fr('ESSENTIEL')).toEqual([
      '100 produits',
      '1 service',
      '1 utilisateur',
      '2 emplacements par service',
      '1 export Excel par mois',
      '1 export CSV par mois',
      '0 demande à l’assistant par mois',
      '14 jours d’historique',
    ]);
    expect(en('ESSENTIEL')).toEqual([
      '100 products',
      '1 service',
      '1 user',
      '2 locations per service',
      '1 Excel export per month',
      '1 CSV export per month',
      '0 assistant requests per month',
      '14 days of history',
    ]);
    expect(fr('BOUTIQUE')).toEqual([
      `1${NNBSP}000 produits`,
      '2 services',
      '3 utilisateurs',
      'Emplacements illimités',
      '30 exports Excel par mois',
      'Exports CSV illimités',
      '15 demandes à l’assistant par mois',
      'Historique complet',
    ]);
    expect(en('PRO')).toEqual([
      'Unlimited products',
      '5 services',
      '10 users',
      'Unlimited locations',
      'Unlimited Excel exports',
      'Unlimited CSV exports',
      '200 assistant requests per month',
      'Full history',
    ]);
  });

  it('says unlimited for every key', () => {
    expect(LIMIT_KEYS.map((key) => describeLimit(key, null))).toEqual([
      { fr: 'Produits illimités', en: 'Unlimited products' },
      { fr: 'Services illimités', en: 'Unlimited services' },
      { fr: 'Utilisateurs illimités', en: 'Unlimited users' },
      { fr: 'Emplacements illimités', en: 'Unlimited locations' },
      { fr: 'Exports Excel illimités', en: 'Unlimited Excel exports' },
      { fr: 'Exports CSV illimités', en: 'Unlimited CSV exports' },
      { fr: 'Demandes à l’assistant illimitées', en: 'Unlimited assistant requests' },
      { fr: 'Historique complet', en: 'Full history' },
    ]);
  });
});

describe('countOf', () => {
  it('uses French singular for 0 and 1, English singular for 1 only', () => {
    expect(countOf('max_products', 0)).toEqual({ fr: '0 produit', en: '0 products' });
    expect(countOf('max_products', 1)).toEqual({ fr: '1 produit', en: '1 product' });
    expect(countOf('max_products', 2)).toEqual({ fr: '2 produits', en: '2 products' });
    expect(countOf('max_users', 12_345)).toEqual({ fr: `12${NNBSP}345 utilisateurs`, en: '12,345 users' });
  });
});

describe('FEATURE_LABELS', () => {
  it('names every feature in both languages', () => {
    expect(Object.keys(FEATURE_LABELS).sort()).toEqual([...FEATURE_KEYS].sort());
    for (const key of FEATURE_KEYS) {
      expect(FEATURE_LABELS[key].fr.length).toBeGreaterThan(3);
      expect(FEATURE_LABELS[key].en.length).toBeGreaterThan(3);
    }
    expect(FEATURE_LABELS.alerts_expiry).toEqual({ fr: 'Alertes DLC/DDM', en: 'Expiry date alerts' });
  });
});
