import { assessCustomer, type CustomerAssessment } from '../domain/assessment/assess-customer';
import { companyPropertyValues, keepComputedAtWhenUnchanged } from '../domain/assessment/company-property-values';
import type { ChurnModel } from '../domain/churn-risk/churn-model';
import type { EngineConfig } from '../domain/config/engine-config';
import { readCustomers, readPortalContext, writeCompanyProperties, type HubSpotGateway, type PortalContext } from '../hubspot';

export interface RecomputeResult {
  assessments: CustomerAssessment[];
  written: number;
  unchanged: number;
  failed: { id: string; message: string }[];
}

const CHUNK = 100;

/**
 * Recomputes the given companies and writes what changed: the path of webhooks, the workflow
 * action and `sync --since`. One company costs its read (6 or 7 calls) and at most one write.
 */
export async function recomputeCompanies(
  gateway: HubSpotGateway,
  config: EngineConfig,
  ids: readonly string[],
  asOf: Date,
  options: { model?: ChurnModel; context?: PortalContext; dryRun?: boolean } = {},
): Promise<RecomputeResult> {
  const context = options.context ?? (await readPortalContext(gateway));
  const result: RecomputeResult = { assessments: [], written: 0, unchanged: 0, failed: [] };
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    // Fewest calls, not round-trips: only detractors' contacts are read (the engine reads no other).
    const customers = await readCustomers(gateway, context, config.mapping, unique.slice(i, i + CHUNK), { contacts: 'detractors' });
    const assessments = customers.map((customer) => assessCustomer(customer, config, asOf, options.model));
    result.assessments.push(...assessments);
    if (options.dryRun) continue;
    const current = new Map(customers.map((c) => [c.id, c.currentProperties ?? {}]));
    const updates = assessments.map((a) => ({ id: a.customerId, properties: keepComputedAtWhenUnchanged(companyPropertyValues(a), current.get(a.customerId) ?? {}) }));
    const written = await writeCompanyProperties(gateway, updates, current);
    result.written += written.written;
    result.unchanged += written.unchanged;
    result.failed.push(...written.failed);
  }
  return result;
}
