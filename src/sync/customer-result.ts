import { assessCustomer } from '../domain/assessment/assess-customer';
import { companyPropertyValues, keepComputedAtWhenUnchanged } from '../domain/assessment/company-property-values';
import { backtestEntry } from '../domain/churn-risk/backtest-entry';
import { churnFeatures } from '../domain/churn-risk/churn-features';
import { customerSamples, type TrainingSample } from '../domain/churn-risk/churn-model';
import type { BacktestEntry } from '../domain/churn-risk/risk-backtest';
import { combineRisk, type ChurnRiskReason } from '../domain/churn-risk/churn-risk';
import type { ChurnModel } from '../domain/churn-risk/churn-model';
import type { PropertyValues } from '../domain/computed-properties';
import type { EngineConfig } from '../domain/config/engine-config';
import type { Customer, Deal } from '../domain/customer';
import type { ComponentBreakdown } from '../domain/health/health-score';
import { customerEarlyChurn } from '../domain/sales/early-churn-record';

/**
 * What a sync keeps of one customer between reading it and writing its properties: small and
 * JSON-safe, one line of the checkpoint's on-disk spool, while the customer's deals, tickets and
 * answers are dropped as soon as its page is scored.
 */
export interface CustomerResult {
  id: string;
  /** Property values with the rule-weight risk; the fitted model may replace the risk ones. */
  values: PropertyValues;
  current: PropertyValues;
  features: number[];
  reasons: ChurnRiskReason[];
  /** True for an active customer, whose churn risk is written (the fitted model may replace it). */
  risked?: boolean;
  /** Lessons for the churn model, one per period the customer was paying at the feature date. */
  samples?: TrainingSample[];
  /** The level the rules gave this customer `backtestDays` ago and whether it churned since. */
  backtest?: BacktestEntry;
  /** Deals the retention-target properties matter for: open ones and new business won in the last 90 days, with their values as read (the deal write compares with them). */
  deals?: { id: string; dealType?: string; outcome: 'won' | 'lost' | 'open'; current?: PropertyValues }[];
  /** Owner of each of those deals (the rep whose record applies). */
  dealOwners?: Record<string, string | undefined>;
  /** Each health component's sub-score (null = no data), for the daily snapshot. */
  components?: Record<string, number | null>;
  /** The CSM override holding the score, for the daily snapshot. */
  override?: { score: number; reason: string; author: string; expiresAt: string };
  /** This customer in its first rep's early-churn record, once 90 days have passed since the first close. */
  earlyChurn?: { ownerId: string; lost: boolean };
}

export function customerResult(customer: Customer, config: EngineConfig, asOf: Date): CustomerResult {
  const assessment = assessCustomer(customer, config, asOf);
  return {
    id: customer.id,
    values: companyPropertyValues(assessment),
    current: customer.currentProperties ?? {},
    features: churnFeatures(assessment.signals),
    reasons: assessment.churnRisk?.reasons ?? [],
    risked: assessment.churnRisk !== undefined,
    samples: customerSamples(customer, config, asOf, assessment.signals.allContracts),
    backtest: backtestEntry(customer, config, asOf, assessment.signals.allContracts),
    deals: dealsToWrite(customer.deals, asOf.getTime()),
    dealOwners: dealOwners(customer.deals),
    earlyChurn: customerEarlyChurn(customer, asOf, assessment.signals.allContracts),
    components: assessment.health ? subScores(assessment.health.components) : undefined,
    override: assessment.health?.override ? overrideOf(assessment.health.override) : undefined,
  };
}

/*
 * Loops rather than filter, map and fromEntries over pairs: the sync asks these of every customer,
 * and the closures, pairs and intermediate arrays were a tenth of customerResult's garbage.
 */

/** Open deals and new business won in the last 90 days, with their values as read. */
function dealsToWrite(deals: readonly Deal[], t: number): NonNullable<CustomerResult['deals']> {
  // Counted, then listed to size: a list grown by push keeps room for 16 deals.
  let count = 0;
  for (const d of deals) if (isToWrite(d, t)) count += 1;
  const kept: NonNullable<CustomerResult['deals']> = new Array(count);
  for (let i = 0, k = 0; k < count; i++) {
    const d = deals[i];
    if (isToWrite(d, t)) kept[k++] = { id: d.id, dealType: d.dealType, outcome: d.outcome, current: d.currentProperties };
  }
  return kept;
}

const isToWrite = (d: Deal, t: number): boolean => d.outcome === 'open' || (d.outcome === 'won' && d.dealType === 'newbusiness' && d.closedAt !== undefined && t - d.closedAt.getTime() <= 90 * 86_400_000);

/** Each deal's owner by deal id (HubSpot record ids, never `__proto__`), the later of repeated ids winning as fromEntries does. */
function dealOwners(deals: readonly Deal[]): Record<string, string | undefined> {
  const owners: Record<string, string | undefined> = {};
  for (const d of deals) owners[d.id] = d.ownerId;
  return owners;
}

/** Each component's whole sub-score, null without data. */
function subScores(components: readonly ComponentBreakdown[]): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const c of components) scores[c.key] = c.reading.status === 'scored' ? Math.round(c.reading.subScore) : null;
  return scores;
}

function overrideOf(o: { score: number; reason: string; author?: string; expiresAt: Date | string }): CustomerResult['override'] {
  return { score: o.score, reason: o.reason, author: o.author ?? 'a CSM', expiresAt: new Date(o.expiresAt).toISOString() };
}

/**
 * The values to write once the model is known: the risk (level, score and reasons) from the model
 * when one was fitted, for active customers only; `cs_health_computed_at` kept when nothing else moved.
 */
export function finalValues(result: CustomerResult, config: EngineConfig, model: ChurnModel): PropertyValues {
  let values = result.values;
  if (model.kind === 'fitted' && result.risked) {
    const risk = combineRisk(result.reasons, result.features, config, model);
    values = { ...values, cs_churn_risk: risk.level, cs_churn_risk_score: String(Math.round(risk.score)), cs_churn_risk_reasons: risk.reasons.length ? risk.reasons.map((r) => r.reason).join('\n') : null };
  }
  return keepComputedAtWhenUnchanged(values, result.current);
}
