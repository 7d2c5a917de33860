/** Time is always a parameter: an Invalid Date is a caller bug, not "no time". */
export function assertValidDate(value: Date, name: string): void {
  if (Number.isNaN(value.getTime())) throw new RangeError(`${name} must be a valid Date`);
}

/** Counts, quotas and limits are whole, non-negative numbers. */
export function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}
