/** Currencies our customers use (France, overseas territories, Francophone Africa, neighbours), EUR first. */
const COMMON_CURRENCIES = [
  'EUR',
  'CHF',
  'GBP',
  'USD',
  'CAD',
  'XPF',
  'XOF',
  'XAF',
  'MAD',
  'TND',
  'DZD',
  'MUR',
  'MGA',
  'AUD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'JPY',
] as const;

/** "EUR — euro": the ISO 4217 code and its name in the interface language. */
export function currencyOptions(
  locale: string,
  current: string | undefined,
): { code: string; label: string }[] {
  const names =
    typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([locale], { type: 'currency' }) : null;
  const codes: string[] = [...COMMON_CURRENCIES];
  if (current && !codes.includes(current)) codes.push(current);
  return codes.map((code) => {
    const name = names?.of(code);
    return { code, label: name && name !== code ? `${code} — ${name}` : code };
  });
}
