import type { PropertyValues } from '../domain/computed-properties';
import { changedValues, type PropertyUpdate } from '../hubspot';
import type { EarlyChurnRecord } from '../domain/sales/early-churn-record';
import { DEFAULT_EARLY_CHURN_TARGET_PERCENT, retentionTarget } from '../domain/sales/retention-target';
import type { CustomerResult } from './customer-result';


/** Each rep's early-churn record, added up from the per-customer entries the sync kept (into `records`, page after page). */
export function repRecords(results: Iterable<CustomerResult>, records = new Map<string, EarlyChurnRecord>()): Map<string, EarlyChurnRecord> {
  for (const r of results) {
    if (!r.earlyChurn) continue;
    const record = records.get(r.earlyChurn.ownerId) ?? { wonCustomers: 0, lostWithinWindow: 0 };
    record.wonCustomers += 1;
    if (r.earlyChurn.lost) record.lostWithinWindow += 1;
    record.rate = (record.lostWithinWindow / record.wonCustomers) * 100;
    records.set(r.earlyChurn.ownerId, record);
  }
  return records;
}

/**
 * The deal properties of the retention target (DEAL_PROPERTIES) for a customer's relevant deals,
 * from the company's final values and the deal owner's record. A deal read with its current values
 * is left out when none of them changes, and the others carry those values, so the writer sends
 * one call per 100 changed deals and reads nothing; a deal without them (a checkpoint of an older
 * version) is kept, and the writer reads its values first.
 */
export function dealRetentionUpdates(result: CustomerResult, companyValues: PropertyValues, records: Map<string, EarlyChurnRecord>, ownerOf: (dealId: string) => string | undefined): PropertyUpdate[] {
  const band = companyValues.cs_health_band as 'healthy' | 'neutral' | 'at_risk' | null;
  const risk = companyValues.cs_churn_risk as 'low' | 'medium' | 'high' | null;
  return (result.deals ?? []).flatMap((deal) => {
    const record = records.get(ownerOf(deal.id) ?? '') ?? { wonCustomers: 0, lostWithinWindow: 0 };
    const target = retentionTarget(deal, band && risk ? { band, risk } : undefined, record, DEFAULT_EARLY_CHURN_TARGET_PERCENT);
    const properties = { cs_customer_health_score: companyValues.cs_health_score, cs_early_churn_risk: target.earlyChurnRisk, cs_retention_target_status: target.status };
    if (deal.current && Object.keys(changedValues(properties, deal.current)).length === 0) return [];
    return [{ id: deal.id, properties, current: deal.current }];
  });
}
