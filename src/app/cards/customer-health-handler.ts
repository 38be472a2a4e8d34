import { assessCustomer } from '../../domain/assessment/assess-customer';
import { readCustomers, writeCompanyProperties } from '../../hubspot';
import type { CompanySnapshot } from '../../store/store';
import type { CardResponse } from '../../views/card-response';
import type { CustomerHealthView } from '../../views/customer-health-view';
import { cardError, type CardDependencies } from '../card-dependencies';
import { cardRequestSchema, describeRequestProblem, type CardViewer } from '../card-request';
import { customerHealthView } from './customer-health-view-model';
import { runFollowUpAction, type FollowUpActionName } from './follow-up-action';
import { readFollowUpTasks, type FollowUpTask } from './follow-up-tasks';
import { followUpOf, healthCardExtras, historyWindow, type FollowUpOutcome, type HealthCardBackendExtras } from './health-card-extras';

/** What the Customer health card receives: the view and the extras the card components draw. */
export type CustomerHealthAnswer = CustomerHealthView & HealthCardBackendExtras;

const isFollowUpAction = (action: string): action is FollowUpActionName => action === 'create_followup_task' || action === 'close_followup_loop';

/** The store's year of days; a store that cannot be read leaves the card on the property history rather than failing it. */
async function storedDays(deps: CardDependencies, companyId: string, window: { fromDay: string; toDay: string }): Promise<CompanySnapshot[]> {
  if (!deps.snapshots) return [];
  try {
    return await deps.snapshots.history(companyId, window.fromDay, window.toDay);
  } catch {
    return [];
  }
}

/**
 * The Customer health card: one call per render, reading the company with its deals, tickets,
 * contacts, answers and score history (3 sequential round-trips), its follow-up tasks and the
 * store's snapshots alongside, then the pure engine. The override action writes the CSM's override
 * first, with the viewer recorded as its author; the follow-up actions create or complete the
 * detractor follow-up task, only for a viewer the backend identified.
 */
export async function customerHealthCard(deps: CardDependencies, input: unknown, viewer: CardViewer): Promise<CardResponse<CustomerHealthAnswer>> {
  const parsed = cardRequestSchema.safeParse(input);
  if (!parsed.success) return { status: 'error', code: 'BAD_REQUEST', message: describeRequestProblem(parsed.error) };
  const request = parsed.data;
  if (request.objectType && request.objectType !== 'companies' && request.objectType !== '0-2') {
    return { status: 'error', code: 'BAD_REQUEST', message: 'The Customer health card works on company records.' };
  }
  if (request.action === 'override' && !request.override) return { status: 'error', code: 'BAD_REQUEST', message: 'override: score, reason and expiresAt are required' };
  const followUpAction = isFollowUpAction(request.action) ? request.action : undefined;
  // Only the backend sets ownerId, after checking HubSpot's signed userId and userEmail: an app
  // function or any other caller never writes a task in someone's name.
  if (followUpAction && viewer.ownerId === undefined) return { status: 'error', code: 'FORBIDDEN', message: `${followUpAction}: only a HubSpot user the backend has identified can create or close a follow-up task.` };
  try {
    if (request.action === 'override' || request.action === 'clear_override') {
      const o = request.override;
      const properties = o
        ? { cs_health_override_score: String(o.score), cs_health_override_reason: o.reason, cs_health_override_expires_at: new Date(o.expiresAt).toISOString(), cs_health_override_author: viewer.email ?? (viewer.userId ? `user ${viewer.userId}` : 'unknown user') }
        : { cs_health_override_score: null, cs_health_override_reason: null, cs_health_override_expires_at: null, cs_health_override_author: null };
      const written = await writeCompanyProperties(deps.gateway, [{ id: request.recordId, properties }], new Map([[request.recordId, {}]]));
      if (written.failed.length) return { status: 'error', code: 'BAD_REQUEST', message: `HubSpot refused the override: ${written.failed[0].message}` };
    }
    const context = await deps.portalContext();
    const now = deps.now();
    const window = historyWindow(now);
    // Independent reads side by side: the card stays at the company read's 3 sequential round-trips.
    const [[customer], taskList, stored] = await Promise.all([
      readCustomers(deps.gateway, context, deps.config.mapping, [request.recordId], { withHealthHistory: true }),
      followUpAction ? Promise.resolve(undefined) : readFollowUpTasks(deps.gateway, request.recordId),
      storedDays(deps, request.recordId, window),
    ]);
    if (!customer) return { status: 'error', code: 'NOT_FOUND', message: `Company ${request.recordId} was not found in HubSpot.` };
    const assessment = assessCustomer(customer, deps.config, now, deps.model);
    let tasks: FollowUpTask[] = taskList ?? [];
    let followUpOutcome: FollowUpOutcome | undefined;
    if (followUpAction) ({ outcome: followUpOutcome, tasks } = await runFollowUpAction(deps.gateway, followUpAction, customer, assessment.detractorFollowUpDue, viewer));
    if (!assessment.health || !assessment.churnRisk) {
      const reason = `No health score for ${customer.name ?? `company ${customer.id}`}: ${assessment.notScored ?? 'no data'}.`;
      return { status: 'empty', message: followUpOutcome ? `${followUpOutcome.message} ${reason}` : reason };
    }
    const owner = context.owners.find((o) => o.id === customer.ownerId);
    const ownerName = owner && ([owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email);
    const extras = healthCardExtras({
      customer,
      stored,
      window,
      minPoints: deps.config.health.ledgerMinPoints,
      followUp: followUpOf(assessment.detractorFollowUpDue, now, tasks, ownerName),
    });
    return { status: 'ok', view: { ...customerHealthView(customer, assessment), ...extras, ...(followUpOutcome ? { followUpOutcome } : {}) } };
  } catch (error) {
    return cardError(error);
  }
}
