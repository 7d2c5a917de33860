/** PostgreSQL error fields shared by pg and PGlite. */
interface PgError {
  code?: unknown;
  constraint?: unknown;
}

/** A unique violation (23505), optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: name } = error as PgError;
  return code === '23505' && (constraint === undefined || name === constraint);
}

/** A foreign key violation (23503): a row still references the one being deleted. */
export function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as PgError).code === '23503';
}
