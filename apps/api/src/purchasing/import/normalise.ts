/** Lower case, no accents or ligatures, every run of punctuation or space as one space: "Qté." → "qte". */
export function normaliseText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Digits only, leading zeros dropped: a UPC-A and its EAN-13 form compare equal. */
export function normaliseBarcode(value: string): string {
  return value.replace(/\D/g, '').replace(/^0+/, '');
}

/** Case and spacing do not tell two references apart. */
export function normaliseSku(value: string): string {
  return value.toUpperCase().replace(/[\s_.-]+/g, '');
}
