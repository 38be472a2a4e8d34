import { hubspot } from '@hubspot/ui-extensions';
import type { MyObjectivesView } from '../../src/views/my-objectives-view';
import { MyObjectivesCardView } from './components/my-objectives-card-view';
import type { CardRuntime } from './config/card-runtime-type';
import { useCardData } from './hooks/use-card-data';

/** Company record sidebar: where the viewer stands on their objectives, and this account's part. */
export function MyObjectivesCard({ companyId, runtime }: { companyId: string; runtime?: CardRuntime }) {
  const { state } = useCardData<MyObjectivesView>('my-objectives', { recordId: companyId }, runtime);
  return <MyObjectivesCardView state={state} />;
}

hubspot.extend<'crm.record.sidebar'>(({ context }) => <MyObjectivesCard companyId={String(context.crm.objectId)} />);
