import type {
  ImportCommitInput,
  ImportCommitResult,
  ImportKind,
  ImportPreviewInput,
  ImportPreviewResult,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import type { Deps } from '../deps';
import { requireFeature } from '../entitlements/enforce';
import { AppError } from '../errors';
import { runIdempotent } from '../idempotency/idempotency';
import { loadService } from '../inventory/scope';
import { type Actor, requireRole } from '../request/actor';
import { invalidLines } from './import/invalid';
import { buildMatcher } from './import/match';
import { fileBytes, readImport } from './import/read-import';
import { resolveLines } from './import/resolve';
import { writeImportedReceipt, writeImportedSales } from './import/write-import';
import { assertNotFuture } from './receipts.service';

type ImportDeps = Pick<Deps, 'db' | 'now'>;

/** Deliveries: BOUTIQUE+ (`stock_control`); till sales: PRO (`stock_variance`), managers. */
async function guard(deps: ImportDeps, actor: Actor, kind: ImportKind, serviceId: string) {
  if (kind === 'sales') requireRole(actor, 'manager');
  const service = await loadService(deps.db, actor, serviceId);
  await requireFeature(
    deps.db,
    actor.tenantId,
    kind === 'sales' ? 'stock_variance' : 'stock_control',
    deps.now(),
  );
  return service;
}

function liveProducts(db: Db, tenantId: string, serviceId: string) {
  return db
    .selectFrom('products')
    .select(['id', 'name', 'barcode', 'internal_sku'])
    .where('tenant_id', '=', tenantId)
    .where('service_id', '=', serviceId)
    .where('archived_at', 'is', null)
    .execute();
}

/** Reads the file and shows what a commit would write. Never writes. */
export async function previewImport(
  deps: ImportDeps,
  actor: Actor,
  input: ImportPreviewInput,
): Promise<ImportPreviewResult> {
  const service = await guard(deps, actor, input.kind, input.service_id);
  const read = await readImport(fileBytes(input.file_base64), input.kind, input.mapping);
  const match = buildMatcher(await liveProducts(deps.db, actor.tenantId, service.id));
  const lines = read.lines.map((line) => ({ ...line, match: match(line) }));
  return {
    kind: input.kind,
    format: read.format,
    header_line: read.header_line,
    columns: read.columns,
    proposed_mapping: read.proposed_mapping,
    mapping: read.mapping,
    lines,
    unmatched: lines.filter((l) => !l.match && l.problems.length === 0).map((l) => l.line),
    invalid: lines.filter((l) => l.problems.length > 0).map((l) => l.line),
  };
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Writes the confirmed import in one transaction: a delivery becomes one receipt (source `import`), a till
 * export the month's sales lines; unmatched lines are linked, created or skipped as the user chose. Any line
 * still at fault refuses the whole file (400 IMPORT_INVALID naming the lines). A replayed key answers the
 * first commit.
 */
export async function commitImport(
  deps: ImportDeps,
  actor: Actor,
  input: ImportCommitInput,
  key: string,
): Promise<ImportCommitResult> {
  const now = deps.now();
  const service = await guard(deps, actor, input.kind, input.service_id);
  const receivedOn = input.received_on ?? today(now);
  if (input.kind === 'receipt') assertNotFuture(receivedOn, now, 'received_on');
  if (input.kind === 'sales' && !input.month)
    throw new AppError('VALIDATION_ERROR', undefined, { month: 'Indiquez le mois des ventes.' });
  const read = await readImport(fileBytes(input.file_base64), input.kind, input.mapping);
  const known = new Set(read.lines.map((l) => l.line));
  const stray = input.resolutions.find((r) => !known.has(r.line));
  if (stray)
    throw new AppError('VALIDATION_ERROR', undefined, {
      resolutions: `Ligne ${stray.line} absente du fichier.`,
    });

  const products = await liveProducts(deps.db, actor.tenantId, service.id);
  const ids = new Set(products.map((p) => p.id));
  // Linking to a product of another service or tenant: 404, as any foreign id.
  const foreign = input.resolutions.find((r) => r.action === 'link' && !ids.has(r.product_id));
  if (foreign)
    throw new AppError('NOT_FOUND', undefined, {
      [`resolutions.line_${foreign.line}`]: 'Produit introuvable dans ce service.',
    });
  const resolution = resolveLines(read.lines, buildMatcher(products), input.resolutions, ids);
  if (resolution.faults.length > 0) throw invalidLines(resolution.faults);
  if (resolution.lines.length === 0)
    throw new AppError('IMPORT_INVALID', {
      fr: 'Aucune ligne à importer dans ce fichier.',
      en: 'No line to import in this file.',
    });

  const { idempotency_key: _key, ...request } = input;
  return runIdempotent(
    deps.db,
    { tenantId: actor.tenantId, key, operation: 'purchasing.imports.commit', request, now },
    (tx) =>
      input.kind === 'receipt'
        ? writeImportedReceipt(tx, actor, service, resolution, {
            received_on: receivedOn,
            supplier_id: input.supplier_id ?? null,
            reference: input.reference ?? null,
            file_name: input.file_name ?? null,
            update_purchase_prices: input.update_purchase_prices,
            now,
          })
        : writeImportedSales(tx, actor, service, resolution, {
            month: input.month as string,
            file_name: input.file_name ?? null,
            now,
          }),
  );
}
