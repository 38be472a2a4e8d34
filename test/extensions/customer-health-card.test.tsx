import { Alert, ErrorState, LineChart, List, LoadingSpinner, ScoreCircle, StatisticsItem, TableRow, Tag, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { CustomerHealthCard } from '../../extensions/cards/customer-health-card';
import { CustomerHealthCardView } from '../../extensions/cards/components/customer-health-card-view';
import { createMockAtRiskView, createMockHealthyView, createMockNoDataView } from './fixtures/card-views';
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

  it('loads through the customer-health function with the record id, spinning until it answers', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const serverless = jest.spyOn(hubspot, 'serverless').mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const { render, find, maybeFind } = createRenderer('crm.record.tab');
    render(<CustomerHealthCard companyId="101" />);
    await eventually(() => expect(serverless).toHaveBeenCalledWith('customer-health', { parameters: { recordId: '101' } }));
    expect(find(LoadingSpinner)).toBeTruthy();
    answer({ status: 'ok', view: createMockHealthyView() });
    await eventually(() => expect(maybeFind(LoadingSpinner)).toBeNull());
    expect(find(ScoreCircle).props.score).toBe(createMockHealthyView().score);
  });

  it('shows the function error message when the call fails', async () => {
    jest.spyOn(hubspot, 'serverless').mockResolvedValue({ status: 'error', code: 'NOT_FOUND', message: 'Company 9 was not found in HubSpot.' });
    const { render, find, maybeFind } = createRenderer('crm.record.tab');
    render(<CustomerHealthCard companyId="9" />);
    await eventually(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(maybeFind(Alert)).toBeNull();
    expect(find(ErrorState).find(Text).text).toContain('Company 9 was not found');
  });
});
