import {
  currentMonth,
  EXPORT_CONTENT_TYPES,
  type ExportFormat,
  type ExportMode,
  type ExportRequest,
  type Month,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import {
  checkFeature,
  type Entitlements,
  PLAN_LIMITS,
  plansAbove,
  type QuotaKind,
  readableFromMonth,
} from '@stockscan/entitlements';
import { denialError } from '../entitlements/enforce';
import { loadTenantPlan } from '../entitlements/tenant-entitlements';
import { AppError } from '../errors';
import { type Actor, assertServiceInScope, requireCan } from '../request/actor';
import { slugify } from '../tenants/slug';
import { closedMonthsNote, frenchMonth } from './closed-months';
import { hasLocations } from './stream-location-rows';

/** Everything decided before the first byte: any refusal here is still a JSON error. */
export interface ExportPlan {
  request: ExportRequest;
  tenant: { id: string; name: string; slug: string; currency_code: string };
  services: { id: string; name: string }[];
  from: Month;
  to: Month;
  format: ExportFormat;
  mode: ExportMode;
  kind: QuotaKind;
  /** The plan's history limit cut the start of the period (ESSENTIEL: 14 days). */
  retentionLimited: boolean;
  /** PRO `reports_advanced`: the XLSX gets a "Synthèse" sheet. */
  withSummary: boolean;
  /** BOUTIQUE+ `stock_control`: the XLSX gets a "Consommation" sheet for the last month. */
  withUsage: boolean;
  /** The services keep stock in places: the XLSX gets an "Emplacements" sheet (every count line). */
  withLocations: boolean;
  /** Recipients (1–5) and the plain-text note, when the file is mailed. */
  email: { to: string[]; message: string | null } | null;
  ent: Entitlements;
  filename: string;
  contentType: string;
  /** "Inventaire 11/2026 — Bistrot" (mail subject). */
  heading: string;
  /** The heading with the services, the history note and who closed the months: the workbook's title row. */
  title: string;
}

const KIND: Record<ExportFormat, QuotaKind> = { xlsx: 'export_xlsx', csv: 'export_csv' };
const FEATURE = { xlsx: 'exports_xlsx', csv: 'exports_basic' } as const;

/**
 * Checks role, services, period, plan features and history for an export, and names the file.
 * No side effect: `exports.prepare` calls it alone, the download calls it before consuming the quota.
 */
export async function planExport(
  db: Db,
  actor: Actor,
  request: ExportRequest,
  now: Date,
): Promise<ExportPlan> {
  requireCan(actor, 'exports.produce');
  const [{ ent, currency_code }, tenant] = await Promise.all([
    loadTenantPlan(db, actor.tenantId, now),
    db
      .selectFrom('tenants')
      .select(['id', 'name', 'slug'])
      .where('id', '=', actor.tenantId)
      .executeTakeFirstOrThrow(),
  ]);
  const services = await servicesInScope(db, actor, request.service);

  const format = request.format;
  const feature = checkFeature(ent, FEATURE[format]);
  if (!feature.ok) throw denialError(feature);
  if (request.email) {
    const mail = checkFeature(ent, 'exports_email');
    if (!mail.ok) throw denialError(mail);
  }

  const requestedFrom = request.from ?? request.month ?? currentMonth(now);
  const to = request.to ?? request.month ?? currentMonth(now);
  const readableFrom = readableFromMonth(ent, now);
  if (readableFrom !== null && to < readableFrom) throw historyRefusal(ent);
  const retentionLimited = readableFrom !== null && requestedFrom < readableFrom;
  const from = retentionLimited && readableFrom ? readableFrom : requestedFrom;

  const period = from === to ? from : `${from}_${to}`;
  const serviceSlug = services.length === 1 && services[0] ? slugify(services[0].name) : 'tous-services';
  const months = from === to ? frenchMonth(from) : `${frenchMonth(from)} à ${frenchMonth(to)}`;
  const heading = `Inventaire ${months} — ${tenant.name}`;
  const history = retentionLimited ? ` — historique limité à ${ent.limits.history_days} jours` : '';
  const serviceIds = services.map((s) => s.id);
  const [closed, located] = await Promise.all([
    closedMonthsNote(db, actor.tenantId, services, from, to),
    format === 'xlsx' ? hasLocations(db, actor.tenantId, serviceIds, from, to) : false,
  ]);
  return {
    request,
    tenant: { ...tenant, currency_code },
    services,
    from,
    to,
    format,
    mode: request.mode,
    kind: KIND[format],
    retentionLimited,
    withSummary: format === 'xlsx' && ent.features.reports_advanced,
    withUsage: format === 'xlsx' && ent.features.stock_control,
    withLocations: located,
    email: request.email ? { to: request.email, message: request.message ?? null } : null,
    ent,
    filename: `inventaire_${period}_${tenant.slug}_${serviceSlug}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    heading,
    title: `${heading} (Services : ${services.map((s) => s.name).join(', ')})${history}${closed}`,
  };
}

/**
 * 'all' = every service the actor may see (a manager scoped to one service gets that one); an id must be
 * the tenant's and in scope, else 404 like any other tenant's id.
 */
async function servicesInScope(db: Db, actor: Actor, service: ExportRequest['service']) {
  if (service !== 'all') assertServiceInScope(actor, service);
  const scopeId = service === 'all' ? actor.serviceId : service;
  let query = db
    .selectFrom('services')
    .select(['id', 'name'])
    .where('tenant_id', '=', actor.tenantId)
    .orderBy('name')
    .orderBy('id');
  if (scopeId) query = query.where('id', '=', scopeId);
  const rows = await query.execute();
  if (service !== 'all' && rows.length === 0) throw new AppError('NOT_FOUND');
  return rows;
}

/** The whole period is older than the plan may read: refuse before spending the month's export. */
function historyRefusal(ent: Entitlements): AppError {
  const days = ent.limits.history_days;
  return new AppError(
    'FEATURE_NOT_INCLUDED',
    {
      fr: `Votre offre ne permet de consulter que les ${days} derniers jours : cette période n’est plus disponible.`,
      en: `Your plan only keeps the last ${days} days readable: this period is no longer available.`,
    },
    undefined,
    undefined,
    {
      limit: days,
      current: 0,
      upgrade_to: plansAbove(ent.plan).find((plan) => PLAN_LIMITS[plan].history_days === null) ?? null,
    },
  );
}
