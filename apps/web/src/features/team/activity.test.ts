import type { ActivityEntry } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { type ActivityContext, describeActivity, shortAction } from './activity';

const BAR = '11111111-1111-4111-8111-111111111111';
const MARIE = '22222222-2222-4222-8222-222222222222';
const ctx: ActivityContext = {
  memberNames: new Map([[MARIE, 'marie']]),
  serviceNames: new Map([[BAR, 'Bar']]),
  roleLabel: (role) => ({ owner: 'Propriétaire', manager: 'Responsable', operator: 'Équipier' })[role],
  monthLabel: (month) => (month === '2025-11' ? 'novembre 2025' : month),
};

function entry(action: string, meta: Record<string, unknown> | null, objectId: string | null = null) {
  const base: Pick<ActivityEntry, 'action' | 'object_id' | 'user' | 'meta'> = {
    action,
    object_id: objectId,
    user: { id: '33333333-3333-4333-8333-333333333333', username: 'paul' },
    meta,
  };
  return base;
}

describe('describeActivity', () => {
  it('tells a count with its service and month, not ids', () => {
    const line = describeActivity(
      entry('counts.upsert', { month: '2025-11', applied: 12 }, BAR),
      'fr',
      ctx,
      'Tous',
    );
    expect(line).toEqual({ who: 'paul', what: 'a compté 12 produits — Bar, novembre 2025' });
  });

  it('names the member and both accesses of a role change', () => {
    const line = describeActivity(
      entry('membership.update', {
        member_user_id: MARIE,
        before: { role: 'operator', service_id: BAR },
        after: { role: 'manager', service_id: null },
      }),
      'fr',
      ctx,
      'Tous les services',
    );
    expect(line.what).toBe('a changé l’accès de marie : Équipier · Bar → Responsable · Tous les services');
  });

  it('says who declined when nobody was signed in', () => {
    const line = describeActivity(
      { ...entry('invitation.decline', { email: 'lea@example.fr' }), user: null },
      'en',
      ctx,
      'All',
    );
    expect(line).toEqual({ who: null, what: 'lea@example.fr declined the invitation' });
  });

  it('tells the orders to suppliers: prepared, mailed or not, received, canceled', () => {
    const say = (action: string, meta: Record<string, unknown>) =>
      describeActivity(entry(action, meta), 'fr', ctx, 'Tous').what;
    expect(say('order.create', { number: 3, supplier: 'Metro' })).toBe('a préparé la commande n° 3 (Metro)');
    expect(
      say('order.send', { number: 3, supplier: 'Metro', email_sent: true, email_to: 'c@metro.test' }),
    ).toBe('a envoyé la commande n° 3 à Metro (c@metro.test)');
    expect(say('order.send', { number: 3, supplier: null, email_sent: false, email_to: null })).toBe(
      'a marqué la commande n° 3 envoyée',
    );
    expect(say('order.send', { number: 4, supplier: 'Metro', email_sent: false })).toBe(
      'a envoyé la commande n° 4 à Metro',
    );
    expect(say('order.receive', { number: 3, supplier: 'Metro' })).toBe(
      'a réceptionné la commande n° 3 (Metro)',
    );
    expect(say('order.cancel', {})).toBe('a annulé la commande n° ?');
    expect(shortAction('order.send', 'en')).toBe('order');
  });

  it('falls back to a readable line for an action it does not know', () => {
    expect(describeActivity(entry('robots.dance', null), 'en', ctx, 'All').what).toBe(
      'did something (robots.dance)',
    );
  });
});

describe('shortAction', () => {
  it('gives one word per domain', () => {
    expect(shortAction('counts.upsert', 'fr')).toBe('comptage');
    expect(shortAction('export.create', 'en')).toBe('export');
    expect(shortAction('weird', 'fr')).toBe('action');
    expect(shortAction('invitation.accept', 'fr')).toBe('arrivée dans l’équipe');
  });
});
