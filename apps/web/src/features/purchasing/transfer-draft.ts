import { parseDecimal } from '../inventory/scope/format';
import type { PickedProduct, TransferPair } from './types';

/** One product being moved, as typed. */
export interface TransferLineDraft {
  /** Stable React key. */
  key: string;
  product: PickedProduct;
  quantity: string;
}

export interface TransferDraft {
  fromId: string;
  toId: string;
  /** yyyy-mm-dd */
  date: string;
  lines: TransferLineDraft[];
}

export type TransferProblem = 'to_missing' | 'to_same' | 'date_future' | 'lines_empty' | 'line_invalid';

export interface TransferLineInput {
  product_id: string;
  quantity: number;
}

/** A line's quantity (French or English decimals); null unless a positive number of at most 3 decimals. */
export function lineQuantity(line: TransferLineDraft): number | null {
  const quantity = parseDecimal(line.quantity);
  return quantity !== null && quantity > 0 ? quantity : null;
}

/** The destination proposed when the form opens or the origin changes: the first other service. */
export function defaultDestination(services: readonly { id: string }[], fromId: string): string {
  return services.find((s) => s.id !== fromId)?.id ?? '';
}

/** A picked product joins the lines once: picking it again keeps the line already there. */
export function withProduct(
  lines: TransferLineDraft[],
  product: PickedProduct,
  key: string,
): TransferLineDraft[] {
  if (lines.some((l) => l.product.id === product.id)) return lines;
  return [...lines, { key, product, quantity: '' }];
}

/** What keeps the draft from being sent, and which lines are at fault. */
export function transferProblems(
  draft: TransferDraft,
  today: string,
): { problems: TransferProblem[]; invalidLines: string[] } {
  const problems: TransferProblem[] = [];
  if (!draft.toId) problems.push('to_missing');
  else if (draft.toId === draft.fromId) problems.push('to_same');
  if (draft.date > today) problems.push('date_future');
  if (draft.lines.length === 0) problems.push('lines_empty');
  const invalidLines = draft.lines.filter((l) => lineQuantity(l) === null).map((l) => l.key);
  if (invalidLines.length > 0) problems.push('line_invalid');
  return { problems, invalidLines };
}

/** The lines as the API takes them (only meaningful once `transferProblems` found none). */
export function transferLines(draft: TransferDraft): TransferLineInput[] {
  return draft.lines.flatMap((l) => {
    const quantity = lineQuantity(l);
    return quantity === null ? [] : [{ product_id: l.product.id, quantity }];
  });
}

/** The cost the transfer will carry (quantity × purchase price); null while no line has both. */
export function estimatedCost(lines: TransferLineDraft[]): number | null {
  let cost: number | null = null;
  for (const line of lines) {
    const quantity = lineQuantity(line);
    if (quantity === null || line.product.purchase_price == null) continue;
    cost = (cost ?? 0) + quantity * line.product.purchase_price;
  }
  return cost === null ? null : Math.round(cost * 100) / 100;
}

/** Where a line's stock will land: a product of the destination, one the transfer creates, or not known yet. */
export type LinePairing = { kind: 'pending' } | { kind: 'paired'; name: string } | { kind: 'created' };

export function pairingOf(pairs: readonly TransferPair[] | undefined, productId: string): LinePairing {
  const pair = pairs?.find((p) => p.product_id === productId);
  if (!pair) return { kind: 'pending' };
  return pair.to_product_id && pair.to_product_name !== null
    ? { kind: 'paired', name: pair.to_product_name }
    : { kind: 'created' };
}

/** The product ids to ask the pairing for, in a stable order (one query per set of products). */
export function pairingKey(lines: TransferLineDraft[]): string[] {
  return [...new Set(lines.map((l) => l.product.id))].sort();
}

/** A transfer seen from one service: stock that entered it or left it. */
export function directionOf(transfer: { to_service_id: string }, serviceId: string): 'in' | 'out' {
  return transfer.to_service_id === serviceId ? 'in' : 'out';
}
