import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import type { Deal } from '../../../src/domain/customer';
import { serviceValue } from '../../../src/domain/service-value/service-value';
import { at, createMockCustomer, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const period = { start: at('2026-01-01T00:00:00Z'), end: at('2026-12-31T00:00:00Z') };

const renewal = (mrr: number, closed: string, start: string, end: string, extra: Partial<Deal> = {}): Deal =>
  wonDeal(mrr, closed, end, { contractStart: at(start), dealType: 'renewal', ...extra });

/** Renews 40 days after a ticket and expands 9 days after another; healthy throughout. */
const servedCustomer = () =>
  createMockCustomer({
    engagement: { usageScore: 90, lastTouchAt: at('2026-01-10T00:00:00Z') },
    tickets: [ticket('2026-01-15T00:00:00Z'), ticket('2026-05-01T00:00:00Z')],
    deals: [
      wonDeal(1000, '2025-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),
      renewal(1100, '2026-02-20T00:00:00Z', '2026-03-01T00:00:00Z', '2027-03-01T00:00:00Z'),
      wonDeal(200, '2026-05-10T00:00:00Z', '2027-03-01T00:00:00Z', { dealType: 'existingbusiness' }),
      wonDeal(300, '2026-04-01T00:00:00Z', undefined, { dealType: 'newbusiness' }),
    ],
  });

/**
 * At risk in the 90 days before its renewal, with no stored scores: usage 10, three open urgent tickets
 * (support 0), a detractor (sentiment 0), flat MRR (71.43), no touch and no closed ticket (no data):
 * (10x25 + 0x15 + 0x20 + 71.43x15) / 75 = 17.62.
 */
const rescuedCustomer = () =>
  createMockCustomer({
    engagement: { usageScore: 10 },
    feedback: [nps(0, '2026-02-01T00:00:00Z')],
    tickets: [1, 2, 3].map(() => ticket('2026-03-01T00:00:00Z', { priority: 'URGENT', closedAt: at('2026-06-01T00:00:00Z'), isClosed: true })),
    deals: [wonDeal(800, '2025-06-15T00:00:00Z', '2026-06-15T00:00:00Z'), renewal(900, '2026-06-10T00:00:00Z', '2026-06-15T00:00:00Z', '2027-06-15T00:00:00Z')],
  });

/** A stored score of 45 a month before the renewal. */
const historyCustomer = () =>
  createMockCustomer({
    engagement: { usageScore: 95, lastTouchAt: at('2026-08-01T00:00:00Z') },
    healthHistory: [{ at: at('2026-07-01T00:00:00Z'), value: 45 }, { at: at('2026-07-25T00:00:00Z'), value: 70 }],
    deals: [wonDeal(500, '2025-08-01T00:00:00Z', '2026-08-01T00:00:00Z'), renewal(550, '2026-07-30T00:00:00Z', '2026-08-01T00:00:00Z', '2027-08-01T00:00:00Z')],
  });

describe('serviceValue', () => {
  it('counts renewals and expansions that follow a support ticket, with their MRR, and ignores new business', () => {
    const value = serviceValue([servedCustomer()], period, config);
    expect(value).toMatchObject({ renewalsAfterContact: 1, renewalMrrAfterContact: 1100, expansionsAfterContact: 1, expansionMrrAfterContact: 200, customersSaved: 0, revenueSecured: 0 });
  });

  it('does not credit a deal when the last ticket is older than the after-contact window', () => {
    const customer = servedCustomer();
    customer.tickets = [ticket('2025-10-01T00:00:00Z')];
    expect(serviceValue([customer], period, config)).toMatchObject({ renewalsAfterContact: 0, expansionsAfterContact: 0 });
    const wider = { ...config, serviceValue: { ...config.serviceValue, afterContactDays: 365 } };
    expect(serviceValue([customer], period, wider)).toMatchObject({ renewalsAfterContact: 1, expansionsAfterContact: 1 });
  });

  it('finds a customer saved by recomputing its health before the renewal when no score was stored', () => {
    const customer = rescuedCustomer();
    const value = serviceValue([customer, servedCustomer()], period, config);
    expect(value).toMatchObject({ customersSaved: 1, revenueSecured: 900 });
    expect(value.saved).toEqual([{ customerId: customer.id, lowestScore: expect.closeTo(17.62, 2), source: 'recomputed', renewedAt: at('2026-06-10T00:00:00Z'), mrrSecured: 900 }]);
  });

  it('reads the stored score history when there is one, and only before the renewal', () => {
    const customer = historyCustomer();
    expect(serviceValue([customer], period, config).saved).toEqual([expect.objectContaining({ customerId: customer.id, lowestScore: 45, source: 'history', mrrSecured: 550 })]);
    const atRiskOnlyAfter = { ...historyCustomer(), healthHistory: [{ at: at('2026-07-20T00:00:00Z'), value: 80 }, { at: at('2026-08-15T00:00:00Z'), value: 30 }] };
    expect(serviceValue([atRiskOnlyAfter], period, config).customersSaved).toBe(0);
  });

  it('with only the options form, counts stored history and does not recompute', () => {
    const value = serviceValue([rescuedCustomer(), historyCustomer()], period, { atRiskUpTo: 50 });
    expect(value.customersSaved).toBe(1);
    expect(value.saved[0].source).toBe('history');
  });

  it('leaves deals closed outside the period out', () => {
    const value = serviceValue([servedCustomer(), rescuedCustomer()], { start: at('2026-07-01T00:00:00Z'), end: at('2026-12-31T00:00:00Z') }, config);
    expect(value).toMatchObject({ renewalsAfterContact: 0, expansionsAfterContact: 0, customersSaved: 0, revenueSecured: 0 });
  });
});
