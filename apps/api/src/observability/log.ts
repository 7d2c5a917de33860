/**
 * The slice of a logger a service writes to: fields first, then the message (pino's order). Services take this
 * rather than Fastify's logger so they know no transport; `req.log` and `app.log` fit it as they are.
 */
export interface Log {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
