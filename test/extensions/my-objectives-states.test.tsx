import { Alert, DescriptionListItem, EmptyState, Heading, ErrorState, LoadingSpinner, ProgressBar, TableCell, TableRow, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { MyObjectivesCardView } from '../../extensions/cards/components/my-objectives-card-view';
import type { ObjectivesCardExtras } from '../../extensions/cards/components/card-extras';
import type { MyObjectivesView, ObjectivesStatementView } from '../../src/views/my-objectives-view';

/** A CSM's view as the handler shapes it; the renderer is what is under test here. */
const VIEW: MyObjectivesView = {
  viewer: { name: 'Ana CSM', role: 'csm' },
  period: { start: '2026-10-01', end: '2026-12-31', elapsedPercent: 57 },
  overall: 96.4,
  variableSharePercent: 15,
  levels: [
    { level: 'individual', planWeightPercent: 50, attainment: 104, measures: [{ measure: 'grr', kind: 'lag', actual: '93.1 %', target: '92 %', targetSource: 'plan', attainment: 108, weightPercent: 60, contribution: 64.8 }] },
  ],
  notOnCard: ['team', 'company'],
};
const EXTRAS: ObjectivesCardExtras = {
  pay: { atTarget: 2250, projected: 2169, toDate: 1236.3 },
  levelAttainment: [
    { level: 'individual', weightPercent: 50, attainment: 104, source: 'card' },
    { level: 'team', weightPercent: 30, attainment: 91.5, source: 'statement' },
    { level: 'company', weightPercent: 20, attainment: undefined, source: 'statement' },
  ],
  exclusions: [{ accounts: ['Globex'], reason: 'Insolvency of the parent group', declaredBy: 'lea@example.com', declaredAt: '2026-10-15T00:00:00.000Z' }],
  transitions: [{ people: ['Ana CSM', 'Bo CSM'], from: '2026-10-01T00:00:00.000Z', to: '2026-10-31T00:00:00.000Z', reason: 'Portfolios rebuilt after the reorganisation', declaredBy: 'lea@example.com', declaredAt: '2026-09-28T00:00:00.000Z' }],
};

describe('My objectives card, every state', () => {
  it('spins, then shows an error or an empty state in words', () => {
    const loading = createRenderer('crm.record.sidebar');
    loading.render(<MyObjectivesCardView state={{ status: 'loading' }} />);
    expect(loading.find(LoadingSpinner).props.label).toBe('Computing your objectives...');
    const error = createRenderer('crm.record.sidebar');
    error.render(<MyObjectivesCardView state={{ status: 'error', message: 'individual figures are visible to the person and their manager only' }} />);
    expect(error.find(ErrorState).find(Text).text).toBe('individual figures are visible to the person and their manager only');
    const empty = createRenderer('crm.record.sidebar');
    empty.render(<MyObjectivesCardView state={{ status: 'empty', message: 'No plan covers your role yet.' }} />);
    expect(empty.find(EmptyState).find(Text).text).toBe('No plan covers your role yet.');
  });

  it('labels every bar with its figure: no bar without its number', () => {
    const { render, findAll } = createRenderer('crm.record.sidebar');
    render(<MyObjectivesCardView state={{ status: 'ready', view: { ...VIEW, ...EXTRAS } }} />);
    const bars = findAll(ProgressBar);
    expect(bars.length).toBe(3);
    for (const bar of bars) {
      expect(bar.props.title).toMatch(/\d+ %$/);
      expect(bar.props.valueDescription).toMatch(/^\d+ %$/);
    }
    expect(bars.map((b) => b.props.title)).toEqual(["Attainment on the card's levels: 96 %", 'individual (50 % of the plan): 104 %', 'team (30 % of the plan, from the period statement): 92 %']);
    expect(findAll(Text).map((t) => t.text)).toContain('company (20 % of the plan, from the period statement): no data');
  });

  it('shows projected pay and the part earned to date, labelled', () => {
    const { render, find } = createRenderer('crm.record.sidebar');
    render(<MyObjectivesCardView state={{ status: 'ready', view: { ...VIEW, ...EXTRAS } }} />);
    expect(find(DescriptionListItem, { label: 'Projected for the period' }).text).toBe('2,169');
    expect(find(DescriptionListItem, { label: 'Earned to date' }).text).toBe('1,236');
    expect(find(DescriptionListItem, { label: 'Variable pay at target' }).text).toBe('2,250');
  });

  it('lists exclusions and transitions with who declared them and when', () => {
    const { render, findAll } = createRenderer('crm.record.sidebar');
    render(<MyObjectivesCardView state={{ status: 'ready', view: { ...VIEW, ...EXTRAS } }} />);
    const rows = findAll(TableRow).map((r) => r.findAll(TableCell).map((c) => c.text)).filter((cells) => cells.length);
    expect(rows).toEqual(expect.arrayContaining([
      ['Globex', 'Insolvency of the parent group', 'lea@example.com', '2026-10-15'],
      ['2026-10-01 to 2026-10-31', 'Ana CSM, Bo CSM', 'Portfolios rebuilt after the reorganisation', 'lea@example.com, 2026-09-28'],
    ]));
  });

  it('draws the plain view unchanged when the backend sends none of the extras', () => {
    const { render, findAll, maybeFind } = createRenderer('crm.record.sidebar');
    render(<MyObjectivesCardView state={{ status: 'ready', view: VIEW }} />);
    expect(findAll(ProgressBar)).toHaveLength(1);
    expect(maybeFind(DescriptionListItem, { label: 'Earned to date' })).toBeNull();
  });

  describe('the period statement behind the department and company levels', () => {
    const STATEMENT: ObjectivesStatementView = { status: 'ok', periodKey: '2026-Q4', version: 2, computedAt: '2027-01-04T03:00:00.000Z', settingsVersion: 7, lockedAt: '2027-01-03T03:00:00.000Z', overall: 88.6, department: 'Customer Success', awaitingApproval: 1 };
    const draw = (statement: ObjectivesStatementView) => {
      const renderer = createRenderer('crm.record.sidebar');
      renderer.render(<MyObjectivesCardView state={{ status: 'ready', view: { ...VIEW, statement } }} />);
      return renderer;
    };

    it('shows its overall figure, when it was computed, with which settings version, and its lock', () => {
      const { findAll } = draw(STATEMENT);
      expect(findAll(Heading).map((h) => h.text)).toContain('Period statement 2026-Q4');
      expect(findAll(ProgressBar).map((b) => b.props.title)).toContain('Overall, all levels (statement version 2): 89 %');
      const texts = findAll(Text).map((t) => t.text);
      expect(texts).toContain('Computed by the sync on 2027-01-04 03:00 UTC with settings version 7; locked 2027-01-03 03:00 UTC when the period ended. Department: Customer Success.');
      expect(texts).toContain("1 declared exceptional event awaits an admin's approval: not applied yet.");
    });

    it('labels a statement without an overall figure "no data", never a bar at 0', () => {
      const { findAll } = draw({ ...STATEMENT, overall: undefined, awaitingApproval: 0 });
      expect(findAll(ProgressBar)).toHaveLength(1);
      expect(findAll(Text).map((t) => t.text)).toContain('Overall, all levels (statement version 2): no data');
    });

    it('says when there is none yet, when it could not be read, and when this view has no store', () => {
      const empty = draw({ status: 'empty', message: 'No statement for 2026-Q4 yet: the nightly full sync at 03:00 UTC (next: 2026-11-30 03:00 UTC) computes the department and company levels.' });
      expect(empty.find(Alert).props).toMatchObject({ title: 'No period statement yet', variant: 'info' });
      expect(empty.find(Alert).text).toContain('next: 2026-11-30 03:00 UTC');
      const error = draw({ status: 'error', message: 'The period statement could not be read from the cs-health store: try again in a moment.' });
      expect(error.find(Alert).props).toMatchObject({ title: 'Department and company levels unavailable', variant: 'danger' });
      const unavailable = draw({ status: 'unavailable', message: 'Department and company levels come from the period statement the sync keeps in the cs-health store, which this view cannot reach.' });
      expect(unavailable.maybeFind(Alert)).toBeNull();
      expect(unavailable.findAll(Text).map((t) => t.text)).toContain('Department and company levels come from the period statement the sync keeps in the cs-health store, which this view cannot reach.');
    });

    it('names the source of each level in its heading', () => {
      const r = createRenderer('crm.record.sidebar');
      r.render(<MyObjectivesCardView state={{ status: 'ready', view: { ...VIEW, levels: [{ ...VIEW.levels[0], source: 'card' }, { level: 'company', planWeightPercent: 20, attainment: 97.2, source: 'statement', measures: [] }] } }} />);
      expect(r.findAll(Heading).map((h) => h.text)).toEqual(expect.arrayContaining(['individual level (50 % of the plan, live): 104 %', 'company level (20 % of the plan, from the period statement): 97 %']));
    });
  });
});
