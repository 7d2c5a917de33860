import { Writable } from 'node:stream';
import type {
  ExportEmailInput,
  ExportEmailResult,
  ExportEmailStatus,
  ExportPrepareInput,
  ExportPrepareResult,
  ExportQuota,
  ExportRequest,
} from '@stockscan/contracts';
import { QUOTA_LIMIT_KEYS, quotaLeft } from '@stockscan/entitlements';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import { requireVerifiedEmail } from '../auth/verified-email';
import type { Deps } from '../deps';
import { consumeQuota, denialError, type QuotaReservation } from '../entitlements/enforce';
import { quotaUsage } from '../entitlements/usage.service';
import { AppError } from '../errors';
import type { Log } from '../observability/log';
import type { Actor } from '../request/actor';
import { isUniqueViolation } from '../tenants/db-errors';
import { signDownloadToken } from './download-token';
import { EMAILED_PARAM, emailedExportsCap } from './email-cap';
import { mailExport } from './export-mail';
import { type ExportPlan, planExport } from './export-plan';
import { writeExportFile } from './write-export-file';

export const DOWNLOAD_PATH = '/api/export-excel/download';

/** An export whose checks passed and whose quota unit is reserved: write it, or it is given back. */
export interface StartedExport {
  plan: ExportPlan;
  reservation: QuotaReservation;
}

/** This month's use of the format's quota; refuses with LIMIT_* when nothing is left. */
async function remainingQuota(deps: Deps, plan: ExportPlan, now: Date): Promise<ExportQuota> {
  const usage = await quotaUsage(deps.db, plan.tenant.id, now);
  const quota = quotaLeft(plan.ent, plan.kind, usage[QUOTA_LIMIT_KEYS[plan.kind]]);
  if (!quota.verdict.ok) throw denialError(quota.verdict);
  return { limit: quota.limit, used: quota.used, remaining: quota.left };
}

/**
 * tRPC `exports.prepare`: every check of the download (role, service, period, feature, quota left), then
 * a 5-minute signed link the browser can open without a bearer token. The quota unit is reserved by the
 * download itself (and given back if the file cannot be produced), so a link never opened costs nothing.
 */
export async function prepareExport(
  deps: Deps,
  actor: Actor,
  request: ExportPrepareInput,
  origin: string,
): Promise<ExportPrepareResult> {
  const now = deps.now();
  const plan = await planExport(deps.db, actor, request, now);
  const quota = await remainingQuota(deps, plan, now);
  // The link downloads the month shown now, even if it is opened after midnight on the 1st.
  const pinned = request.month || request.from ? request : { ...request, month: plan.to };
  const { token, expiresAt } = await signDownloadToken(
    { userId: actor.userId, tenantId: actor.tenantId, request: pinned },
    deps.config.appSecret,
    now,
  );
  const path = `${DOWNLOAD_PATH}?token=${encodeURIComponent(token)}`;
  return {
    url: `${origin}${path}`,
    path,
    expires_at: expiresAt.toISOString(),
    filename: plan.filename,
    format: plan.format,
    content_type: plan.contentType,
    quota,
  };
}

/**
 * Checks everything, then reserves one unit of the month's quota atomically (N parallel exports with one
 * unit left: exactly one passes). Every refusal is thrown here, before any byte of the file. `linkId` (a
 * download link's jti) makes the link single-use: a link that already produced a file answers 401.
 */
export async function startExport(
  deps: Deps,
  actor: Actor,
  request: ExportRequest,
  linkId?: string,
): Promise<StartedExport> {
  const now = deps.now();
  const plan = await planExport(deps.db, actor, request, now);
  if (linkId) await assertLinkUnused(deps, actor.tenantId, linkId);
  if (plan.email) await requireVerifiedEmail(deps.db, actor.userId);
  try {
    const reservation = await consumeQuota(
      deps.db,
      actor.tenantId,
      actor.userId,
      plan.kind,
      now,
      {
        format: plan.format,
        service: request.service,
        from: plan.from,
        to: plan.to,
        mode: plan.mode,
        ...(linkId ? { link_id: linkId } : {}),
        ...(plan.email ? { [EMAILED_PARAM]: true } : {}),
      },
      plan.email ? emailedExportsCap(actor.tenantId, deps.config.exportEmailDailyLimit, now) : undefined,
    );
    return { plan, reservation };
  } catch (error) {
    // Concurrent downloads of one link: the unique index lets one reservation in.
    if (linkId && isUniqueViolation(error, 'usage_events_link_id')) throw linkUsed();
    throw error;
  }
}

const linkUsed = () =>
  new AppError('TOKEN_INVALID', {
    fr: 'Ce lien de téléchargement a déjà servi : relancez l’export.',
    en: 'This download link was already used: start the export again.',
  });

/**
 * A link's file is in the quota ledger once produced (a failed one was given back: it may be retried). A
 * quick answer for a link used earlier; the unique index usage_events_link_id is what holds under
 * concurrency.
 */
async function assertLinkUnused(deps: Deps, tenantId: string, linkId: string): Promise<void> {
  const used = await deps.db
    .selectFrom('usage_events')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where(sql<string>`params->>'link_id'`, '=', linkId)
    .executeTakeFirst();
  if (used) throw linkUsed();
}

/** Runs `produce`; on failure gives the quota unit back (a failed export is not counted) and rethrows. */
async function producedOrReleased(
  deps: Deps,
  started: StartedExport,
  log: Log,
  produce: () => Promise<number>,
): Promise<number> {
  try {
    const rows = await produce();
    deps.metrics.exports.inc({ format: started.plan.format, result: 'ok' });
    return rows;
  } catch (error) {
    deps.metrics.exports.inc({ format: started.plan.format, result: 'failed' });
    const { reservation } = started;
    await reservation.release().catch((releaseError: unknown) => {
      log.error({ err: releaseError, usage_event_id: reservation.id }, 'export quota release failed');
    });
    throw error;
  }
}

async function auditExport(
  deps: Deps,
  actor: Actor,
  { plan, reservation }: StartedExport,
  rows: number,
  email: ExportEmailStatus | null,
  log: Log,
): Promise<void> {
  await recordAudit(deps.db, {
    tenant_id: actor.tenantId,
    user_id: actor.userId,
    action: 'export.create',
    object_type: 'export',
    object_id: reservation.id,
    meta: {
      format: plan.format,
      filename: plan.filename,
      service: plan.request.service,
      service_ids: plan.services.map((s) => s.id),
      from: plan.from,
      to: plan.to,
      mode: plan.mode,
      rows,
      retention_limited: plan.retentionLimited,
      ...(email ? { email_to: email.to, email_sent: email.sent } : {}),
    },
    at: deps.now(),
  }).catch((error: unknown) => {
    // The file is out and counted; a missing audit row must not turn it into an error.
    log.error({ err: error, usage_event_id: reservation.id }, 'export audit failed');
  });
}

/**
 * Streams the file into `out` (the HTTP response) from a database cursor; `onStart` fires when the first
 * rows are in hand, before the first byte. A failure gives the quota unit back and is rethrown.
 */
export async function streamExport(
  deps: Deps,
  actor: Actor,
  started: StartedExport,
  out: Writable,
  log: Log,
  onStart?: () => void,
): Promise<number> {
  const rows = await producedOrReleased(deps, started, log, () =>
    writeExportFile(deps.exportDb ?? deps.db, started.plan, out, deps.now(), onStart),
  );
  await auditExport(deps, actor, started, rows, null, log);
  return rows;
}

/**
 * Produces the whole file in memory (SendGrid takes the attachment base64 in one request), mails it, and
 * returns it for download too. A failed send is reported and logged; the export still counts and succeeds.
 */
export async function produceAndMail(
  deps: Deps,
  actor: Actor,
  started: StartedExport,
  log: Log,
): Promise<{ file: Buffer; rows: number; email: ExportEmailStatus }> {
  const { plan } = started;
  if (!plan.email) throw new Error('produceAndMail needs an email address');
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const rows = await producedOrReleased(deps, started, log, () =>
    writeExportFile(deps.exportDb ?? deps.db, plan, sink, deps.now()),
  );
  const file = Buffer.concat(chunks);
  const email = await mailExport(deps.mailer, plan, plan.email, file, rows);
  if (!email.sent)
    log.warn({ reason: email.reason, usage_event_id: started.reservation.id }, 'export email not sent');
  await auditExport(deps, actor, started, rows, email, log);
  return { file, rows, email };
}

/** tRPC `exports.email`: the file is produced, counted and mailed; the answer says whether it was sent. */
export async function emailExport(
  deps: Deps,
  actor: Actor,
  input: ExportEmailInput,
  log: Log,
): Promise<ExportEmailResult> {
  const started = await startExport(deps, actor, input);
  const { rows, email } = await produceAndMail(deps, actor, started, log);
  return { filename: started.plan.filename, rows, email };
}
