import {
  BillingCycle,
  BusinessType,
  ContainerStatus,
  CountingMode,
  InvitationStatus,
  LossReason,
  MembershipStatus,
  PeriodStatus,
  PlanSource,
  ProductRole,
  ProductUnit,
  PurchaseOrderStatus,
  ReceiptSource,
  ReviewDecision,
  Role,
  ServiceType,
  SubscriptionStatus,
  TenantDomain,
  UsageKind,
  UserTokenPurpose,
} from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../src/testing/vitest';
import { type ColumnValueSets, databaseValueSets, parseValueListCheck, valueSetDrift } from './column-enums';

/**
 * Every constrained column and the contracts enum it stores. A contracts enum that gains or loses a value needs a
 * migration changing the check; a new constrained column needs a line here.
 */
const CONTRACT_ENUMS: Record<string, { options: readonly string[] }> = {
  'tenants.domain': TenantDomain,
  'tenants.business_type': BusinessType,
  'tenants.plan_source': PlanSource,
  'tenants.billing_cycle': BillingCycle,
  'tenants.subscription_status': SubscriptionStatus,
  'services.service_type': ServiceType,
  'services.counting_mode': CountingMode,
  'memberships.role': Role,
  'memberships.status': MembershipStatus,
  'invitations.role': Role,
  'invitations.status': InvitationStatus,
  'user_tokens.purpose': UserTokenPurpose,
  'products.unit': ProductUnit,
  'products.product_role': ProductRole,
  'counts.container_status': ContainerStatus,
  'loss_events.unit': ProductUnit,
  'loss_events.reason': LossReason,
  'usage_events.kind': UsageKind,
  'receipts.source': ReceiptSource,
  'inventory_periods.status': PeriodStatus,
  'count_reviews.decision': ReviewDecision,
  'purchase_orders.status': PurchaseOrderStatus,
};

const contractSets: ColumnValueSets = new Map(
  Object.entries(CONTRACT_ENUMS).map(([column, schema]) => [column, [...schema.options]]),
);

const t = await useTestDb();

describe('column enums', () => {
  it('the migrated database accepts exactly the contracts enum values, column by column', async () => {
    const database = await databaseValueSets(t.db);
    expect(database.size).toBeGreaterThanOrEqual(Object.keys(CONTRACT_ENUMS).length);
    expect(valueSetDrift(database, contractSets)).toEqual([]);
  });

  it('reads the value list out of a check as PostgreSQL prints it, and nothing out of other checks', () => {
    expect(parseValueListCheck("CHECK ((domain = ANY (ARRAY['food'::text, 'general'::text])))")).toEqual({
      column: 'domain',
      values: ['food', 'general'],
    });
    expect(
      parseValueListCheck(
        "CHECK (((status)::text = ANY ((ARRAY['A'::character varying, 'B''s'::character varying])::text[])))",
      ),
    ).toEqual({ column: 'status', values: ['A', "B's"] });
    expect(parseValueListCheck('CHECK ((quantity >= (0)::numeric))')).toBeNull();
    expect(
      parseValueListCheck(
        'CHECK (((remaining_fraction >= (0)::numeric) AND (remaining_fraction <= (1)::numeric)))',
      ),
    ).toBeNull();
  });

  it('names a value the contracts gained, a value they lost, a column left unconstrained and one not mapped', () => {
    const database: ColumnValueSets = new Map([
      ['loss_events.reason', ['breakage', 'expired', 'theft']],
      ['tenants.domain', ['food', 'general', 'retired']],
      ['users.locale', ['fr', 'en']],
    ]);
    const contracts: ColumnValueSets = new Map([
      ['loss_events.reason', ['breakage', 'expired', 'theft', 'spoiled']],
      ['tenants.domain', ['food', 'general']],
      ['products.unit', ['pcs']],
    ]);
    expect(valueSetDrift(database, contracts)).toEqual([
      'loss_events.reason: the database refuses spoiled',
      'products.unit: no check constraint or enum type in the database',
      'tenants.domain: the database accepts retired, the contracts do not',
      'users.locale: constrained in the database, mapped to no contracts enum',
    ]);
    expect(valueSetDrift(contracts, contracts)).toEqual([]);
  });
});
