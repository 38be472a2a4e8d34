import { Alert, DescriptionListItem, EmptyState, ErrorState, LoadingSpinner, Tag, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { RetentionTargetCardView } from '../../extensions/cards/components/retention-target-card-view';
import { cachedPortalContext } from '../../src/app/card-dependencies';
import { retentionTargetCard } from '../../src/app/cards/retention-target-handler';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import type { SeedSink } from '../../src/sandbox/seed-format';
import type { RetentionTargetView } from '../../src/views/retention-target-view';
import { AS_OF, withPortal } from '../hubspot/hubspot-test-portal';

/** A pipeline whose "Contract sent" stage is less likely than "Demo": the check must name the stages, not their ids. */
const seed = (sink: SeedSink) => {
  sink.owner({ id: '501', email: 'rep@example.com', firstName: 'Rae', lastName: 'Rep', userId: 9001, teams: [] });
  sink.pipeline('deals', {
    id: 'p2', label: 'New business', displayOrder: 1,
    stages: [['s_demo', 'Demo', '0.5', 'false'], ['s_contract', 'Contract sent', '0.4', 'false'], ['s_won', 'Won', '1.0', 'true'], ['s_lost', 'Lost', '0.0', 'true']].map(([id, label, probability, isClosed], displayOrder) => ({ id, label, displayOrder, metadata: { probability, isClosed } })),
  });
  sink.object('companies', { id: '11', properties: { name: 'Globex', hubspot_owner_id: '501' } });
  sink.object('deals', { id: '21', properties: { dealname: 'Globex expansion', amount: '12000', pipeline: 'p2', dealstage: 's_contract', hubspot_owner_id: '501', dealtype: 'newbusiness' } });
  sink.associate('deals', '21', 'companies', '11');
};

async function handlerView(): Promise<RetentionTargetView> {
  return withPortal({ seed }, async (gateway) => {
    const response = await retentionTargetCard({ gateway, config: DEFAULT_ENGINE_CONFIG, now: () => AS_OF, portalContext: cachedPortalContext(gateway) }, { recordId: '21' }, {});
    if (response.status !== 'ok') throw new Error(JSON.stringify(response));
    return response.view;
  });
}

describe('Retention target card, every state', () => {
  let view: RetentionTargetView;
  beforeAll(async () => {
    view = await handlerView();
  });

  it('spins, then shows an error or an empty state in words', () => {
    const loading = createRenderer('crm.record.sidebar');
    loading.render(<RetentionTargetCardView state={{ status: 'loading' }} />);
    expect(loading.find(LoadingSpinner).props.label).toBe('Checking the retention target...');
    const error = createRenderer('crm.record.sidebar');
    error.render(<RetentionTargetCardView state={{ status: 'error', message: 'This record was not found in HubSpot.' }} />);
    expect(error.find(ErrorState).find(Text).text).toBe('This record was not found in HubSpot.');
    const empty = createRenderer('crm.record.sidebar');
    empty.render(<RetentionTargetCardView state={{ status: 'empty', message: 'This deal has no owner yet.' }} />);
    expect(empty.find(EmptyState).find(Text).text).toBe('This deal has no owner yet.');
  });

  it('names the stages by their labels in the probability check, and shows it once', () => {
    expect(view.stageCheck).toEqual({ ok: false, message: 'Stage Contract sent (40 %) is not more likely to close than the earlier stage Demo (50 %)' });
    const { render, findAll, maybeFind } = createRenderer('crm.record.sidebar');
    render(<RetentionTargetCardView state={{ status: 'ready', view }} />);
    expect(findAll(Alert)).toHaveLength(1);
    expect(maybeFind(DescriptionListItem, { label: 'Stage check' })).toBeNull();
    const texts = [...findAll(Alert).map((a) => a.text ?? ''), ...findAll(DescriptionListItem).map((d) => d.text ?? '')].join(' | ');
    expect(texts.split('Contract sent (40 %)').length - 1).toBe(1);
    expect(texts).not.toContain('s_contract');
  });

  it('names a company the engine does not score and says why, instead of asking to associate one', () => {
    expect(view.customer).toBeUndefined();
    expect(view.unscoredCustomer).toMatchObject({ companyId: '11', name: 'Globex', reason: expect.stringContaining('prospect') });
    const { render, find, maybeFind } = createRenderer('crm.record.sidebar');
    render(<RetentionTargetCardView state={{ status: 'ready', view }} />);
    expect(find(DescriptionListItem, { label: 'Health' }).text).toContain('Not scored');
    expect(maybeFind(Alert, { title: 'No company on this deal' })).toBeNull();
  });

  it('puts the status tag only on a deal that counts toward the objective', () => {
    const counting = createRenderer('crm.record.sidebar');
    counting.render(<RetentionTargetCardView state={{ status: 'ready', view: { ...view, countsTowardObjective: true, status: 'at_risk' } }} />);
    expect(counting.findAll(Tag).map((t) => t.text)).toContain('At risk');
    const other = createRenderer('crm.record.sidebar');
    other.render(<RetentionTargetCardView state={{ status: 'ready', view: { ...view, countsTowardObjective: false, status: 'at_risk' } }} />);
    expect(other.findAll(Tag).map((t) => t.text)).not.toContain('At risk');
    expect(other.find(DescriptionListItem, { label: 'Counts toward the objective' }).text).toBe('No');
  });

  it('shows the stage label and the weighted total of the rep\'s open pipeline when the view carries them', () => {
    const { render, find } = createRenderer('crm.record.sidebar');
    render(<RetentionTargetCardView state={{ status: 'ready', view: { ...view, stageLabel: 'Contract sent', openPipeline: { deals: 3, amount: 30_000, weighted: 14_400, withoutProbability: 1 } } }} />);
    expect(find(DescriptionListItem, { label: 'Stage' }).text).toBe('Contract sent');
    expect(find(DescriptionListItem, { label: "Rae Rep's open pipeline" }).text).toBe('14,400 weighted of 30,000 (3 open deals, 1 without a stage probability)');
  });

  it('keeps the passing check in the details when the probability rises', () => {
    const { render, find, maybeFind } = createRenderer('crm.record.sidebar');
    render(<RetentionTargetCardView state={{ status: 'ready', view: { ...view, stageCheck: { ok: true, message: 'Probability 90 % rises with the stage.' } } }} />);
    expect(find(DescriptionListItem, { label: 'Stage check' }).text).toBe('Probability 90 % rises with the stage.');
    expect(maybeFind(Alert, { title: 'Probability does not rise with the stage' })).toBeNull();
  });
});
