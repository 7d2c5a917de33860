import type { Role } from '@stockscan/contracts';
import { roleAtLeast } from './roles';

/**
 * Blind counting (a service setting, SPEC §11): operators see neither last month's quantities nor "copy from
 * last month", so they count what is there; managers and owners always see them.
 */
export function seesPreviousCounts(role: Role, blindCounting: boolean): boolean {
  return !blindCounting || roleAtLeast(role, 'manager');
}
