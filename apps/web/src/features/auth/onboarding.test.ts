import { RegisterFormInput } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import {
  type AccountDraft,
  defaultServices,
  domainFor,
  draftFeatures,
  featuresPatch,
  newDraft,
  registerPayload,
  serviceNameIssues,
} from './onboarding';
import { placeFieldErrors } from './register-failure';

const account: AccountDraft = {
  tenant_name: 'Le Comptoir',
  username: 'marie',
  email: 'Marie@Example.com ',
  password: 'motdepasse',
  password_confirm: 'motdepasse',
  accept_terms: true,
};

describe('onboarding model', () => {
  it('suggests the SPEC §6 services of the trade, in English names for an English interface', () => {
    expect(defaultServices('restaurant', 'fr').map((s) => [s.name, s.service_type])).toEqual([
      ['Cuisine', 'kitchen'],
      ['Salle', 'restaurant_dining'],
    ]);
    expect(defaultServices('camping_multi', 'en').map((s) => s.name)).toEqual([
      'Grocery',
      'Bar',
      'Food service',
    ]);
  });

  it('is a food business as soon as one service is not general retail', () => {
    expect(domainFor([newDraft('Boutique', 'retail_general')])).toBe('general');
    expect(domainFor([newDraft('Boutique', 'retail_general'), newDraft('Bar', 'bar')])).toBe('food');
  });

  it('sends only the switches that differ from the preset the server applies', () => {
    const kitchen = { ...newDraft('Cuisine', 'kitchen'), overrides: { lot: false, vat: true, dlc: true } };
    // kitchen preset: lot and dlc on, vat off → dlc already matches and is not sent.
    expect(featuresPatch(kitchen, 'food')).toEqual({ lot: { enabled: false }, vat: { enabled: true } });
    expect(draftFeatures(kitchen, 'food').lot).toEqual({ enabled: false, recommended: true });
    expect(featuresPatch(newDraft('Bar', 'bar'), 'food')).toEqual({});
  });

  it('builds a register body the contracts schema accepts: first service primary, the rest extra, with modules', () => {
    const payload = registerPayload(
      'restaurant',
      [
        { ...newDraft('Cuisine', 'kitchen'), overrides: { vat: true } },
        { ...newDraft('Salle', 'restaurant_dining'), overrides: { lot: false, dlc: true } },
      ],
      account,
    );
    const parsed = RegisterFormInput.safeParse(payload);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      service_name: 'Cuisine',
      service_type: 'kitchen',
      service_features: { vat: { enabled: true } },
      domain: 'food',
      email: 'marie@example.com',
      extra_services: [
        { name: 'Salle', service_type: 'restaurant_dining', features: { lot: { enabled: false } } },
      ],
      accept_terms: true,
    });
  });

  it('refuses empty, too long and duplicate service names before the server does', () => {
    const services = [
      newDraft('Bar', 'bar'),
      newDraft(' bar ', 'bar'),
      newDraft('  ', 'other'),
      newDraft('x'.repeat(81), 'other'),
    ];
    const issues = serviceNameIssues(services);
    expect(Object.values(issues)).toEqual(['duplicate', 'required', 'long']);
    expect(issues[services[0]?.key ?? '']).toBeUndefined();
  });
});

describe('register refusals', () => {
  it('puts account messages under their fields and sends service ones back to step 2', () => {
    expect(
      placeFieldErrors({
        email: 'E-mail invalide.',
        'extra_services.0.features': 'Unrecognized key',
        password_confirm: 'Les mots de passe ne correspondent pas.',
        nonsense: 'x',
      }),
    ).toEqual({
      kind: 'fields',
      account: { email: 'E-mail invalide.', password_confirm: 'Les mots de passe ne correspondent pas.' },
      services: true,
    });
    expect(placeFieldErrors({ service_features: 'x' }).services).toBe(true);
    expect(placeFieldErrors({ username: 'x' }).services).toBe(false);
  });
});
