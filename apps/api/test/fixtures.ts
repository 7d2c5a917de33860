import { tenantFixtures } from '@stockscan/testing/fixtures';
import { signAccessToken } from '../src/request/access-token';

export type { TenantFixture, TenantFixtureOptions } from '@stockscan/testing/fixtures';

/** Tenants and members written straight to the database, with tokens signed by the api's own signer. */
export const { createTenantFixture, addMemberFixture } = tenantFixtures(signAccessToken);
