import { hubspot } from '@hubspot/ui-extensions';
import type { RetentionTargetView } from '../../src/views/retention-target-view';
import { RetentionTargetCardView } from './components/retention-target-card-view';
import { useCardData } from './hooks/use-card-data';

/** Deal record sidebar: will this customer stay, and what the rep's retention objective says. */
export function RetentionTargetCard({ dealId }: { dealId: string }) {
  const { state } = useCardData<RetentionTargetView>('retention-target', { recordId: dealId });
  return <RetentionTargetCardView state={state} />;
}

hubspot.extend<'crm.record.sidebar'>(({ context }) => <RetentionTargetCard dealId={String(context.crm.objectId)} />);
