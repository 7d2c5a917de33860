import { ExportDownloadQuery, ExportRequest } from '@stockscan/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps';
import { restRoute } from '../http/rest';
import { type Actor, resolveActor } from '../request/actor';
import { ChunkCoalescer } from './chunk-coalescer';
import { verifyDownloadToken } from './download-token';
import { type ExportPlan, planExport } from './export-plan';
import {
  DOWNLOAD_PATH,
  produceAndMail,
  type StartedExport,
  startExport,
  streamExport,
} from './exports.service';
import { ExportAbortedError } from './write-export-file';

/** REST adapters of SPEC §7 for this domain (thin: parse → service → map errors). */
export function registerExportsRoutes(app: FastifyInstance, deps: Deps): void {
  // The documented path for curl and integrations: bearer token, owner or manager.
  restRoute(app, deps, {
    method: 'GET',
    url: '/api/export-excel/',
    auth: 'manager',
    query: ExportRequest,
    handler: ({ actor, query, req, reply }) => sendExport(deps, actor, query, req, reply),
  });

  // The browser's download: no bearer, a 5-minute link signed by `exports.prepare`.
  restRoute(app, deps, {
    method: 'GET',
    url: DOWNLOAD_PATH,
    auth: 'public',
    query: ExportDownloadQuery,
    handler: async ({ query, req, reply }) => {
      const claims = await verifyDownloadToken(query.token, deps.config.appSecret, deps.now());
      const actor = await resolveActor(deps.db, claims);
      return sendExport(deps, actor, claims.request, req, reply, claims.jti);
    },
  });
}

function fileHeaders(reply: FastifyReply, plan: ExportPlan): void {
  reply
    .header('content-type', plan.contentType)
    .header('content-disposition', `attachment; filename="${plan.filename}"`)
    .header('cache-control', 'no-store');
}

/**
 * Every refusal happens before the headers (JSON errors); then the file streams out. A failure before
 * the first byte is still a JSON error; after it, the connection is cut so no client takes a truncated
 * file for a complete one (and the quota unit is given back).
 */
async function sendExport(
  deps: Deps,
  actor: Actor,
  request: ExportRequest,
  req: FastifyRequest,
  reply: FastifyReply,
  linkId?: string,
): Promise<unknown> {
  if (req.method === 'HEAD') {
    // Fastify answers HEAD with the GET handler: check and name the file, never spend an export on it.
    fileHeaders(reply, await planExport(deps.db, actor, request, deps.now()));
    return '';
  }
  // A slot per running export (429 past the tenant's or the instance's share), released when the response
  // ends however it ends: finished, failed, client gone, or cut after a stall.
  const release = deps.exportSlots.acquire(actor.tenantId);
  reply.raw.once('close', release);
  let started: StartedExport;
  try {
    started = await startExport(deps, actor, request, linkId);
  } catch (error) {
    release();
    throw error;
  }
  const { plan } = started;

  if (plan.email) {
    const { file, email } = await produceAndMail(deps, actor, started, req.log).finally(release);
    fileHeaders(reply, plan);
    reply.header('x-export-email', email.sent ? 'sent' : 'failed');
    if (email.reason) reply.header('x-export-email-error', email.reason);
    return file;
  }

  const body = new ChunkCoalescer();
  let streaming = false;
  let markStarted: () => void = () => {};
  const firstRows = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const production = streamExport(deps, actor, started, body, req.log, () => {
    streaming = true;
    markStarted();
  });
  // The cursor's connection is back in the pool once production settles.
  void production.then(release, release);
  production.catch((error: unknown) => {
    // Before the first byte the error is answered as JSON (restRoute, or Fastify's error handler once the
    // stream is handed over: then it must not keep the attachment header); after it, the response is cut.
    if (streaming && !(error instanceof ExportAbortedError))
      req.log.error({ err: error }, 'export failed while streaming');
    if (!reply.raw.headersSent)
      for (const name of ['content-disposition', 'content-type']) {
        reply.removeHeader(name);
        reply.raw.removeHeader(name); // Fastify copied them onto the raw response with the stream
      }
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  await Promise.race([firstRows, production]);
  fileHeaders(reply, plan);
  return body;
}
