import {
  AlertsInput,
  AlertsResult,
  Category,
  CategoryCreateInput,
  CategoryListInput,
  CategoryListResult,
  CategoryMergeInput,
  CategoryRenameInput,
  CopyFromPreviousMonthResult,
  CountsChangesInput,
  CountsChangesResult,
  CountsClearInput,
  CountsClearResult,
  CountsProgress,
  CountsProgressInput,
  CountsScreenInput,
  CountsUpsertInput,
  CountsUpsertResult,
  DeletedResult,
  IdInput,
  Location,
  LocationCreateInput,
  LocationListInput,
  LocationListResult,
  LocationProductsInput,
  LocationProductsResult,
  LocationSetProductsInput,
  LocationUpdateInput,
  LookupInput,
  LookupResult,
  Loss,
  LossCreateInput,
  LossListInput,
  LossListResult,
  Period,
  PeriodMark,
  PeriodMarkInput,
  PeriodReopenInput,
  PeriodReview,
  PeriodReviewInput,
  ProductCreateInput,
  ProductIdInput,
  ProductListInput,
  ProductListResult,
  ProductResult,
  ProductSuggestInput,
  ProductSuggestResult,
  ProductUpdateInput,
  ServiceMonthInput,
  SpotCheck,
  SpotCheckCreateInput,
  SpotCheckListResult,
  StatsInput,
  StatsResult,
  UsageInput,
  UsageResult,
} from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import { tenantProcedure } from '../trpc';
import { listAlerts } from './alerts.service';
import {
  createCategory,
  deleteCategory,
  listCategories,
  mergeCategory,
  renameCategory,
} from './categories.service';
import { countsChanges, countsProgress, countsScreen } from './counts.screen';
import { clearCounts, copyFromPreviousMonth, upsertCounts } from './counts.service';
import {
  archiveLocation,
  createLocation,
  listLocations,
  locationProducts,
  setLocationProducts,
  updateLocation,
} from './locations.service';
import { lookupCode } from './lookup.service';
import { createLoss, deleteLoss, listLosses } from './losses.service';
import { reviewPeriod } from './period-review';
import { closePeriod, getPeriod, markReview, reopenPeriod } from './periods.service';
import { suggestProduct } from './product-suggestion.service';
import {
  archiveProduct,
  createProduct,
  getProduct,
  listProducts,
  restoreProduct,
  updateProduct,
} from './products.service';
import { createSpotCheck, listSpotChecks } from './spot-checks.service';
import { monthStats } from './stats.service';
import { monthUsage } from './usage.service';

const products = {
  list: tenantProcedure()
    .input(ProductListInput)
    .output(ProductListResult)
    .query(({ ctx, input }) => listProducts(ctx.deps.db, ctx.actor, input)),
  get: tenantProcedure()
    .input(ProductIdInput)
    .output(ProductResult)
    .query(({ ctx, input }) => getProduct(ctx.deps.db, ctx.actor, input.id)),
  create: tenantProcedure()
    .input(ProductCreateInput)
    .output(ProductResult)
    .mutation(({ ctx, input }) => createProduct(ctx.deps, ctx.actor, input)),
  update: tenantProcedure()
    .input(ProductUpdateInput)
    .output(ProductResult)
    .mutation(({ ctx, input }) => updateProduct(ctx.deps, ctx.actor, input)),
  archive: tenantProcedure('manager')
    .input(ProductIdInput)
    .output(ProductResult)
    .mutation(({ ctx, input }) => archiveProduct(ctx.deps, ctx.actor, input.id)),
  restore: tenantProcedure('manager')
    .input(ProductIdInput)
    .output(ProductResult)
    .mutation(({ ctx, input }) => restoreProduct(ctx.deps, ctx.actor, input.id)),
  /** An unknown barcode: Open Food Facts' name, brand, category (food services, when enabled). */
  suggest: tenantProcedure()
    .input(ProductSuggestInput)
    .output(ProductSuggestResult)
    .query(({ ctx, input }) => suggestProduct(ctx.deps, ctx.actor, input)),
} satisfies TRPCRouterRecord;

const categories = {
  list: tenantProcedure()
    .input(CategoryListInput)
    .output(CategoryListResult)
    .query(({ ctx, input }) => listCategories(ctx.deps.db, ctx.actor, input.service_id)),
  create: tenantProcedure()
    .input(CategoryCreateInput)
    .output(Category)
    .mutation(({ ctx, input }) => createCategory(ctx.deps.db, ctx.actor, input)),
  rename: tenantProcedure('manager')
    .input(CategoryRenameInput)
    .output(Category)
    .mutation(({ ctx, input }) => renameCategory(ctx.deps.db, ctx.actor, input)),
  merge: tenantProcedure('manager')
    .input(CategoryMergeInput)
    .output(Category)
    .mutation(({ ctx, input }) => mergeCategory(ctx.deps.db, ctx.actor, input)),
  delete: tenantProcedure('manager')
    .input(IdInput)
    .output(DeletedResult)
    .mutation(({ ctx, input }) => deleteCategory(ctx.deps.db, ctx.actor, input.id)),
} satisfies TRPCRouterRecord;

const counts = {
  // The hottest read of the app (a page per scroll on the count screen): its result is built field by field from
  // an explicit column list and typed by CountsScreenResult in the service, so it is not re-validated here
  // (zod over 100 nested rows was ~5 % of the request's CPU).
  screen: tenantProcedure()
    .input(CountsScreenInput)
    .query(({ ctx, input }) => countsScreen(ctx.deps, ctx.actor, input)),
  progress: tenantProcedure()
    .input(CountsProgressInput)
    .output(CountsProgress)
    .query(({ ctx, input }) => countsProgress(ctx.deps, ctx.actor, input)),
  upsert: tenantProcedure()
    .input(CountsUpsertInput)
    .output(CountsUpsertResult)
    .mutation(({ ctx, input }) => upsertCounts(ctx.deps, ctx.actor, input)),
  changes: tenantProcedure()
    .input(CountsChangesInput)
    .output(CountsChangesResult)
    .query(({ ctx, input }) => countsChanges(ctx.deps, ctx.actor, input)),
  clear: tenantProcedure()
    .input(CountsClearInput)
    .output(CountsClearResult)
    .mutation(({ ctx, input }) => clearCounts(ctx.deps, ctx.actor, input)),
  copyFromPreviousMonth: tenantProcedure()
    .input(ServiceMonthInput)
    .output(CopyFromPreviousMonthResult)
    .mutation(({ ctx, input }) => copyFromPreviousMonth(ctx.deps, ctx.actor, input)),
} satisfies TRPCRouterRecord;

const locations = {
  list: tenantProcedure()
    .input(LocationListInput)
    .output(LocationListResult)
    .query(({ ctx, input }) => listLocations(ctx.deps.db, ctx.actor, input)),
  create: tenantProcedure('manager')
    .input(LocationCreateInput)
    .output(Location)
    .mutation(({ ctx, input }) => createLocation(ctx.deps, ctx.actor, input)),
  update: tenantProcedure('manager')
    .input(LocationUpdateInput)
    .output(Location)
    .mutation(({ ctx, input }) => updateLocation(ctx.deps, ctx.actor, input)),
  archive: tenantProcedure('manager')
    .input(IdInput)
    .output(Location)
    .mutation(({ ctx, input }) => archiveLocation(ctx.deps, ctx.actor, input.id)),
  products: tenantProcedure()
    .input(LocationProductsInput)
    .output(LocationProductsResult)
    .query(({ ctx, input }) => locationProducts(ctx.deps.db, ctx.actor, input.id)),
  setProducts: tenantProcedure('manager')
    .input(LocationSetProductsInput)
    .output(LocationProductsResult)
    .mutation(({ ctx, input }) => setLocationProducts(ctx.deps, ctx.actor, input)),
} satisfies TRPCRouterRecord;

const spotChecks = {
  list: tenantProcedure()
    .input(ServiceMonthInput)
    .output(SpotCheckListResult)
    .query(({ ctx, input }) => listSpotChecks(ctx.deps, ctx.actor, input)),
  create: tenantProcedure()
    .input(SpotCheckCreateInput)
    .output(SpotCheck)
    .mutation(({ ctx, input }) =>
      createSpotCheck(ctx.deps, ctx.actor, input, idempotencyKeyOf(input, ctx.req.headers)),
    ),
} satisfies TRPCRouterRecord;

/** Review and close a month (SPEC §11): roles and plan are checked in the services (`month.*` actions). */
const periods = {
  get: tenantProcedure()
    .input(ServiceMonthInput)
    .output(Period)
    .query(({ ctx, input }) => getPeriod(ctx.deps, ctx.actor, input)),
  review: tenantProcedure()
    .input(PeriodReviewInput)
    .output(PeriodReview)
    .query(({ ctx, input }) => reviewPeriod(ctx.deps, ctx.actor, input)),
  mark: tenantProcedure()
    .input(PeriodMarkInput)
    .output(PeriodMark)
    .mutation(({ ctx, input }) => markReview(ctx.deps, ctx.actor, input)),
  close: tenantProcedure()
    .input(ServiceMonthInput)
    .output(Period)
    .mutation(({ ctx, input }) => closePeriod(ctx.deps, ctx.actor, input)),
  reopen: tenantProcedure()
    .input(PeriodReopenInput)
    .output(Period)
    .mutation(({ ctx, input }) => reopenPeriod(ctx.deps, ctx.actor, input)),
} satisfies TRPCRouterRecord;

const losses = {
  list: tenantProcedure()
    .input(LossListInput)
    .output(LossListResult)
    .query(({ ctx, input }) => listLosses(ctx.deps, ctx.actor, input)),
  create: tenantProcedure()
    .input(LossCreateInput)
    .output(Loss)
    .mutation(({ ctx, input }) =>
      createLoss(ctx.deps, ctx.actor, input, idempotencyKeyOf(input, ctx.req.headers)),
    ),
  delete: tenantProcedure()
    .input(IdInput)
    .output(DeletedResult)
    .mutation(({ ctx, input }) => deleteLoss(ctx.deps, ctx.actor, input.id)),
} satisfies TRPCRouterRecord;

export const inventoryRouter = {
  products,
  counts,
  categories,
  locations,
  spotChecks,
  periods,
  losses,
  lookup: tenantProcedure()
    .input(LookupInput)
    .output(LookupResult)
    .query(({ ctx, input }) => lookupCode(ctx.deps, ctx.actor, input)),
  stats: tenantProcedure()
    .input(StatsInput)
    .output(StatsResult)
    .query(({ ctx, input }) => monthStats(ctx.deps, ctx.actor, input)),
  usage: {
    get: tenantProcedure()
      .input(UsageInput)
      .output(UsageResult)
      .query(({ ctx, input }) => monthUsage(ctx.deps, ctx.actor, input)),
  },
  alerts: tenantProcedure()
    .input(AlertsInput)
    .output(AlertsResult)
    .query(({ ctx, input }) => listAlerts(ctx.deps, ctx.actor, input)),
} satisfies TRPCRouterRecord;
