import { z } from 'zod';

/** Shared wire primitives (SPEC: snake_case JSON, ISO-8601 UTC, UUID ids, months "YYYY-MM"). */
export const Uuid = z.uuid({ message: 'Identifiant invalide.' });

export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mois attendu au format AAAA-MM.' });
export type Month = z.infer<typeof Month>;

/** Money: a number with at most 2 decimals, never negative. */
export const Money = z
  .number()
  .nonnegative({ message: 'Le montant doit être positif.' })
  .max(1_000_000_000)
  .refine((n) => Math.round(n * 100) === Number((n * 100).toFixed(6)), {
    message: 'Deux décimales au maximum.',
  });

/** Quantity: a number with at most 3 decimals, never negative. */
/** A weight read on a kitchen scale, in grams (one decimal). */
export const Grams = z
  .number()
  .nonnegative({ message: 'Le poids doit être positif ou nul.' })
  .max(100_000, { message: '100 kg au maximum.' })
  .refine((n) => Math.round(n * 10) === Number((n * 10).toFixed(6)), { message: 'Une décimale au maximum.' });

export const Quantity = z
  .number()
  .nonnegative({ message: 'La quantité doit être positive ou nulle.' })
  .max(1_000_000_000)
  .refine((n) => Math.round(n * 1000) === Number((n * 1000).toFixed(6)), {
    message: 'Trois décimales au maximum.',
  });

/**
 * Additive mutations take an optional idempotency key (or the Idempotency-Key header): a replay returns the
 * first answer, the same key with another body is 409 IDEMPOTENCY_MISMATCH. Keys live 7 days.
 */
export const IdempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, { message: 'Clé d’idempotence invalide (caractères visibles ASCII).' });

export const IsoDateTime = z.iso.datetime();
export const IsoDate = z.iso.date();

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Adresse e-mail invalide.' }));

export const Password = z.string().min(8, { message: 'Au moins 8 caractères.' }).max(200);

export const Role = z.enum(['owner', 'manager', 'operator']);
export type Role = z.infer<typeof Role>;

/** Current calendar month in UTC. */
export function currentMonth(now: Date): Month {
  return now.toISOString().slice(0, 7);
}

/** Forgiving optional text: trimmed, capped, and an empty string means "no value". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${max} caractères au maximum.` })
    .nullable()
    .transform((v) => (v === '' ? null : v));

/** A required display name (a product, a supplier, a location…). */
export const RequiredName = z
  .string()
  .trim()
  .min(1, { message: 'Le nom est obligatoire.' })
  .max(200, { message: '200 caractères au maximum.' });

/** How many rows a page holds, when the caller chooses. */
export const PageLimit = z.number().int().min(1).max(200);
