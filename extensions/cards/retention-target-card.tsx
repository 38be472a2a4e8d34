import { hubspot } from '@hubspot/ui-extensions';
import type { RetentionTargetView } from '../../src/views/retention-target-view';
import { RetentionTargetCardView } from './components/retention-target-card-view';
import type { CardRuntime } from './config/card-runtime-type';
import { useCardData } from './hooks/use-card-data';

/** Deal record sidebar: will this customer stay, and what the rep's retention objective says. */
export function RetentionTargetCard({ dealId, runtime }: { dealId: string; runtime?: CardRuntime }) {
  const { state } = useCardData<RetentionTargetView>('retention-target', { recordId: dealId }, runtime);
  return <RetentionTargetCardView state={state} />;
}

hubspot.extend<'crm.record.sidebar'>(({ context }) => <RetentionTargetCard dealId={String(context.crm.objectId)} />);
