import { checkCount, entitlementsFor } from '@stockscan/entitlements';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeError, fieldErrors } from './describe-error';

/** A tRPC error as our server's errorFormatter shapes it. */
function serverError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { code: -32603, message, data } });
}

describe('describeError', () => {
  it('keeps the server sentence of a limit and offers the plan above', () => {
    const error = serverError(
      'Votre offre Solo permet 100 produits. Archivez des produits ou passez à l’offre Duo.',
      {
        code: 'LIMIT_MAX_PRODUCTS',
        upgrade_to: 'BOUTIQUE',
        limit: 100,
      },
    );
    const described = describeError(error, 'fr');
    expect(described.message).toContain('100 produits');
    expect(described.action).toEqual({
      kind: 'link',
      to: '/app/settings/billing?plan=BOUTIQUE',
      label: 'Passer à l’offre Duo',
    });
    expect(described.planRelated).toBe(true);
  });

  it('points to what to delete when no plan above would help', () => {
    const error = serverError('', { code: 'LIMIT_MAX_USERS', upgrade_to: null });
    const described = describeError(error, 'en');
    expect(described.message).toBe(
      'You have reached the number of users of your plan, pending invitations included.',
    );
    expect(described.action).toMatchObject({ kind: 'link', to: '/app/team', label: 'Manage the team' });
  });

  it('turns a client-side verdict into the same sentence and upgrade link', () => {
    const verdict = checkCount(entitlementsFor('ESSENTIEL'), 'max_services', 1);
    const described = describeError(verdict, 'fr');
    expect(described.code).toBe('LIMIT_MAX_SERVICES');
    expect(described.message).toMatch(/^Votre offre Solo permet 1 service\./);
    expect(described.action).toMatchObject({ to: '/app/settings/billing?plan=BOUTIQUE' });
  });

  it('links FEATURE_NOT_INCLUDED to the plan that has it', () => {
    const error = serverError('Votre offre Duo n’inclut pas la fonctionnalité « Alertes DLC/DDM ».', {
      code: 'FEATURE_NOT_INCLUDED',
      upgrade_to: 'PRO',
    });
    expect(describeError(error, 'fr').action).toMatchObject({ label: 'Passer à l’offre Multi' });
  });

  it('says "no connection" (never a developer message) when the server was not reached', () => {
    const described = describeError(new TypeError('Failed to fetch'), 'fr', { canRetry: true });
    expect(described.code).toBe('NETWORK');
    expect(described.message).toContain('Pas de connexion');
    expect(described.action).toEqual({ kind: 'retry', label: 'Réessayer' });
    expect(describeError(new TypeError('Failed to fetch'), 'fr').action).toBeNull();
  });

  it('sends an expired session back to login, then here', () => {
    const error = serverError('Session expirée', { code: 'TOKEN_INVALID' });
    expect(describeError(error, 'fr', { here: '/app/inventory?month=2025-06' }).action).toEqual({
      kind: 'link',
      to: '/login?next=%2Fapp%2Finventory%3Fmonth%3D2025-06',
      label: 'Se reconnecter',
    });
  });

  it('explains a role refusal without an action, and a server error with its reference', () => {
    expect(describeError(serverError('x', { code: 'FORBIDDEN_ROLE' }), 'fr')).toMatchObject({
      message: 'Votre rôle ne permet pas cette action. Demandez au propriétaire ou à un responsable.',
      action: null,
    });
    expect(
      describeError(serverError('x', { code: 'INTERNAL', request_id: 'req-42' }), 'en').message,
    ).toContain('reference req-42');
  });

  it('falls back to the server detail for other codes', () => {
    const error = serverError('Ce code-barres existe déjà dans ce service.', { code: 'DUPLICATE_BARCODE' });
    expect(describeError(error, 'fr')).toMatchObject({
      code: 'DUPLICATE_BARCODE',
      message: 'Ce code-barres existe déjà dans ce service.',
      action: null,
      planRelated: false,
    });
  });
});

describe('fieldErrors', () => {
  it('returns the validation messages by field, or nothing', () => {
    const error = serverError('Certaines informations sont invalides.', {
      code: 'VALIDATION_ERROR',
      fields: { email: 'Adresse invalide' },
    });
    expect(fieldErrors(error)).toEqual({ email: 'Adresse invalide' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
