import { type CountKey, type Limits, withinLimit } from './entitlements';
import { COUNT_KEYS, COUNT_USAGE_KEYS, type CountUsage, OVER_LIMIT_FLAGS, type OverLimit } from './usage';

/** Already beyond a limit (e.g. after a downgrade): blocks creating more, never reading or exporting. */
export function overLimit(usage: CountUsage, limits: Pick<Limits, CountKey>): OverLimit {
  const over: OverLimit = { products: false, services: false, users: false };
  for (const key of COUNT_KEYS)
    over[OVER_LIMIT_FLAGS[key]] = !withinLimit(limits[key], usage[COUNT_USAGE_KEYS[key]]);
  return over;
}
