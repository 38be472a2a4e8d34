import { assessCustomer, type CustomerAssessment } from '../domain/assessment/assess-customer';
import { companyPropertyValues, keepComputedAtWhenUnchanged } from '../domain/assessment/company-property-values';
import type { ChurnModel } from '../domain/churn-risk/churn-model';
import type { EngineConfig } from '../domain/config/engine-config';
import type { Customer } from '../domain/customer';
import { readCompanyFields, readCustomers, readPortalContext, writeCompanyProperties, type HubSpotGateway, type PortalContext } from '../hubspot';
import type { CompanyRecordRepository } from '../store/store';

export interface RecomputeResult {
  assessments: CustomerAssessment[];
  written: number;
  unchanged: number;
  failed: { id: string; message: string }[];
  /** Companies rebuilt from the store's reading plus a fresh read of their own fields (no linked reads). */
  fromStore: number;
}

export interface RecomputeOptions {
  model?: ChurnModel;
  context?: PortalContext;
  dryRun?: boolean;
  /**
   * The store's company records: each recomputed company's reading is saved there (the app pages
   * and statements read it), and the companies of `companyOnly` are rebuilt from it.
   */
  records?: Pick<CompanyRecordRepository, 'getMany' | 'write'>;
  /**
   * Companies whose own properties changed (a company webhook: usage score, segment, override) and
   * nothing linked to them: with a stored reading, only their fields are read again (100 per call)
   * and their deals, tickets and answers come from the store. Without one, they are read in full.
   */
  companyOnly?: Iterable<string>;
}

const CHUNK = 100;

/**
 * Recomputes the given companies and writes what changed: the path of webhooks, the workflow
 * action and `sync --since`. One company read in full costs its read (6 or 7 calls) and at most one
 * write; 100 companies whose own fields changed cost one read of those fields and one write.
 */
export async function recomputeCompanies(gateway: HubSpotGateway, config: EngineConfig, ids: readonly string[], asOf: Date, options: RecomputeOptions = {}): Promise<RecomputeResult> {
  const context = options.context ?? (await readPortalContext(gateway));
  const result: RecomputeResult = { assessments: [], written: 0, unchanged: 0, failed: [], fromStore: 0 };
  const unique = [...new Set(ids)];
  const companyOnly = new Set(options.companyOnly ?? []);
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const stored = options.records && companyOnly.size ? await options.records.getMany(chunk.filter((id) => companyOnly.has(id))) : new Map();
    const [rebuilt, read] = await Promise.all([
      rebuildFromStore(gateway, config, [...stored.values()].map((r) => r.customer)),
      readInFull(gateway, context, config, chunk.filter((id) => !stored.has(id))),
    ]);
    const customers = [...rebuilt, ...read];
    result.fromStore += rebuilt.length;
    const assessments = customers.map((customer) => assessCustomer(customer, config, asOf, options.model));
    result.assessments.push(...assessments);
    if (options.dryRun) continue;
    const current = new Map(customers.map((c) => [c.id, c.currentProperties ?? {}]));
    const updates = assessments.map((a) => ({ id: a.customerId, properties: keepComputedAtWhenUnchanged(companyPropertyValues(a), current.get(a.customerId) ?? {}) }));
    const written = await writeCompanyProperties(gateway, updates, current);
    result.written += written.written;
    result.unchanged += written.unchanged;
    result.failed.push(...written.failed);
    await options.records?.write(customers.map((customer) => ({ customer, readAt: asOf })));
  }
  return result;
}

/** Fewest calls, not round-trips: only detractors' contacts are read (the engine reads no other). */
const readInFull = (gateway: HubSpotGateway, context: PortalContext, config: EngineConfig, ids: string[]) => (ids.length ? readCustomers(gateway, context, config.mapping, ids, { contacts: 'detractors' }) : Promise.resolve([]));

/** Stored readings with the companies' own fields read again; a company HubSpot no longer has is left out. */
async function rebuildFromStore(gateway: HubSpotGateway, config: EngineConfig, stored: Customer[]): Promise<Customer[]> {
  if (stored.length === 0) return [];
  const fields = await readCompanyFields(gateway, config.mapping, stored.map((c) => c.id));
  return stored.flatMap((customer) => {
    const own = fields.get(customer.id);
    return own ? [{ ...customer, ...own }] : [];
  });
}
