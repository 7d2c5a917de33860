import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A client's x-request-id is kept only as a short safe token (it lands in logs and response headers). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's genReqId: the caller's id when it is a short safe token, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
