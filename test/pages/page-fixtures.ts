import { assessCustomer } from '../../src/domain/assessment/assess-customer';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import type { Customer } from '../../src/domain/customer';
import type { Org } from '../../src/domain/objectives/visibility';
import { portfolioEntry, type PortfolioEntry } from '../../src/domain/portfolio/portfolio-entry';
import type { PortfolioPageInput } from '../../src/app/pages/portfolio-page';
import { at, createMockCustomer, csat, nps, wonDeal } from '../domain/fixtures/customer-fixtures';

export const AS_OF = at('2026-11-22T12:00:00Z');

/** North team: manager lea, CSMs ana and bo; south: cy. Nobody manages south. */
export const ORG: Org = {
  owners: [
    { id: 'lea', teamIds: ['north'], role: 'cs_manager' },
    { id: 'ana', teamIds: ['north'], role: 'csm' },
    { id: 'bo', teamIds: ['north'], role: 'csm' },
    { id: 'cy', teamIds: ['south'], role: 'csm' },
  ],
};
export const OWNERS = [
  { id: 'lea', name: 'Lea Manager' },
  { id: 'ana', name: 'Ana CSM' },
  { id: 'bo', name: 'Bo CSM' },
  { id: 'cy', name: 'Cy CSM' },
];
export const person = (id: string) => {
  const o = ORG.owners.find((x) => x.id === id);
  return o ? { ownerId: o.id, role: o.role, teamIds: o.teamIds } : { ownerId: id, teamIds: [] };
};

export const entryOf = (customer: Customer): PortfolioEntry => {
  const assessment = assessCustomer(customer, DEFAULT_ENGINE_CONFIG, AS_OF);
  return portfolioEntry(customer, assessment);
};

/** A small portal: ana's two customers (one a detractor with a lost renewal), bo's one, cy's one, one unowned. */
export function createMockPortal(): PortfolioEntry[] {
  return [
    createMockCustomer({ id: 'c1', name: 'Acme', ownerId: 'ana', segment: 'gold', deals: [wonDeal(2000, '2024-03-01T00:00:00Z')], feedback: [nps(10, '2026-10-01T00:00:00Z'), csat(5, '2026-10-02T00:00:00Z')], engagement: { usageScore: 90, lastTouchAt: at('2026-11-20T00:00:00Z') } }),
    createMockCustomer({
      id: 'c2', name: 'Globex', ownerId: 'ana', segment: 'silver', contacts: [{ id: 'p1' }],
      deals: [wonDeal(1000, '2025-01-01T00:00:00Z', '2026-12-15T00:00:00Z'), { id: 'lost1', outcome: 'lost', dealType: 'renewal', closedAt: at('2026-05-01T00:00:00Z'), churnReason: 'budget cut', churnControllable: false }],
      feedback: [nps(2, '2026-11-19T08:00:00Z', { contactId: 'p1' })],
      engagement: { usageScore: 10, lastTouchAt: at('2026-08-01T00:00:00Z') },
    }),
    createMockCustomer({ id: 'c3', name: 'Initech', ownerId: 'bo', segment: 'gold', deals: [wonDeal(500, '2024-06-01T00:00:00Z', '2026-04-01T00:00:00Z')] }),
    createMockCustomer({ id: 'c4', name: 'Umbrella', ownerId: 'cy', segment: 'gold', deals: [wonDeal(9000, '2024-06-01T00:00:00Z')] }),
    createMockCustomer({ id: 'c5', name: 'Hooli', deals: [wonDeal(300, '2025-06-01T00:00:00Z')] }),
  ].map(entryOf);
}

export const pageInput = (viewerId: string | undefined, extra: Partial<PortfolioPageInput> = {}): PortfolioPageInput => ({
  asOf: AS_OF,
  config: DEFAULT_ENGINE_CONFIG,
  entries: createMockPortal(),
  owners: OWNERS,
  viewer: viewerId ? person(viewerId) : undefined,
  org: ORG,
  ...extra,
});
