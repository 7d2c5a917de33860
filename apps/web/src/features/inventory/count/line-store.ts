import type { ContainerStatus } from '@stockscan/contracts';
import { lineKey } from './pending-queue';

/**
 * The count lines learnt during this visit — confirmed by our own saves and polled from other people's
 * phones — by service, month, product and place. They win over the list's cached pages (which are not
 * refetched under the person's thumb) when newer. Plain data and pure functions; one instance per app.
 */

/** One place's line of a product's month, with who counted it and when. */
export interface LineView {
  location_id: string | null;
  quantity: number;
  container_status: ContainerStatus;
  remaining_fraction: number | null;
  /** Absent when the source does not carry them (a polled line). */
  expiry_date?: string | null;
  lot_number?: string | null;
  /** The scale's reading when the opened container was weighed (absent when the source does not say). */
  weight_g?: number | null;
  counted_by: string | null;
  counted_by_name: string | null;
  counted_at: string;
}

/** A line as learnt: the line, or its clearing (and when, so a later count elsewhere shows again). */
type Learnt = { line: LineView } | { cleared_at: string };

const productKey = (serviceId: string, month: string, productId: string) =>
  `${serviceId}/${month}/${productId}`;

export class LineStore {
  private readonly learnt = new Map<string, Map<string, Learnt>>();
  private readonly versions = new Map<string, number>();
  /** Lines this person saved during the visit (by product key + line key): "modifié par …" when replaced. */
  private readonly mine = new Set<string>();
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever something learnt about the product changes (a row re-renders on it, no other). */
  version(serviceId: string, month: string, productId: string): number {
    return this.versions.get(productKey(serviceId, month, productId)) ?? 0;
  }

  /**
   * Lines from our saves (`mine`) or from the poll; an older line than the one known for the place is
   * ignored. Returns whether anything changed.
   */
  learn(
    serviceId: string,
    month: string,
    lines: readonly (LineView & { product_id: string })[],
    options: { mine?: boolean } = {},
  ): boolean {
    const touched = new Set<string>();
    for (const { product_id, ...line } of lines) {
      const key = productKey(serviceId, month, product_id);
      const place = lineKey(product_id, line.location_id);
      const known = this.knownOf(key);
      const before = known.get(place);
      if (options.mine) this.mine.add(`${key}|${place}`);
      if (before && 'line' in before && !isNewer(line, before.line)) continue;
      if (before && 'cleared_at' in before && line.counted_at <= before.cleared_at) continue;
      known.set(place, { line });
      touched.add(key);
    }
    this.bump(touched);
    return touched.size > 0;
  }

  /** Cleared on the server: every line of the product, or one place's (`locationId` given, null = service). */
  forget(serviceId: string, month: string, productId: string, places: (string | null)[], at: string): void {
    const key = productKey(serviceId, month, productId);
    const known = this.knownOf(key);
    for (const place of places) known.set(lineKey(productId, place), { cleared_at: at });
    this.bump(new Set([key]));
  }

  /**
   * Lines cleared on another phone (`counts.changes`): each place's line is dropped unless a count taken after
   * the clearing is known (counted again since). Returns whether anything changed.
   */
  learnCleared(
    serviceId: string,
    month: string,
    cleared: readonly { product_id: string; location_id: string | null; cleared_at: string }[],
  ): boolean {
    const touched = new Set<string>();
    for (const { product_id, location_id, cleared_at } of cleared) {
      const key = productKey(serviceId, month, product_id);
      const place = lineKey(product_id, location_id);
      const known = this.knownOf(key);
      const before = known.get(place);
      if (before && 'line' in before && before.line.counted_at > cleared_at) continue;
      if (before && 'cleared_at' in before && before.cleared_at >= cleared_at) continue;
      known.set(place, { cleared_at });
      touched.add(key);
    }
    this.bump(touched);
    return touched.size > 0;
  }

  /** What is known of a product's lines, by line key. */
  learntOf(serviceId: string, month: string, productId: string): ReadonlyMap<string, Learnt> | undefined {
    return this.learnt.get(productKey(serviceId, month, productId));
  }

  /** Whether this person saved the product's line in that place during the visit. */
  isMine(serviceId: string, month: string, productId: string, locationId: string | null): boolean {
    return this.mine.has(`${productKey(serviceId, month, productId)}|${lineKey(productId, locationId)}`);
  }

  /** The product's learnt lines, made empty the first time. */
  private knownOf(key: string): Map<string, Learnt> {
    let known = this.learnt.get(key);
    if (!known) {
      known = new Map();
      this.learnt.set(key, known);
    }
    return known;
  }

  private bump(keys: Set<string>): void {
    if (keys.size === 0) return;
    for (const key of keys) this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    for (const listener of this.listeners) listener();
  }
}

/** The later count wins (SPEC §11: counting again in the same place overwrites that place's line). */
function isNewer(line: LineView, than: LineView): boolean {
  if (line.counted_at !== than.counted_at) return line.counted_at > than.counted_at;
  return (
    line.quantity !== than.quantity ||
    line.container_status !== than.container_status ||
    line.remaining_fraction !== than.remaining_fraction ||
    line.counted_by !== than.counted_by ||
    (line.counted_by_name !== than.counted_by_name && line.counted_by_name !== null)
  );
}

/**
 * A product's lines as the screen shows them: the page's lines, replaced by newer learnt ones, minus the
 * cleared ones (unless counted again after). In the order of `places` (the service's locations), the
 * service-as-a-whole line first.
 */
export function mergedLines(
  pageLines: readonly LineView[],
  learnt: ReadonlyMap<string, Learnt> | undefined,
  productId: string,
  places: readonly string[] = [],
): LineView[] {
  const byPlace = new Map<string, LineView>();
  for (const line of pageLines) byPlace.set(lineKey(productId, line.location_id), line);
  if (learnt)
    for (const [place, entry] of learnt) {
      const page = byPlace.get(place);
      if ('cleared_at' in entry) {
        if (page && page.counted_at <= entry.cleared_at) byPlace.delete(place);
      } else if (!page || !isNewer(page, entry.line)) {
        // Keep what the page does not carry (a polled line has no expiry or lot).
        byPlace.set(place, {
          ...entry.line,
          expiry_date: entry.line.expiry_date !== undefined ? entry.line.expiry_date : page?.expiry_date,
          lot_number: entry.line.lot_number !== undefined ? entry.line.lot_number : page?.lot_number,
        });
      }
    }
  // The service as a whole first, then the places in order; an archived place (not in `places`) last.
  const rank = (line: LineView) => {
    if (line.location_id === null) return -1;
    const at = places.indexOf(line.location_id);
    return at === -1 ? places.length : at;
  };
  return [...byPlace.values()].sort((a, b) => rank(a) - rank(b));
}

/** A line's stock: sealed units plus what is left in the opened container. */
export function lineStock(line: Pick<LineView, 'quantity' | 'remaining_fraction'>): number {
  return line.quantity + (line.remaining_fraction ?? 0);
}

/** The product's month: the sum of its lines (null when it has none). */
export function totalOf(lines: readonly LineView[]): number | null {
  if (lines.length === 0) return null;
  return Math.round(lines.reduce((sum, line) => sum + lineStock(line), 0) * 1000) / 1000;
}

/**
 * "modifié par Marc": this person saved the place's line during the visit and someone else's count has
 * replaced it since. The other person's line, else null.
 */
export function replacedBy(line: LineView | undefined, mine: boolean, me: string | null): LineView | null {
  if (!line || !mine || !me || line.counted_by === null || line.counted_by === me) return null;
  return line;
}
