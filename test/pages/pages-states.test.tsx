import { BarChart, Button, EmptyState, ErrorState, LineChart, LoadingSpinner, Select, StatisticsItem, Table, TableCell, TableHeader, TableRow, Tag, Text, hubspot } from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { portfolioPage } from '../../src/app/pages/portfolio-page';
import type { PageState, PortfolioPageView } from '../../src/views/pages/portfolio-page-view';
import { ChurnPage, FeedbackPage, HomePage, RetentionPage } from '../../extensions/pages/components/portfolio-pages';
import { usePortfolioPage } from '../../extensions/pages/hooks/use-portfolio-page';
import { PortfolioRouter } from '../../extensions/pages/Pages';
import { eventually } from '../extensions/fixtures/eventually';
import { pageInput } from './page-fixtures';

// `trigger`'s argument is typed as the handler itself in 0.17's testing types; at run time it is the value passed to the handler.
/** Views built by the real `portfolioPage` from domain customers, so the pages are tested on what the backend answers. */
function createMockPageView(viewerId = 'lea', extra = {}): PortfolioPageView {
  const response = portfolioPage(pageInput(viewerId, extra));
  if (response.status !== 'ok') throw new Error('fixture must give a view');
  return response.view;
}

const PAGES = { HomePage, RetentionPage, FeedbackPage, ChurnPage } as const;
const states: [string, PageState<PortfolioPageView>][] = [
  ['loading', { status: 'loading' }],
  ['error', { status: 'error', message: 'The portfolio cannot be shown: you are not a HubSpot owner known to cs-health.' }],
  ['empty', { status: 'empty', message: 'No company is assigned to you yet.' }],
];

describe('app pages, every state', () => {
  afterEach(() => jest.restoreAllMocks());

  for (const [name, Page] of Object.entries(PAGES)) {
    it(`${name}: spins while loading, shows the error with a retry, and an empty state with its message`, () => {
      for (const [status, state] of states) {
        const { render, find, maybeFind } = createRenderer('pages');
        const retry = jest.fn();
        render(<Page state={state} onRetry={retry} />);
        expect(find(PageTitle)).toBeTruthy();
        if (status === 'loading') expect(find(LoadingSpinner).props.label).toBe('Loading the portfolio...');
        if (status === 'error') {
          expect(find(ErrorState).find(Text).text).toContain('not a HubSpot owner known to cs-health');
          find(Button).trigger('onClick');
          expect(retry).toHaveBeenCalledTimes(1);
        }
        if (status === 'empty') expect(find(EmptyState).find(Text).text).toBe('No company is assigned to you yet.');
        if (status !== 'loading') expect(maybeFind(LoadingSpinner)).toBeNull();
      }
    });
  }

  it('home: health bands with counts on the chart, at-risk customers by MRR, the overdue follow-up marked', () => {
    const view = createMockPageView('ana');
    const { render, find, findAll } = createRenderer('pages');
    render(<HomePage state={{ status: 'ready', view }} />);
    expect(find(BarChart).props.data).toEqual([{ band: 'Healthy', customers: 1 }, { band: 'Neutral', customers: 0 }, { band: 'At risk', customers: 1 }]);
    expect(find(BarChart).props.options).toMatchObject({ showDataLabels: true });
    expect(find(StatisticsItem, { label: 'At risk' }).props.number).toBe('1');
    const cells = findAll(TableCell).map((c) => c.text);
    expect(cells).toEqual(expect.arrayContaining(['Globex', '1,000', 'Ana CSM']));
    expect(findAll(Tag).map((t) => t.text)).toContain('28 h overdue');
  });

  it('home: a portfolio with nothing at risk and no follow-up says so instead of empty tables', () => {
    const view = { ...createMockPageView('ana'), atRisk: { count: 0, mrrAtStake: '0', customers: [] }, followUps: { overdue: 0, customers: [] } };
    const { render, findAll } = createRenderer('pages');
    render(<HomePage state={{ status: 'ready', view }} />);
    expect(findAll(Text).map((t) => t.text)).toEqual(expect.arrayContaining(['No active customer is at risk.', 'Every detractor has been followed up.']));
  });

  it('retention: NRR and GRR for 12 months on one chart, logo and revenue churn apart, drill-down by cohort then segment', () => {
    const view = createMockPageView('lea');
    const { render, find, findAll } = createRenderer('pages');
    render(<RetentionPage state={{ status: 'ready', view }} />);
    const data = find(LineChart).props.data as { month: string; metric: string; percent: number }[];
    expect(new Set(data.map((d) => d.metric))).toEqual(new Set(['NRR', 'GRR']));
    expect(data.filter((d) => d.metric === 'NRR')).toHaveLength(12);
    expect(findAll(TableHeader)[0].text).toBe('Cohort');
    expect(findAll(TableRow)).toHaveLength(1 + view.retention.byCohort.length);
    find(Select).trigger('onChange', 'segment' as never);
    expect(findAll(TableHeader)[0].text).toBe('Segment');
    expect(findAll(TableRow).slice(1).map((r) => r.findAll(TableCell)[0].text)).toEqual(view.retention.bySegment.map((s) => s.key));
  });

  it('retention: no chart, but a sentence, when no month had a paying customer', () => {
    const view = createMockPageView('lea');
    const none = { kind: 'no_data' as const, reason: 'no recurring revenue at the start of the period' };
    const empty = { ...view, retention: { ...view.retention, months: view.retention.months.map((m) => ({ month: m.month, nrr: none, grr: none, logoChurn: none, revenueChurn: none })) } };
    const { render, maybeFind, findAll } = createRenderer('pages');
    render(<RetentionPage state={{ status: 'ready', view: empty }} />);
    expect(maybeFind(LineChart)).toBeNull();
    expect(findAll(Text).map((t) => t.text)).toContain('No month had paying customers at its start: no retention to chart yet.');
  });

  it('feedback: NPS and CSAT with their response counts, by segment, owner and month', () => {
    const view = createMockPageView('ana', { surveyed: { bySegment: { gold: 4 } } });
    const { render, find, findAll } = createRenderer('pages');
    render(<FeedbackPage state={{ status: 'ready', view }} />);
    expect(findAll(TableHeader).map((h) => h.text)).toEqual(['Segment', 'NPS', 'NPS answers', 'CSAT', 'CSAT answers', 'All answers', 'Response rate']);
    expect(findAll(TableRow)[1].findAll(TableCell).map((c) => c.text)).toEqual(['gold', '100', '1', '100 %', '1', '2', '50 %']);
    find(Select).trigger('onChange', 'owner' as never);
    expect(findAll(TableRow)[1].findAll(TableCell)[0].text).toBe('Ana CSM');
    find(Select).trigger('onChange', 'month' as never);
    expect(findAll(TableRow).slice(1).map((r) => r.findAll(TableCell)[0].text)).toEqual(['2026-10', '2026-11']);
  });

  it('churn: reasons with the controllable share, service value, and the model report as it comes', () => {
    const view = createMockPageView('ana', { model: { version: 3, fittedAt: new Date('2026-11-20T00:00:00Z'), report: { sample: 420, calibration: [{ bin: 1, predicted: 0.05, observed: 0.04 }] } } });
    const { render, find, findAll } = createRenderer('pages');
    render(<ChurnPage state={{ status: 'ready', view }} />);
    expect(find(StatisticsItem, { label: 'CS-controllable share' }).props.number).toBe('0 %');
    expect(find(StatisticsItem, { label: 'Customers saved' })).toBeTruthy();
    const cells = findAll(TableCell).map((c) => c.text);
    expect(cells).toEqual(expect.arrayContaining(['budget cut', 'Sample', '420', '0.05', '0.04']));
    expect(findAll(Text).map((t) => t.text)).toContain('Model version 3, fitted 2026-11-20.');
    expect(findAll(Table).length).toBeGreaterThanOrEqual(3);
  });

  it('churn: says the rule weights are used when no model was fitted', () => {
    const { render, findAll } = createRenderer('pages');
    render(<ChurnPage state={{ status: 'ready', view: createMockPageView('ana') }} />);
    expect(findAll(Text).map((t) => t.text)).toContain('No churn model fitted yet: churn risk is scored with the rule weights.');
  });

  it('fetches the portfolio through hubspot.fetch (signed, with the viewer) and draws what the backend answers', async () => {
    const view = createMockPageView('ana');
    const fetch = jest.spyOn(hubspot, 'fetch').mockResolvedValueOnce({ json: async () => ({ status: 'ok', view }) } as Response);
    function Harness() {
      const { state, reload } = usePortfolioPage();
      return <HomePage state={state} onRetry={reload} />;
    }
    const { render, find, maybeFind } = createRenderer('pages');
    render(<Harness />);
    await eventually(() => expect(maybeFind(BarChart)).not.toBeNull());
    expect(fetch).toHaveBeenCalledWith('http://localhost:8080/hubspot/pages/portfolio', { method: 'GET', timeout: 15_000 });
    expect(maybeFind(LoadingSpinner)).toBeNull();
    expect(find(StatisticsItem, { label: 'Healthy' }).props.number).toBe('1');
  });

  it('turns an unreadable answer or a failed call into a message a person can read', async () => {
    jest.spyOn(hubspot, 'fetch').mockResolvedValueOnce({ json: async () => ({ stack: 'TypeError at x.js:1' }) } as Response).mockRejectedValueOnce(new Error('timeout'));
    function Harness() {
      const { state, reload } = usePortfolioPage();
      return <HomePage state={state} onRetry={reload} />;
    }
    const { render, find, maybeFind } = createRenderer('pages');
    render(<Harness />);
    await eventually(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(find(ErrorState).find(Text).text).toBe('cs-health answered something the page cannot read. Try again in a moment.');
    find(ErrorState).find(Button).trigger('onClick');
    await eventually(() => expect(find(ErrorState).find(Text).text).toBe('The page could not reach cs-health. Try again in a moment.'));
  });

  it('routes the app home (index route) to the overview, fetching its data once', async () => {
    const fetch = jest.spyOn(hubspot, 'fetch').mockResolvedValue({ json: async () => ({ status: 'empty', message: 'No company is assigned to you yet.' }) } as Response);
    const { render, find, maybeFind } = createRenderer('pages');
    render(<PortfolioRouter />);
    expect(find(PageTitle).text).toBe('Customer success portfolio');
    await eventually(() => expect(maybeFind(EmptyState)).not.toBeNull());
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
