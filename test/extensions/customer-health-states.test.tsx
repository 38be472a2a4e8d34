import { Button, EmptyState, ErrorState, LineChart, LoadingSpinner, ScoreCircle, TableCell, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { CustomerHealthCardView } from '../../extensions/cards/components/customer-health-card-view';
import type { HealthCardExtras } from '../../extensions/cards/components/card-extras';
import { explainedScoreChanges, type ScoreDay } from '../../src/domain/portfolio/score-change-ledger';
import { createMockCustomer, ticket } from '../domain/fixtures/customer-fixtures';
import { createMockAtRiskView, createMockHealthyView } from './fixtures/card-views';

const day = (d: string, score: number | null, components: Record<string, number | null>, override?: ScoreDay['override']): ScoreDay => ({ day: d, score, components, override });
const SNAPSHOTS: ScoreDay[] = [
  day('2026-10-01', 80, { supportLoad: 90, usage: 70 }),
  day('2026-10-02', 79, { supportLoad: 88, usage: 70 }),
  day('2026-10-03', 61, { supportLoad: 30, usage: 68 }),
  day('2026-10-04', 85, { supportLoad: 30, usage: 68 }, { score: 85, reason: 'Renewal signed verbally', author: 'ana@example.com' }),
];
/** The ledger as the backend computes it for the card, from the snapshots and the company's records. */
const ledgerOf = (minPoints: number) => ({ minPoints, changes: explainedScoreChanges(SNAPSHOTS, createMockCustomer({ id: '101', tickets: [ticket('2026-10-03T09:30:00Z', { id: '301', priority: 'URGENT' })] }), minPoints) });

describe('Customer health card, every state', () => {
  it('spins, then shows an error or an empty state in words', () => {
    for (const [state, check] of [
      [{ status: 'loading' }, (r: ReturnType<typeof createRenderer>) => expect(r.find(LoadingSpinner).props.label).toBe('Computing customer health...')],
      [{ status: 'error', message: 'HubSpot did not answer: try again in a moment.' }, (r: ReturnType<typeof createRenderer>) => expect(r.find(ErrorState).find(Text).text).toBe('HubSpot did not answer: try again in a moment.')],
      [{ status: 'empty', message: 'Initech is a prospect: no health until it pays.' }, (r: ReturnType<typeof createRenderer>) => expect(r.find(EmptyState).find(Text).text).toBe('Initech is a prospect: no health until it pays.')],
    ] as const) {
      const renderer = createRenderer('crm.record.tab');
      renderer.render(<CustomerHealthCardView state={state} />);
      check(renderer);
      expect(renderer.maybeFind(ScoreCircle)).toBeNull();
    }
  });

  it('draws the daily snapshots with the override days as their own series', () => {
    const { render, find, findAll } = createRenderer('crm.record.tab');
    render(<CustomerHealthCardView state={{ status: 'ready', view: { ...createMockHealthyView(), snapshots: SNAPSHOTS } }} />);
    const chart = find(LineChart);
    expect(chart.props.data).toEqual([
      { date: '2026-10-01', score: 80, series: 'Computed score' },
      { date: '2026-10-02', score: 79, series: 'Computed score' },
      { date: '2026-10-03', score: 61, series: 'Computed score' },
      { date: '2026-10-04', score: 85, series: 'CSM override' },
    ]);
    expect(chart.props.axes.options).toMatchObject({ groupFieldByColor: 'series' });
    expect(findAll(Text).map((t) => t.text)).toContain('1 day held by a CSM override, drawn apart.');
  });

  it('lists each move of the configured size with the components that moved it, newest first', () => {
    const { render, findAll } = createRenderer('crm.record.tab');
    const view: ReturnType<typeof createMockHealthyView> & HealthCardExtras = { ...createMockHealthyView(), snapshots: SNAPSHOTS, ledger: ledgerOf(10), componentLabels: { supportLoad: 'Support load', usage: 'Product usage' } };
    render(<CustomerHealthCardView state={{ status: 'ready', view }} />);
    const ledgerRows = findAll(TableRow).filter((r) => r.findAll(TableCell).some((c) => (c.text ?? '').includes(' and 2026-')));
    expect(ledgerRows.map((r) => r.findAll(TableCell).map((c) => c.text))).toEqual([
      ['2026-10-03 and 2026-10-04', '61 → 85', '+24 pts', 'Override set by ana@example.com: Renewal signed verbally', '—'],
      ['2026-10-02 and 2026-10-03', '79 → 61', '-18 pts', 'Support load 88 → 30 (-58); Product usage 70 → 68 (-2)', '2026-10-03: Ticket 301 opened (URGENT)'],
    ]);
  });

  it('says when no move reached the threshold, and keeps the property-history chart without snapshots', () => {
    const { render, find, findAll } = createRenderer('crm.record.tab');
    render(<CustomerHealthCardView state={{ status: 'ready', view: { ...createMockHealthyView(), snapshots: SNAPSHOTS.slice(0, 2), ledger: { minPoints: 5, changes: explainedScoreChanges(SNAPSHOTS.slice(0, 2), createMockCustomer(), 5) } } }} />);
    expect(findAll(Text).map((t) => t.text)).toContain('No move of 5 points or more in the stored history.');
    const fallback = createRenderer('crm.record.tab');
    fallback.render(<CustomerHealthCardView state={{ status: 'ready', view: createMockHealthyView() }} />);
    expect(fallback.find(LineChart).props.data).toEqual([{ date: '2026-10-01', score: 81 }, { date: '2026-11-01', score: 86 }]);
    expect(fallback.findAll(Text).map((t) => t.text)).toContain('From the property history; overrides are not marked until daily snapshots are stored.');
    expect(find(LineChart)).toBeTruthy();
  });

  it('offers the follow-up actions on an overdue detractor, tagged overdue, and calls them', () => {
    const onCreate = jest.fn();
    const onClose = jest.fn();
    const { render, find, findAll } = createRenderer('crm.record.tab');
    const view = { ...createMockAtRiskView(), followUp: { due: '2026-11-22T08:00:00.000Z', overdue: true, ownerName: 'Ana CSM' } };
    render(<CustomerHealthCardView state={{ status: 'ready', view }} onCreateFollowUpTask={onCreate} onCloseFollowUpLoop={onClose} />);
    expect(findAll(Tag).map((t) => t.text)).toContain('Overdue');
    expect(findAll(Text).map((t) => t.text)).toContain('Call before 2026-11-22 08:00 UTC (Ana CSM).');
    findAll(Button).find((b) => b.text === 'Create follow-up task')!.trigger('onClick');
    findAll(Button).find((b) => b.text === 'Mark loop closed')!.trigger('onClick');
    expect(onCreate).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(find(Tag, { variant: 'error' })).toBeTruthy();
  });

  it('shows an open task instead of a second create button, and disables the actions while one runs', () => {
    const { render, findAll } = createRenderer('crm.record.tab');
    const view = { ...createMockAtRiskView(), followUp: { due: '2026-11-23T08:00:00.000Z', overdue: false, taskId: '77' } };
    render(<CustomerHealthCardView state={{ status: 'ready', view }} followUpAction={{ status: 'working' }} onCloseFollowUpLoop={() => undefined} />);
    expect(findAll(Button).map((b) => b.text)).not.toContain('Create follow-up task');
    expect(findAll(Button).find((b) => b.text === 'Mark loop closed')!.props.disabled).toBe(true);
    expect(findAll(Text).map((t) => t.text)).toContain('Task 77 is open in HubSpot.');
    expect(findAll(Tag).map((t) => t.text)).toContain('Due');
  });

  it('shows no follow-up block when none is open', () => {
    const { render, findAll } = createRenderer('crm.record.tab');
    render(<CustomerHealthCardView state={{ status: 'ready', view: createMockHealthyView() }} />);
    expect(findAll(Button).map((b) => b.text)).not.toContain('Mark loop closed');
  });

  it('tells the outcome of a follow-up action, done or failed, in words', () => {
    const view = { ...createMockAtRiskView(), followUp: { due: '2026-11-22T08:00:00.000Z', overdue: true } };
    const done = createRenderer('crm.record.tab');
    done.render(<CustomerHealthCardView state={{ status: 'ready', view }} followUpAction={{ status: 'done', message: 'Task created for Ana CSM, due 2026-11-22 08:00 UTC.' }} />);
    expect(done.findAll(Text).map((t) => t.text)).toContain('Task created for Ana CSM, due 2026-11-22 08:00 UTC.');
    const failed = createRenderer('crm.record.tab');
    failed.render(<CustomerHealthCardView state={{ status: 'ready', view }} followUpAction={{ status: 'error', message: 'ownerId: the company has no owner to assign the follow-up to' }} />);
    expect(failed.findAll(Text).map((t) => t.text)).toContain('ownerId: the company has no owner to assign the follow-up to');
  });

  it('waits for a second stored day before drawing the snapshot chart', () => {
    const { render, findAll, maybeFind } = createRenderer('crm.record.tab');
    render(<CustomerHealthCardView state={{ status: 'ready', view: { ...createMockHealthyView(), snapshots: [SNAPSHOTS[0], day('2026-10-02', null, {})] } }} />);
    expect(maybeFind(LineChart)).toBeNull();
    expect(findAll(Text).map((t) => t.text)).toContain('The score history chart appears after the score has been stored on two days.');
  });
});
