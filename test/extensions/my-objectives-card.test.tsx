import { ErrorState, ProgressBar, TableRow, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { MyObjectivesCardView } from '../../extensions/cards/components/my-objectives-card-view';
import { MyObjectivesCard } from '../../extensions/cards/my-objectives-card';
import { cachedPortalContext } from '../../src/app/card-dependencies';
import { myObjectivesCard } from '../../src/app/cards/my-objectives-handler';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { loadPlans } from '../../src/domain/objectives/plan-schema';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import type { CardViewer } from '../../src/app/card-request';
import { AS_OF, withPortal } from '../hubspot/hubspot-test-portal';
import { backendAnswer, BACKEND, ENTERPRISE, PRO } from './fixtures/card-runtimes';
import { eventually } from './fixtures/eventually';

// Demo owners: 100 manages the Customer Success team; 101 and 102 are CSMs (user ids 70,000 + owner id).
const ana: CardViewer = { userId: 70_101 };
const manager: CardViewer = { userId: 70_100 };
const stranger: CardViewer = { userId: 1 };

async function answers() {
  return withPortal({ seed: (sink) => generateDemoPortal({ companies: 120, seed: 4, asOf: AS_OF }, sink) }, async (gateway) => {
    const deps = { gateway, config: DEFAULT_ENGINE_CONFIG, now: () => AS_OF, portalContext: cachedPortalContext(gateway), plans: loadPlans({ period: { start: '2026-07-01', end: '2026-10-31' }, managers: ['100'] }) };
    const ask = (viewer: CardViewer, input: Record<string, unknown>) => myObjectivesCard(deps, { recordId: '1001', ...input }, viewer);
    return {
      own: await ask(ana, {}),
      peer: await ask(ana, { subjectOwnerId: '102' }),
      managerOwn: await ask(manager, {}),
      managerOfMember: await ask(manager, { subjectOwnerId: '102' }),
      unknown: await ask(stranger, {}),
      calls: gateway.callCounts(),
    };
  });
}

describe('My objectives card', () => {
  let result: Awaited<ReturnType<typeof answers>>;
  beforeAll(async () => {
    result = await answers();
  });

  it('shows a CSM their own attainment, explained by level and measure', () => {
    expect(result.own.status).toBe('ok');
    if (result.own.status !== 'ok') return;
    expect(result.own.view.viewer.role).toBe('csm');
    expect(result.own.view.levels.map((l) => l.level)).toEqual(['individual', 'team']);
    expect(result.own.view.notOnCard).toEqual(['company (20 %)']);
    const { render, find, findAll } = createRenderer('crm.record.sidebar');
    render(<MyObjectivesCardView state={{ status: 'ready', view: result.own.view }} />);
    expect(find(ProgressBar).props.title).toMatch(/^Attainment on the card's levels: (\d+ %|no data)$/);
    expect(findAll(TableRow).length).toBe(2 * (1 + 5));
  });

  it('refuses a CSM asking for a peer\'s figures, and an unknown user', () => {
    expect(result.peer).toEqual({ status: 'error', code: 'FORBIDDEN', message: 'You cannot see these figures: individual figures are visible to the person and their manager only.' });
    expect(result.unknown).toEqual({ status: 'error', code: 'FORBIDDEN', message: 'You are not a HubSpot owner known to cs-health, so you have no objectives here.' });
    const { render, find } = createRenderer('crm.record.sidebar');
    render(<MyObjectivesCardView state={{ status: 'error', message: (result.peer as { message: string }).message }} />);
    expect(find(ErrorState).find(Text).text).toContain('visible to the person and their manager only');
  });

  it('shows a manager their team, and a member\'s figures on request', () => {
    expect(result.managerOwn.status === 'ok' && result.managerOwn.view.viewer.role).toBe('cs manager');
    expect(result.managerOwn.status === 'ok' && result.managerOwn.view.team?.length).toBeGreaterThanOrEqual(2);
    expect(result.managerOfMember.status === 'ok' && result.managerOfMember.view.viewer.name).toBeTruthy();
  });

  it.each([['Pro', PRO], ['Enterprise', ENTERPRISE]])('on %s, loads through hubspot.fetch: who is looking comes only from the URL HubSpot signs', async (_tier, runtime) => {
    const fetch = jest.spyOn(hubspot, 'fetch').mockResolvedValue(backendAnswer(result.peer, 403));
    const serverless = jest.spyOn(hubspot, 'serverless');
    const { render, find, maybeFind } = createRenderer('crm.record.sidebar');
    render(<MyObjectivesCard companyId="1001" runtime={runtime} />);
    await eventually(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(fetch).toHaveBeenCalledWith(`${BACKEND}/hubspot/cards/my-objectives`, { method: 'POST', body: { recordId: '1001' } });
    expect(serverless).not.toHaveBeenCalled();
    expect(find(ErrorState).find(Text).text).toContain('visible to the person and their manager only');
    jest.restoreAllMocks();
  });
});
