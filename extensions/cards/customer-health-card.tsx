import { hubspot } from '@hubspot/ui-extensions';
import type { CustomerHealthView } from '../../src/views/customer-health-view';
import type { HealthCardExtras } from './components/card-extras';
import { CustomerHealthCardView } from './components/customer-health-card-view';
import type { FollowUpActionState } from './components/follow-up-actions';
import type { CardRuntime } from './config/card-runtime-type';
import { useCardData } from './hooks/use-card-data';

/** What the backend sends: the view, its extras, and what a follow-up button just did. */
type CustomerHealthAnswer = CustomerHealthView & HealthCardExtras & { followUpOutcome?: { status: 'done' | 'error'; message: string } };

/**
 * Company record tab: the customer's health, why, what threatens it, and what to do next. The
 * follow-up buttons go through the same reload as the override: the action travels with the card's
 * request (hubspot.fetch, so the backend knows who clicked) and the answer is the refreshed card.
 */
export function CustomerHealthCard({ companyId, runtime }: { companyId: string; runtime?: CardRuntime }) {
  const { state, reload } = useCardData<CustomerHealthAnswer>('customer-health', { recordId: companyId }, runtime);
  const outcome = state.status === 'ready' ? state.view.followUpOutcome : undefined;
  const followUpAction: FollowUpActionState | undefined = outcome && { status: outcome.status, message: outcome.message };
  return (
    <CustomerHealthCardView
      state={state}
      onOverride={(override) => void reload({ action: 'override', override: { ...override } })}
      onClearOverride={() => void reload({ action: 'clear_override' })}
      followUpAction={followUpAction}
      onCreateFollowUpTask={() => void reload({ action: 'create_followup_task' })}
      onCloseFollowUpLoop={() => void reload({ action: 'close_followup_loop' })}
    />
  );
}

hubspot.extend<'crm.record.tab'>(({ context }) => <CustomerHealthCard companyId={String(context.crm.objectId)} />);
