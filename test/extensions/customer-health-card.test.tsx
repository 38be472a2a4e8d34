import { Alert, ErrorState, LineChart, List, LoadingSpinner, ScoreCircle, StatisticsItem, TableRow, Tag, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { CustomerHealthCard } from '../../extensions/cards/customer-health-card';
import { CustomerHealthCardView } from '../../extensions/cards/components/customer-health-card-view';
import { createMockAtRiskView, createMockHealthyView, createMockNoDataView } from './fixtures/card-views';
import { backendAnswer, BACKEND, ENTERPRISE, PRO } from './fixtures/card-runtimes';
import { routeOf } from '../../extensions/cards/hooks/card-transport';
import { eventually } from './fixtures/eventually';



describe('Customer health card', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows the score, its band and every component of a healthy account', () => {
    const { render, find, findAll } = createRenderer('crm.record.tab');
    const view = createMockHealthyView();
    render(<CustomerHealthCardView state={{ status: 'ready', view }} />);
    expect(find(ScoreCircle).props.score).toBe(view.score);
    expect(find(Tag).text).toBe('Healthy');
    expect(findAll(TableRow)).toHaveLength(1 + 6);
    expect(find(LineChart).props.data).toEqual([{ date: '2026-10-01', score: 81 }, { date: '2026-11-01', score: 86 }]);
  });

  it('ranks the reasons of an at-risk account and puts the detractor call first', () => {
    const { render, find, findAll } = createRenderer('crm.record.tab');
    render(<CustomerHealthCardView state={{ status: 'ready', view: createMockAtRiskView() }} />);
    expect(find(Tag).text).toBe('At risk');
    expect(findAll(Tag)[1].text).toMatch(/^high \(\d+\)$/);
    const [reasons, actions] = findAll(List).map((list) => list.findAll(Text).map((t) => t.text));
    expect(reasons).toEqual(expect.arrayContaining(['Detractor answered 2 days ago', 'Renewal in 23 days with health 20', 'No call, email or meeting in 94 days']));
    expect(actions[0]).toBe('Now: Detractor answered 2 days ago: call now, the 48 h follow-up is overdue');
  });

  it('says "no data" with the reason instead of zeros when nothing is recorded', () => {
    const { render, find } = createRenderer('crm.record.tab');
    render(<CustomerHealthCardView state={{ status: 'ready', view: createMockNoDataView() }} />);
    expect(find(StatisticsItem, { label: 'NPS (365 days)' }).props.number).toBe('—');
    expect(find(StatisticsItem, { label: 'NPS (365 days)' }).find(Text).text).toContain('no NPS answers in the last 365 days');
  });

  it('shows a readable error, never raw JSON', () => {
    const { render, find } = createRenderer('crm.record.tab');
    render(<CustomerHealthCardView state={{ status: 'error', message: 'HubSpot did not answer: try again in a moment.' }} />);
    expect(find(ErrorState).find(Text).text).toContain('HubSpot did not answer');
  });

  it('on Enterprise, loads the view through the app function by its uid, spinning until it answers', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const serverless = jest.spyOn(hubspot, 'serverless').mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const fetch = jest.spyOn(hubspot, 'fetch');
    const { render, find, maybeFind } = createRenderer('crm.record.tab');
    render(<CustomerHealthCard companyId="101" runtime={ENTERPRISE} />);
    await eventually(() => expect(serverless).toHaveBeenCalledWith('cs_customer_health_function', { parameters: { recordId: '101' } }));
    expect(find(LoadingSpinner)).toBeTruthy();
    answer({ status: 'ok', view: createMockHealthyView() });
    await eventually(() => expect(maybeFind(LoadingSpinner)).toBeNull());
    expect(find(ScoreCircle).props.score).toBe(createMockHealthyView().score);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('on Pro, loads through hubspot.fetch to the backend card route and shows its error in words', async () => {
    const fetch = jest.spyOn(hubspot, 'fetch').mockResolvedValue(backendAnswer({ status: 'error', code: 'NOT_FOUND', message: 'Company 9 was not found in HubSpot.' }, 404));
    const serverless = jest.spyOn(hubspot, 'serverless');
    const { render, find, maybeFind } = createRenderer('crm.record.tab');
    render(<CustomerHealthCard companyId="9" runtime={PRO} />);
    await eventually(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(fetch).toHaveBeenCalledWith(`${BACKEND}/hubspot/cards/customer-health`, { method: 'POST', body: { recordId: '9' } });
    expect(serverless).not.toHaveBeenCalled();
    expect(maybeFind(Alert)).toBeNull();
    expect(find(ErrorState).find(Text).text).toContain('Company 9 was not found');
  });

  it('on Enterprise too, sends overrides to the backend: their author is the viewer, which only hubspot.fetch signs', () => {
    const override = { score: 40, reason: 'Champion left', expiresAt: '2026-12-31' };
    expect(routeOf(ENTERPRISE, 'customer-health', { recordId: '101' })).toEqual({ kind: 'function', uid: 'cs_customer_health_function' });
    expect(routeOf(ENTERPRISE, 'customer-health', { recordId: '101', action: 'override', override })).toEqual({ kind: 'fetch', url: `${BACKEND}/hubspot/cards/customer-health` });
    expect(routeOf(ENTERPRISE, 'customer-health', { recordId: '101', action: 'clear_override' })).toEqual({ kind: 'fetch', url: `${BACKEND}/hubspot/cards/customer-health` });
  });
});
