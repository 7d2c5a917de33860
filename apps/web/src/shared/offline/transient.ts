/** Server errors worth retrying by themselves (the network, a busy server, a token to refresh); anything else needs the person. */
const TRANSIENT = new Set([
  'NETWORK',
  'RATE_LIMITED',
  'INTERNAL',
  'DB_UNAVAILABLE',
  'NOT_AUTHENTICATED',
  'TOKEN_INVALID',
]);

export function isTransient(code: string): boolean {
  return TRANSIENT.has(code);
}
