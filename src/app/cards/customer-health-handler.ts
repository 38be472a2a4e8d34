import { assessCustomer } from '../../domain/assessment/assess-customer';
import { readCustomers, writeCompanyProperties } from '../../hubspot';
import type { CardResponse } from '../../views/card-response';
import type { CustomerHealthView } from '../../views/customer-health-view';
import { cardError, type CardDependencies } from '../card-dependencies';
import { cardRequestSchema, describeRequestProblem, type CardViewer } from '../card-request';
import { customerHealthView } from './customer-health-view-model';

/**
 * The Customer health card: one call per render, reading the company with its deals, tickets,
 * contacts, answers and score history (3 sequential round-trips), then the pure engine. The
 * override action writes the CSM's override first, with the viewer recorded as its author.
 */
export async function customerHealthCard(deps: CardDependencies, input: unknown, viewer: CardViewer): Promise<CardResponse<CustomerHealthView>> {
  const parsed = cardRequestSchema.safeParse(input);
  if (!parsed.success) return { status: 'error', code: 'BAD_REQUEST', message: describeRequestProblem(parsed.error) };
  const request = parsed.data;
  if (request.objectType && request.objectType !== 'companies' && request.objectType !== '0-2') {
    return { status: 'error', code: 'BAD_REQUEST', message: 'The Customer health card works on company records.' };
  }
  if (request.action === 'override' && !request.override) return { status: 'error', code: 'BAD_REQUEST', message: 'override: score, reason and expiresAt are required' };
  try {
    if (request.action !== 'view') {
      const o = request.override;
      const properties = o
        ? { cs_health_override_score: String(o.score), cs_health_override_reason: o.reason, cs_health_override_expires_at: new Date(o.expiresAt).toISOString(), cs_health_override_author: viewer.email ?? (viewer.userId ? `user ${viewer.userId}` : 'unknown user') }
        : { cs_health_override_score: null, cs_health_override_reason: null, cs_health_override_expires_at: null, cs_health_override_author: null };
      const written = await writeCompanyProperties(deps.gateway, [{ id: request.recordId, properties }], new Map([[request.recordId, {}]]));
      if (written.failed.length) return { status: 'error', code: 'BAD_REQUEST', message: `HubSpot refused the override: ${written.failed[0].message}` };
    }
    const context = await deps.portalContext();
    const [customer] = await readCustomers(deps.gateway, context, deps.config.mapping, [request.recordId], { withHealthHistory: true });
    if (!customer) return { status: 'error', code: 'NOT_FOUND', message: `Company ${request.recordId} was not found in HubSpot.` };
    const assessment = assessCustomer(customer, deps.config, deps.now(), deps.model);
    if (!assessment.health || !assessment.churnRisk) return { status: 'empty', message: `No health score for ${customer.name ?? `company ${customer.id}`}: ${assessment.notScored ?? 'no data'}.` };
    return { status: 'ok', view: customerHealthView(customer, assessment) };
  } catch (error) {
    return cardError(error);
  }
}
