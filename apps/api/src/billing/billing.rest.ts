import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';

/** REST adapters of SPEC §7 for this domain (thin: parse → service → map errors). */
export function registerBillingRoutes(_app: FastifyInstance, _deps: Deps): void {}
