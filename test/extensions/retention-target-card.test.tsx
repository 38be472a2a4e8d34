import { Alert, ErrorState, ProgressBar, Tag, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { RetentionTargetCard } from '../../extensions/cards/retention-target-card';
import { RetentionTargetCardView } from '../../extensions/cards/components/retention-target-card-view';
import { retentionTargetCard } from '../../src/app/cards/retention-target-handler';
import { cachedPortalContext } from '../../src/app/card-dependencies';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import type { RetentionTargetView } from '../../src/views/retention-target-view';
import { AS_OF, withPortal } from '../hubspot/hubspot-test-portal';
import { backendAnswer, BACKEND, ENTERPRISE, PRO } from './fixtures/card-runtimes';
import { eventually } from './fixtures/eventually';



/** Views from the real handler over a demo sandbox: one per deal id asked. */
async function viewsFor(ids: string[]) {
  return withPortal({ seed: (sink) => generateDemoPortal({ companies: 80, seed: 9, asOf: AS_OF }, sink) }, async (gateway) => {
    const deps = { gateway, config: DEFAULT_ENGINE_CONFIG, now: () => AS_OF, portalContext: cachedPortalContext(gateway) };
    return Promise.all(ids.map((id) => retentionTargetCard(deps, { recordId: id }, {})));
  });
}

describe('Retention target card', () => {
  let views: Awaited<ReturnType<typeof viewsFor>>;
  beforeAll(async () => {
    views = await viewsFor(['1001', '1002', '1003', '1004', '99999999', 'abc']);
  });
  afterEach(() => jest.restoreAllMocks());

  it('is computed by the handler for real demo deals, and refuses unknown or malformed ids readably', () => {
    expect(views.slice(0, 4).every((v) => v.status === 'ok')).toBe(true);
    expect(views[4]).toEqual({ status: 'error', code: 'NOT_FOUND', message: 'This record was not found in HubSpot.' });
    expect(views[5]).toEqual({ status: 'error', code: 'BAD_REQUEST', message: 'recordId must be a numeric HubSpot record id' });
  });

  it('shows the status, the customer health and the rep record', () => {
    const view = (views[0] as { view: RetentionTargetView }).view;
    const { render, findAll, maybeFind } = createRenderer('crm.record.sidebar');
    render(<RetentionTargetCardView state={{ status: 'ready', view }} />);
    // The status tag belongs only on deals that count toward the objective (issue 13).
    expect(findAll(Tag).some((t) => /^(On track|At risk|Missed)$/.test(t.text ?? ""))).toBe(view.countsTowardObjective);
    expect(findAll(Text)[0].text).toBe(view.statusReason);
    if (view.rep.earlyChurnRate !== undefined) expect(maybeFind(ProgressBar)?.props.title).toContain(`target at most ${view.rep.targetRate} %`);
  });

  it('warns when the stage probability does not rise', () => {
    const view = { ...(views[0] as { view: RetentionTargetView }).view, stageCheck: { ok: false, message: 'Stage Contract sent (40 %) is not more likely to close than the earlier stage Demo (50 %)' } };
    const { render, find, maybeFind } = createRenderer('crm.record.sidebar');
    render(<RetentionTargetCardView state={{ status: 'ready', view }} />);
    expect(find(Alert).props.title).toBe('Probability does not rise with the stage');
  });

  it.each([['Pro', PRO], ['Enterprise', ENTERPRISE]])('on %s, loads through hubspot.fetch (the rep record depends on the viewer) and shows its error in words', async (_tier, runtime) => {
    const fetch = jest.spyOn(hubspot, 'fetch').mockResolvedValue(backendAnswer(views[4], 404));
    const serverless = jest.spyOn(hubspot, 'serverless');
    const { render, find, maybeFind } = createRenderer('crm.record.sidebar');
    render(<RetentionTargetCard dealId="99999999" runtime={runtime} />);
    await eventually(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(fetch).toHaveBeenCalledWith(`${BACKEND}/hubspot/cards/retention-target`, { method: 'POST', body: { recordId: '99999999' } });
    expect(serverless).not.toHaveBeenCalled();
    expect(find(ErrorState).find(Text).text).toBe('This record was not found in HubSpot.');
  });
});
