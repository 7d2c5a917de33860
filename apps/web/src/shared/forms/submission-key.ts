/**
 * One key per submission: a retry of the same loss, check or delivery sends it again
 * (the server answers the first result), a new one gets a new key.
 * `crypto.randomUUID` exists only on https (and localhost); elsewhere 16 random bytes in hex do.
 */
export function newSubmissionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}
