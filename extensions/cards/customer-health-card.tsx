import { hubspot } from '@hubspot/ui-extensions';
import type { CustomerHealthView } from '../../src/views/customer-health-view';
import { CustomerHealthCardView } from './components/customer-health-card-view';
import { useCardData } from './hooks/use-card-data';

/** Company record tab: the customer's health, why, what threatens it, and what to do next. */
export function CustomerHealthCard({ companyId }: { companyId: string }) {
  const { state, reload } = useCardData<CustomerHealthView>('customer-health', { recordId: companyId });
  return (
    <CustomerHealthCardView
      state={state}
      onOverride={(override) => void reload({ action: 'override', override: { ...override } })}
      onClearOverride={() => void reload({ action: 'clear_override' })}
    />
  );
}

hubspot.extend<'crm.record.tab'>(({ context }) => <CustomerHealthCard companyId={String(context.crm.objectId)} />);
