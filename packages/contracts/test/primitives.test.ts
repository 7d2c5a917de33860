import { describe, expect, it } from 'vitest';
import { Email, ERROR_MESSAGES, ERROR_STATUS, Money, Month, presetFeatures, Quantity } from '../src';

describe('wire primitives', () => {
  it('months are YYYY-MM', () => {
    expect(Month.safeParse('2026-11').success).toBe(true);
    expect(Month.safeParse('2026-13').success).toBe(false);
    expect(Month.safeParse('2026-1').success).toBe(false);
  });

  it('money has at most 2 decimals and quantities 3, never negative', () => {
    expect(Money.safeParse(12.34).success).toBe(true);
    expect(Money.safeParse(12.345).success).toBe(false);
    expect(Money.safeParse(-1).success).toBe(false);
    expect(Quantity.safeParse(0.125).success).toBe(true);
    expect(Quantity.safeParse(0.1255).success).toBe(false);
    expect(Quantity.safeParse(0).success).toBe(true);
  });

  it('emails are trimmed and lower-cased', () => {
    expect(Email.parse('  Lea.Martin@Example.COM ')).toBe('lea.martin@example.com');
    expect(Email.safeParse('not-an-email').success).toBe(false);
  });

  it('every error code has a status and a French and English message', () => {
    for (const code of Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]) {
      expect(ERROR_MESSAGES[code].fr.length).toBeGreaterThan(3);
      expect(ERROR_MESSAGES[code].en.length).toBeGreaterThan(3);
    }
    expect(ERROR_STATUS.INVITE_EXPIRED).toBe(410);
    expect(ERROR_STATUS.LIMIT_MAX_USERS).toBe(403);
  });
});

describe('service presets (SPEC §6)', () => {
  it('bar: mixed counting, open containers tracked, selling price off', () => {
    const features = presetFeatures('bar', 'food');
    expect(features.open_container_tracking?.enabled).toBe(true);
    expect(features.lot?.enabled).toBe(true);
    expect(features.sku?.enabled).toBe(false);
    expect(features.prices).toMatchObject({ enabled: true, purchase_enabled: true, selling_enabled: false });
  });

  it('retail: barcode off, sku and variants on', () => {
    const features = presetFeatures('retail_general', 'general');
    expect(features.barcode?.enabled).toBe(false);
    expect(features.variants?.enabled).toBe(true);
  });

  it('domain general turns dlc and open containers off', () => {
    expect(presetFeatures('bulk_food', 'food').dlc?.enabled).toBe(true);
    expect(presetFeatures('bulk_food', 'general').dlc?.enabled).toBe(false);
    expect(presetFeatures('bulk_food', 'general').open_container_tracking?.enabled).toBe(false);
  });
});
