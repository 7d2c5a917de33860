import { describe, expect, it } from 'vitest';
import { recountEmail } from '../src/inventory/recount-email';

const facts = {
  to: 'marc@zinc.test',
  counter: 'marc',
  manager: 'lea',
  product: 'Gin Citadelle 70 cl',
  service: 'Bar',
  month: '2026-11',
  link: 'https://app.test/app/inventory?service=s&month=2026-11',
};

describe('recountEmail', () => {
  it('names the product, the service, the month in words and who asks, in the counter’s language', () => {
    const fr = recountEmail(facts, 'fr');
    expect(fr.subject).toBe('À recompter : Gin Citadelle 70 cl (Bar, novembre 2026)');
    expect(fr.text).toContain(
      'lea revoit l’inventaire de novembre 2026 et vous demande de recompter « Gin Citadelle 70 cl »',
    );
    expect(fr.text).toContain(facts.link);
    const en = recountEmail(facts, 'en');
    expect(en.subject).toBe('To recount: Gin Citadelle 70 cl (Bar, November 2026)');
    expect(en.text).toContain(
      'lea is reviewing November 2026 and asks you to count “Gin Citadelle 70 cl” again',
    );
    expect(en.to).toBe('marc@zinc.test');
  });
});
