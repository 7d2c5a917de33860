import type { AppRouter } from '@stockscan/api';
import type { ProductCreateInput, ProductRole, ProductUnit, ProductUpdateInput } from '@stockscan/contracts';
import {
  bottleFor,
  COMMON_BOTTLES,
  defaultUnit,
  productFieldAllowed,
  unitsFor,
} from '@stockscan/entitlements';
import type { inferRouterOutputs } from '@trpc/server';
import { parseDecimal } from '../inventory/scope/format';
import type { Service } from '../inventory/scope/service-features';

export type Product = inferRouterOutputs<AppRouter>['inventory']['products']['get']['product'];

/** What the form holds: text as typed (numbers included, so "12,5" survives until it is read). */
export interface ProductForm {
  name: string;
  category: string;
  brand: string;
  unit: ProductUnit;
  barcode: string;
  internal_sku: string;
  purchase_price: string;
  selling_price: string;
  vat_rate: string;
  /** A supplier of the tenant ('' = none): settings → fournisseurs. */
  supplier_id: string;
  min_qty: string;
  /** Order-up-to quantity: the suggested order fills the shelf back to it. */
  par_level: string;
  pack_size: string;
  pack_uom: string;
  conversion_unit: string;
  conversion_factor: string;
  variant_name: string;
  variant_value: string;
  product_role: ProductRole | '';
  notes: string;
  /** A full and an empty container, spout included (grams), to weigh opened ones. */
  full_weight_g: string;
  empty_weight_g: string;
}

export type FieldName = keyof ProductForm;

/** Whether the form shows `field` for this service (SPEC §6, as the server applies it). */
export function fieldShown(service: Service, field: FieldName): boolean {
  if (field === 'unit') return unitsFor(service.counting_mode).length > 1;
  return productFieldAllowed(service.features, field);
}

const text = (value: string | null | undefined) => value ?? '';
const num = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

export function emptyForm(service: Service): ProductForm {
  return {
    name: '',
    category: '',
    brand: '',
    unit: defaultUnit(service.counting_mode),
    barcode: '',
    internal_sku: '',
    purchase_price: '',
    selling_price: '',
    vat_rate: '',
    supplier_id: '',
    min_qty: '',
    par_level: '',
    pack_size: '',
    pack_uom: '',
    conversion_unit: '',
    conversion_factor: '',
    variant_name: '',
    variant_value: '',
    product_role: '',
    notes: '',
    full_weight_g: '',
    empty_weight_g: '',
  };
}

export function formOf(product: Product): ProductForm {
  return {
    name: product.name,
    category: text(product.category),
    brand: text(product.brand),
    unit: product.unit,
    barcode: text(product.barcode),
    internal_sku: text(product.internal_sku),
    purchase_price: num(product.purchase_price),
    selling_price: num(product.selling_price),
    vat_rate: num(product.vat_rate),
    supplier_id: text(product.supplier_id),
    min_qty: num(product.min_qty),
    par_level: num(product.par_level),
    pack_size: num(product.pack_size),
    pack_uom: text(product.pack_uom),
    conversion_unit: text(product.conversion_unit),
    conversion_factor: num(product.conversion_factor),
    variant_name: text(product.variant_name),
    variant_value: text(product.variant_value),
    product_role: product.product_role ?? '',
    notes: text(product.notes),
    full_weight_g: num(product.full_weight_g),
    empty_weight_g: num(product.empty_weight_g),
  };
}

/** A volume written in a product's name: "70 cl", "0,7 L", "75cl", "1,5 l", "500 ml" → millilitres. */
export function volumeFromText(value: string): number | null {
  const match = /(\d+(?:[.,]\d+)?)\s*(cl|ml|l)\b/i.exec(value);
  if (!match) return null;
  const amount = Number((match[1] as string).replace(',', '.'));
  const unit = (match[2] as string).toLowerCase();
  const ml = unit === 'l' ? amount * 1000 : unit === 'cl' ? amount * 10 : amount;
  return Math.round(ml);
}

/** The common bottle whose weights the form holds (the table's values, not edited), or null. */
export function bottleOf(form: Pick<ProductForm, 'full_weight_g' | 'empty_weight_g'>) {
  return (
    COMMON_BOTTLES.find(
      (b) =>
        String(b.full_g) === form.full_weight_g.trim() && String(b.empty_g) === form.empty_weight_g.trim(),
    ) ?? null
  );
}

/**
 * Weights pre-filled from the bottle size in the name ("Gin 70 cl" → 1197 g / 532 g) while they are empty
 * or still another bottle's from the table; weights typed by the person are never replaced.
 */
export function withBottleWeights(form: ProductForm, service: Service): ProductForm {
  if (!fieldShown(service, 'full_weight_g')) return form;
  const untouched = (form.full_weight_g.trim() === '' && form.empty_weight_g.trim() === '') || bottleOf(form);
  if (!untouched) return form;
  const volume = volumeFromText(`${form.name} ${form.variant_value}`);
  const bottle = volume === null ? null : bottleFor(volume);
  if (!bottle) return form;
  return { ...form, full_weight_g: String(bottle.full_g), empty_weight_g: String(bottle.empty_g) };
}

/** Decimals allowed per number field (money 2, quantities 3, VAT 2, conversion factor 6). */
const NUMBER_FIELDS = {
  purchase_price: 2,
  selling_price: 2,
  vat_rate: 2,
  min_qty: 3,
  par_level: 3,
  pack_size: 3,
  conversion_factor: 6,
  full_weight_g: 1,
  empty_weight_g: 1,
} as const satisfies Partial<Record<FieldName, number>>;
type NumberField = keyof typeof NUMBER_FIELDS;

const TEXT_FIELDS = [
  'category',
  'brand',
  'barcode',
  'internal_sku',
  'pack_uom',
  'conversion_unit',
  'variant_name',
  'variant_value',
  'notes',
] as const satisfies readonly FieldName[];

export type FormProblem = 'name_required' | 'number_invalid' | 'vat_range' | 'weights_order';

/**
 * The fields to send, as the server takes them: only those the service shows, emptied ones as null (they
 * clear the stored value), numbers read from what was typed. Problems come back by field, nothing is sent.
 */
export function readForm(
  form: ProductForm,
  service: Service,
): { fields: Omit<ProductUpdateInput, 'id'>; problems: Partial<Record<FieldName, FormProblem>> } {
  const problems: Partial<Record<FieldName, FormProblem>> = {};
  const fields: Record<string, unknown> = {};
  if (form.name.trim() === '') problems.name = 'name_required';
  fields.name = form.name.trim();
  if (fieldShown(service, 'unit')) fields.unit = form.unit;
  for (const key of TEXT_FIELDS) {
    if (fieldShown(service, key)) fields[key] = form[key].trim() || null;
  }
  for (const [key, decimals] of Object.entries(NUMBER_FIELDS) as [NumberField, number][]) {
    if (!fieldShown(service, key)) continue;
    const raw = form[key].trim();
    if (raw === '') {
      fields[key] = null;
      continue;
    }
    const value = parseDecimal(raw, decimals);
    if (value === null || (key === 'conversion_factor' && value === 0)) problems[key] = 'number_invalid';
    else if (key === 'vat_rate' && value > 100) problems[key] = 'vat_range';
    else fields[key] = value;
  }
  const { full_weight_g: full, empty_weight_g: empty } = fields as {
    full_weight_g?: number | null;
    empty_weight_g?: number | null;
  };
  if (typeof full === 'number' && typeof empty === 'number' && full <= empty)
    problems.full_weight_g = 'weights_order';
  if (fieldShown(service, 'product_role')) fields.product_role = form.product_role || null;
  fields.supplier_id = form.supplier_id || null;
  return { fields: fields as Omit<ProductUpdateInput, 'id'>, problems };
}

export function createInput(fields: Omit<ProductUpdateInput, 'id'>, serviceId: string): ProductCreateInput {
  return { ...fields, service_id: serviceId, name: fields.name ?? '' };
}
