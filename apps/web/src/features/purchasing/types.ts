import type { AppRouter } from '@stockscan/api';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
export type Supplier = Outputs['purchasing']['suppliers']['list']['items'][number];
export type ReceiptSummary = Outputs['purchasing']['receipts']['list']['items'][number];
export type UsageReport = Outputs['inventory']['usage']['get'];
export type UsageRow = UsageReport['rows'][number];
export type PickedProduct = Outputs['inventory']['products']['list']['items'][number];
export type Transfer = Outputs['purchasing']['transfers']['list']['items'][number];
export type TransferPair = Outputs['purchasing']['transfers']['pairs']['items'][number];
