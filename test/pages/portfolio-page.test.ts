import { portfolioPage } from '../../src/app/pages/portfolio-page';
import { reportSections } from '../../src/app/pages/model-report-view';
import type { PortfolioPageView } from '../../src/views/pages/portfolio-page-view';
import { createMockCustomer, wonDeal, nps } from '../domain/fixtures/customer-fixtures';
import { AS_OF, entryOf, pageInput } from './page-fixtures';
import { attainmentsFromStatements } from '../../src/app/pages/page-attainments';

const viewOf = (response: ReturnType<typeof portfolioPage>): PortfolioPageView => {
  if (response.status !== 'ok') throw new Error(`expected a view, got ${JSON.stringify(response)}`);
  return response.view;
};

describe('the portfolio page view model', () => {
  it('shows a CSM their own book only', () => {
    const view = viewOf(portfolioPage(pageInput('ana')));
    expect(view.scope).toEqual({ kind: 'book', label: 'Your book', owners: 1, customers: 2 });
    expect(view.atRisk.customers.map((c) => c.name)).toEqual(['Globex']);
    expect(view.health.bands.reduce((n, b) => n + b.customers, 0)).toBe(2);
  });

  it('shows a manager their team and the unowned companies, never another team', () => {
    const view = viewOf(portfolioPage(pageInput('lea')));
    expect(view.scope).toMatchObject({ kind: 'team', owners: 3, customers: 4 });
    const owners = new Set(view.feedback.byOwner.map((r) => r.key));
    expect(owners.has('Cy CSM')).toBe(false);
  });

  it('shows a CS leader every company, the unowned and other teams\' included, but attainment only as the identity rule allows', () => {
    const attainments = [{ ownerId: 'ana', overall: 96.44 }, { ownerId: 'cy', overall: 120 }];
    const view = viewOf(portfolioPage(pageInput('cy', { leader: true, attainments })));
    expect(view.scope).toEqual({ kind: 'all', label: 'All customers', owners: 4, customers: 5 });
    expect(view.attainment).toMatchObject({ people: [{ ownerId: 'cy', as: 'self' }], hidden: 1 });
    expect(portfolioPage(pageInput(undefined, { leader: true })).status).toBe('error');
  });

  it('reads a statement\'s overall attainment for the page, and a body without a number as no data, never 0', () => {
    const statement = (ownerId: string, body: Record<string, unknown>) => ({ ownerId, periodKey: '2026-Q4', version: 1, body, computedAt: AS_OF, settingsVersion: 1 });
    expect(attainmentsFromStatements([statement('ana', { overall: 96.4 }), statement('bo', { overall: 'n/a' }), statement('cy', {})])).toEqual([
      { ownerId: 'ana', overall: 96.4 },
      { ownerId: 'bo', overall: undefined },
      { ownerId: 'cy', overall: undefined },
    ]);
  });

  it('refuses an unknown viewer with a readable reason and shows no figure', () => {
    expect(portfolioPage(pageInput(undefined))).toEqual({ status: 'error', code: 'FORBIDDEN', message: 'The portfolio cannot be shown: you are not a HubSpot owner known to cs-health, so no customer is shown.' });
    expect(portfolioPage(pageInput('eve')).status).toBe('error');
  });

  it('is empty, not zeros, for a CSM without customers', () => {
    expect(portfolioPage(pageInput('cy', { entries: [] }))).toEqual({ status: 'empty', message: 'No company is assigned to you yet.' });
  });

  it('never hands a CSM a peer\'s attainment, and counts what it hid', () => {
    const attainments = [{ ownerId: 'ana', overall: 96.44 }, { ownerId: 'bo', overall: 80 }, { ownerId: 'cy', overall: 120 }];
    const csm = viewOf(portfolioPage(pageInput('ana', { attainments })));
    expect(csm.attainment).toEqual({ people: [{ ownerId: 'ana', name: 'Ana CSM', overall: { kind: 'value', value: 96.4, display: '96.4 %' }, as: 'self' }], hidden: 2 });
    const manager = viewOf(portfolioPage(pageInput('lea', { attainments })));
    expect(manager.attainment.people.map((p) => [p.name, p.as])).toEqual([['Ana CSM', 'manager'], ['Bo CSM', 'manager']]);
    expect(manager.attainment.hidden).toBe(1);
  });

  it('keeps logo churn and revenue churn apart: ana\'s team lost 1 of 4 logos, 500 of 3,800 MRR', () => {
    const view = viewOf(portfolioPage(pageInput('lea')));
    // At 2025-11-22: c1 2,000, c2 1,000, c3 500, c5 300 = 3,800; c3 ended 2026-04-01.
    expect(view.retention.latest).toMatchObject({ customersAtStart: 4, customersLost: 1, startingMrr: '3,800', churnedMrr: '500' });
    expect(view.retention.latest.logoChurn).toEqual({ kind: 'value', value: 25, display: '25 %' });
    expect(view.retention.latest.revenueChurn).toMatchObject({ kind: 'value', value: 13.2 });
    expect(view.retention.months).toHaveLength(12);
    expect(view.retention.byCohort.map((c) => c.key)).toEqual(['2024-03', '2024-06', '2025-01', '2025-06']);
  });

  it('marks the detractor follow-up overdue and gives the churn reasons with the controllable share', () => {
    const view = viewOf(portfolioPage(pageInput('ana')));
    // Globex's detractor answered 2026-11-19 08:00: due 2026-11-21 08:00, 28 h late at 2026-11-22 12:00.
    expect(view.followUps).toEqual({ overdue: 1, customers: [{ companyId: 'c2', name: 'Globex', owner: 'Ana CSM', due: '2026-11-21 08:00 UTC', overdue: true, late: '28 h overdue' }] });
    expect(view.churnReasons).toMatchObject({ lostRenewals: 1, controllable: 0, notControllable: 1, controllableShare: { kind: 'value', value: 0 }, reasons: [{ reason: 'budget cut', count: 1, controllable: 0 }] });
  });

  it('gives NPS and CSAT per segment with response counts, and the response rate when surveyed counts are known', () => {
    const view = viewOf(portfolioPage(pageInput('ana', { surveyed: { bySegment: { gold: 4 } } })));
    const gold = view.feedback.bySegment.find((r) => r.key === 'gold')!;
    expect(gold).toMatchObject({ nps: { kind: 'value', display: '100' }, csat: { kind: 'value', display: '100 %' }, responses: 2, npsResponses: 1, csatResponses: 1, responseRate: { kind: 'value', value: 50 } });
    const silver = view.feedback.bySegment.find((r) => r.key === 'silver')!;
    expect(silver.csat).toEqual({ kind: 'no_data', reason: 'no CSAT answers' });
    expect(silver.responseRate).toBeUndefined();
  });

  it('renders whatever the churn model report holds: figures, nested figures and tables', () => {
    const sections = reportSections({ sample: 420, churners: 41, auc: { estimate: 0.8123, lower: 0.74, upper: 0.88 }, calibration: [{ bin: 1, predicted: 0.05, observed: 0.04, count: 40 }], backtest: { folds: [{ asOf: '2026-05-01', auc: 0.79 }], note: 'rolling origin' }, method: 'logistic' });
    expect(sections).toEqual([
      { kind: 'figures', title: 'Summary', entries: [{ label: 'Sample', display: '420' }, { label: 'Churners', display: '41' }, { label: 'Method', display: 'logistic' }] },
      { kind: 'figures', title: 'Auc', entries: [{ label: 'Estimate', display: '0.812' }, { label: 'Lower', display: '0.74' }, { label: 'Upper', display: '0.88' }] },
      { kind: 'table', title: 'Calibration', columns: ['Bin', 'Predicted', 'Observed', 'Count'], rows: [['1', '0.05', '0.04', '40']] },
      { kind: 'figures', title: 'Backtest', entries: [{ label: 'Note', display: 'rolling origin' }] },
      { kind: 'table', title: 'Backtest · Folds', columns: ['As of', 'Auc'], rows: [['2026-05-01', '0.79']] },
    ]);
  });

  it('answers a manager of 10,000 companies in under 1 MB (the hubspot.fetch limit)', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) =>
      entryOf(createMockCustomer({ id: `n${i}`, name: `Company number ${i}`, ownerId: i % 2 ? 'ana' : 'bo', segment: ['gold', 'silver', 'bronze'][i % 3], deals: [wonDeal(100 + (i % 900), `20${22 + (i % 4)}-0${1 + (i % 9)}-01T00:00:00Z`, i % 5 === 0 ? '2026-06-01T00:00:00Z' : undefined)], feedback: i % 7 === 0 ? [nps(i % 11, '2026-11-20T00:00:00Z')] : [] })),
    );
    const response = portfolioPage(pageInput('lea', { entries }));
    const view = viewOf(response);
    expect(view.scope.customers).toBe(10_000);
    expect(view.atRisk.customers.length).toBeLessThanOrEqual(50);
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThan(1_000_000);
  });
});
