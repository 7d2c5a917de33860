import { createHash } from 'node:crypto';
import type { Database, Db } from '@stockscan/db';
import { sql, type Transaction } from 'kysely';
import { AppError } from '../errors';

/** How long a key answers with its first response (SPEC §11). */
export const IDEMPOTENCY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface IdempotentCall {
  tenantId: string;
  /** undefined/null: no key, the write simply runs once in a transaction. */
  key: string | null | undefined;
  /** Names the mutation ('purchasing.receipts.create'): one key never answers for another operation. */
  operation: string;
  /** The request body the key stands for (without the key itself). */
  request: unknown;
  now: Date;
}

/** JSON with object keys sorted, so the same body always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(operation: string, request: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(stableJson(request)).digest('hex');
}

/**
 * Runs `write` in one transaction at most once per (tenant, key). The key row is inserted first in that same
 * transaction: a concurrent replay waits on the primary key, then reads the committed answer; a write that
 * fails rolls the key back with it, so the client may retry. Expired keys of the tenant are purged on the way.
 */
export async function runIdempotent<T>(
  db: Db,
  call: IdempotentCall,
  write: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const { key } = call;
  if (!key) return db.transaction().execute(write);
  const hash = requestHash(call.operation, call.request);
  return db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('idempotency_keys')
      .where('tenant_id', '=', call.tenantId)
      .where('created_at', '<', new Date(call.now.getTime() - IDEMPOTENCY_TTL_MS))
      .execute();
    const claimed = await tx
      .insertInto('idempotency_keys')
      .values({
        tenant_id: call.tenantId,
        key,
        operation: call.operation,
        request_hash: hash,
        created_at: call.now,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const first = await tx
        .selectFrom('idempotency_keys')
        .select(['operation', 'request_hash', 'response'])
        .where('tenant_id', '=', call.tenantId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (first.operation !== call.operation || first.request_hash !== hash)
        throw new AppError('IDEMPOTENCY_MISMATCH');
      return first.response as T;
    }
    const result = await write(tx);
    await tx
      .updateTable('idempotency_keys')
      .set({ response: sql`${JSON.stringify(result ?? null)}::jsonb` })
      .where('tenant_id', '=', call.tenantId)
      .where('key', '=', key)
      .execute();
    return result;
  });
}

/**
 * The first answer stored under the call's key, if any (409 IDEMPOTENCY_MISMATCH when the key answered another
 * body) — for a write with side effects outside the database (a mail) that must look before it acts; the write
 * itself still goes through `runIdempotent`. undefined without a key or before a first answer.
 */
export async function storedAnswer<T>(db: Db, call: IdempotentCall): Promise<T | undefined> {
  if (!call.key) return undefined;
  const first = await db
    .selectFrom('idempotency_keys')
    .select(['operation', 'request_hash', 'response'])
    .where('tenant_id', '=', call.tenantId)
    .where('key', '=', call.key)
    .where('created_at', '>=', new Date(call.now.getTime() - IDEMPOTENCY_TTL_MS))
    .executeTakeFirst();
  if (!first) return undefined;
  if (first.operation !== call.operation || first.request_hash !== requestHash(call.operation, call.request))
    throw new AppError('IDEMPOTENCY_MISMATCH');
  return first.response as T;
}

/** The key of a call: the input's `idempotency_key`, else the `Idempotency-Key` header (REST and tRPC over HTTP). */
export function idempotencyKeyOf(
  input: { idempotency_key?: string | undefined },
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  if (input.idempotency_key) return input.idempotency_key;
  const header = headers['idempotency-key'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!/^[\x21-\x7e]{1,200}$/.test(trimmed))
    throw new AppError('VALIDATION_ERROR', undefined, {
      idempotency_key: 'Clé d’idempotence invalide (1 à 200 caractères visibles ASCII).',
    });
  return trimmed;
}
