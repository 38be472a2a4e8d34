import { Button, LoadingSpinner, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { CustomerHealthCard } from '../../extensions/cards/customer-health-card';
import { backendAnswer, BACKEND, ENTERPRISE } from '../extensions/fixtures/card-runtimes';
import { eventually } from '../extensions/fixtures/eventually';
import { createMockAtRiskView } from '../extensions/fixtures/card-views';

const FOLLOW_UP = { due: '2026-11-17T09:00:00.000Z', overdue: true, ownerName: 'Ana Csm' };
const ROUTE = `${BACKEND}/hubspot/cards/customer-health`;

describe("the Customer health card's follow-up buttons go to the backend through the card's reload", () => {
  afterEach(() => jest.restoreAllMocks());

  it('on Enterprise (views from the app function), sends create and close through hubspot.fetch and draws what the backend answered', async () => {
    const view = createMockAtRiskView();
    jest.spyOn(hubspot, 'serverless').mockResolvedValue({ status: 'ok', view: { ...view, followUp: FOLLOW_UP } });
    const fetch = jest
      .spyOn(hubspot, 'fetch')
      .mockResolvedValueOnce(backendAnswer({ status: 'ok', view: { ...view, followUp: { ...FOLLOW_UP, taskId: '77' }, followUpOutcome: { status: 'done', message: 'Follow-up task 77 created, due 2026-11-17 09:00 UTC.' } } }))
      .mockResolvedValueOnce(backendAnswer({ status: 'ok', view: { ...view, followUpOutcome: { status: 'done', message: 'Loop closed: task 77 completed.' } } }));
    const { render, findAll, maybeFind } = createRenderer('crm.record.tab');
    render(<CustomerHealthCard companyId="101" runtime={ENTERPRISE} />);
    await eventually(() => expect(findAll(Button).some((b) => b.text === 'Create follow-up task')).toBe(true));

    findAll(Button).find((b) => b.text === 'Create follow-up task')!.trigger('onClick');
    await eventually(() => expect(fetch).toHaveBeenCalledWith(ROUTE, { method: 'POST', body: { recordId: '101', action: 'create_followup_task' } }));
    await eventually(() => expect(maybeFind(LoadingSpinner)).toBeNull());
    await eventually(() => expect(findAll(Text).map((t) => t.text)).toEqual(expect.arrayContaining(['Task 77 is open in HubSpot.', 'Follow-up task 77 created, due 2026-11-17 09:00 UTC.'])));
    // With a task open, only closing is offered.
    expect(findAll(Button).some((b) => b.text === 'Create follow-up task')).toBe(false);

    findAll(Button).find((b) => b.text === 'Mark loop closed')!.trigger('onClick');
    await eventually(() => expect(fetch).toHaveBeenLastCalledWith(ROUTE, { method: 'POST', body: { recordId: '101', action: 'close_followup_loop' } }));
    // The loop is closed: the follow-up block is gone.
    await eventually(() => expect(findAll(Button).some((b) => b.text === 'Mark loop closed')).toBe(false));
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
