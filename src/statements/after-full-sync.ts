import { engineStateFrom } from '../app/engine-state';
import type { PortalContext } from '../hubspot';
import type { Store } from '../store/store';
import { computeStatements, type StatementsRun } from './compute-statements';

/**
 * What the CLI's `sync` and the nightly full-sync job call once a full sync has written its
 * company records: every person's attainment statement for the plan period, with the plans and
 * settings version the store holds now (the same the sync computed with). Reads no portal data
 * beyond the context the sync already read (owners and goals).
 *
 * @example
 * const run = await statementsAfterFullSync({ store, context, asOf });
 * // => { periods: [{ periodKey: '2026-Q4', recorded: 9, unchanged: 0, versionsAfterLock: 0, locked: 0, ... }], skipped: [], companies: 420 }
 */
export async function statementsAfterFullSync(input: { store: Store; context: Pick<PortalContext, 'owners' | 'goalTargets'>; asOf: Date }): Promise<StatementsRun> {
  const state = await engineStateFrom(input.store)();
  return computeStatements({ store: input.store, plans: state.plans, owners: input.context.owners, goals: input.context.goalTargets, asOf: input.asOf, settingsVersion: state.settingsVersion });
}
