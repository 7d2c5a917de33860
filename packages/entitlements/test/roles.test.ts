import { MembershipStatus, Role } from '@stockscan/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_ROLES,
  type Action,
  can,
  canActTenantWide,
  canDeleteLoss,
  isActiveOwner,
  ROLE_RANK,
  ROLES_BY_RANK,
  removesLastOwner,
  roleAtLeast,
  roleTakesServiceScope,
  type TeamMember,
} from '../src/index';

const roles = fc.constantFrom(...Role.options);
const actions = fc.constantFrom(...(Object.keys(ACTION_ROLES) as Action[]));
const members = fc.record({
  id: fc.uuid(),
  role: roles,
  status: fc.constantFrom(...MembershipStatus.options),
}) satisfies fc.Arbitrary<TeamMember>;
const teams = fc.uniqueArray(members, { selector: (m) => m.id, minLength: 1, maxLength: 6 });
const activeOwners = (team: readonly TeamMember[]) => team.filter(isActiveOwner).length;

describe('role rank', () => {
  it('lists every role once, from the least to the most rights', () => {
    expect([...ROLES_BY_RANK].sort()).toEqual([...Role.options].sort());
    for (let i = 1; i < ROLES_BY_RANK.length; i++) {
      expect(ROLE_RANK[ROLES_BY_RANK[i] as Role]).toBeGreaterThan(ROLE_RANK[ROLES_BY_RANK[i - 1] as Role]);
    }
  });

  it('property: roleAtLeast is a total order (reflexive, antisymmetric, total)', () => {
    fc.assert(
      fc.property(roles, roles, (a, b) => {
        expect(roleAtLeast(a, a)).toBe(true);
        expect(roleAtLeast(a, b) || roleAtLeast(b, a)).toBe(true);
        if (roleAtLeast(a, b) && roleAtLeast(b, a)) expect(a).toBe(b);
      }),
    );
  });
});

describe('can', () => {
  it('property: monotonic in role rank — a higher role may do all a lower one may', () => {
    fc.assert(
      fc.property(roles, roles, actions, (a, b, action) => {
        if (roleAtLeast(a, b) && can(b, action)) expect(can(a, action)).toBe(true);
      }),
    );
  });

  it('property: the owner may do everything, and no role means nothing', () => {
    fc.assert(
      fc.property(actions, (action) => {
        expect(can('owner', action)).toBe(true);
        expect(can(null, action)).toBe(false);
        expect(can(undefined, action)).toBe(false);
      }),
    );
  });

  it('leaves the operator some action it may not take (roles mean something)', () => {
    expect(Object.keys(ACTION_ROLES).some((a) => !can('operator', a as Action))).toBe(true);
  });

  it('property: a loss is deletable by its author whatever the role, by others only as can() says', () => {
    fc.assert(
      fc.property(fc.option(roles, { nil: null }), fc.boolean(), (role, own) => {
        expect(canDeleteLoss(role, own)).toBe(own || can(role, 'losses.delete_any'));
        if (own) expect(canDeleteLoss(role, own)).toBe(true);
      }),
    );
  });
});

describe('the last-owner rule', () => {
  it('property: a change is refused exactly when it would leave the team without an ACTIVE owner', () => {
    fc.assert(
      fc.property(teams, fc.nat(), fc.option(roles, { nil: null }), (team, pick, next) => {
        const member = team[pick % team.length] as TeamMember;
        const after =
          next === null
            ? team.filter((m) => m.id !== member.id)
            : team.map((m) => (m.id === member.id ? { ...m, role: next } : m));
        const refused = removesLastOwner(member, next, team);
        if (activeOwners(team) > 0) expect(refused).toBe(activeOwners(after) === 0);
        else expect(refused).toBe(false);
      }),
    );
  });

  it('property: keeping the owner role is never refused', () => {
    fc.assert(
      fc.property(teams, fc.nat(), (team, pick) => {
        expect(removesLastOwner(team[pick % team.length] as TeamMember, 'owner', team)).toBe(false);
      }),
    );
  });
});

describe('service scope', () => {
  it('property: only a role below owner can be limited to one service', () => {
    fc.assert(
      fc.property(roles, (role) => {
        expect(roleTakesServiceScope(role)).toBe(!roleAtLeast(role, 'owner'));
      }),
    );
  });

  it('counts only ACTIVE owners as owners', () => {
    expect(isActiveOwner({ role: 'owner', status: 'ACTIVE' })).toBe(true);
    expect(isActiveOwner({ role: 'owner', status: 'INVITED' })).toBe(false);
    expect(isActiveOwner({ role: 'manager', status: 'ACTIVE' })).toBe(false);
  });
});

describe('canActTenantWide', () => {
  it('is can() for a member of every service, and never for a member scoped to one service', () => {
    fc.assert(
      fc.property(roles, actions, fc.option(fc.uuid(), { nil: null }), (role, action, serviceId) => {
        expect(canActTenantWide(role, serviceId, action)).toBe(serviceId === null && can(role, action));
      }),
    );
  });

  it('refuses a service-scoped manager the business settings an all-services manager may change', () => {
    expect(canActTenantWide('manager', null, 'settings.manage')).toBe(true);
    expect(canActTenantWide('manager', '2f1c6a52-3f52-4a8e-9d59-0d2b1c2e7a10', 'settings.manage')).toBe(
      false,
    );
    expect(canActTenantWide(undefined, undefined, 'settings.manage')).toBe(false);
  });
});
