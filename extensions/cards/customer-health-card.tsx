import { hubspot } from '@hubspot/ui-extensions';
import type { CustomerHealthView } from '../../src/views/customer-health-view';
import { CustomerHealthCardView } from './components/customer-health-card-view';
import type { CardRuntime } from './config/card-runtime-type';
import { useCardData } from './hooks/use-card-data';

/** Company record tab: the customer's health, why, what threatens it, and what to do next. */
export function CustomerHealthCard({ companyId, runtime }: { companyId: string; runtime?: CardRuntime }) {
  const { state, reload } = useCardData<CustomerHealthView>('customer-health', { recordId: companyId }, runtime);
  return (
    <CustomerHealthCardView
      state={state}
      onOverride={(override) => void reload({ action: 'override', override: { ...override } })}
      onClearOverride={() => void reload({ action: 'clear_override' })}
    />
  );
}

hubspot.extend<'crm.record.tab'>(({ context }) => <CustomerHealthCard companyId={String(context.crm.objectId)} />);
