/**
 * A small stable colour per counter (Backbar-style): the same person always gets the same one, derived from
 * their user id. Every colour carries white text at WCAG AA (4.5:1) or better.
 */
export const COUNTER_COLOURS = [
  '#1d4ed8',
  '#047857',
  '#b45309',
  '#7e22ce',
  '#be123c',
  '#0e7490',
  '#4d7c0f',
  '#a21caf',
  '#c2410c',
  '#334155',
] as const;

/** FNV-1a over the id: stable across visits and devices, spread over the palette. */
export function counterColour(userId: string | null): string {
  if (!userId) return '#475569';
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return COUNTER_COLOURS[(hash >>> 0) % COUNTER_COLOURS.length] ?? '#475569';
}

/** The letter in the badge: the name's first letter, upper case ("lea.zinc" → "L"). */
export function counterInitial(name: string | null): string {
  const first = name?.trim().charAt(0) ?? '';
  return first ? first.toLocaleUpperCase('fr') : '?';
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
