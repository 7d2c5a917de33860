import { AssistantAskInput } from '@stockscan/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';
import { restRoute } from '../http/rest';
import { askAssistant } from './assistant.service';

/** SPEC §7: the assistant's documented path, same service as assistant.ask. */
export function registerAssistantRoutes(app: FastifyInstance, deps: Deps): void {
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/ai/assistant/',
    auth: 'operator',
    body: AssistantAskInput,
    handler: ({ actor, body, ctx, req }) =>
      askAssistant(deps, actor, body, { locale: ctx.locale, requestId: ctx.requestId, log: req.log }),
  });
}
