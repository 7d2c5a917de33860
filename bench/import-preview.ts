/**
 * The import preview scenario of `pnpm bench:inventory`: a 5,000-line supplier file (Windows-1252, `;`,
 * decimal commas, a title line) previewed against the service's 5,000 products — SPEC §11 / issue #18: ≤ 2 s.
 */
export const IMPORT_LINES = 5_000;
export const IMPORT_TARGET_MS = 2_000;

/** Lines name the seeded products: most by barcode, some by name only, a few unknown. */
export function supplierFile(products: number): string {
  const rows = ['GROSSISTE DU MIDI - Facture F-2026-0042;;;;;', 'Désignation;EAN;Qté;Colisage;PU HT;DLC'];
  for (let i = 0; i < IMPORT_LINES; i++) {
    const known = i % 50 !== 49;
    const byName = i % 7 === 0;
    const name = known ? `Produit ${String((i * 7919) % products).padStart(4, '0')}` : `Nouveauté n°${i}`;
    const ean = known && !byName ? String(3_000_000_000_000 + i) : '';
    rows.push(
      `${name};${ean};${1 + (i % 12)};${i % 4 === 0 ? 6 : ''};${(1 + (i % 50)).toFixed(2).replace('.', ',')};31/12/2026`,
    );
  }
  // Every character here is Latin-1, where Windows-1252 agrees byte for byte.
  return Buffer.from(rows.join('\r\n'), 'latin1').toString('base64');
}
