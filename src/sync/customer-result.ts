import { assessCustomer } from '../domain/assessment/assess-customer';
import { companyPropertyValues } from '../domain/assessment/company-property-values';
import { churnFeatures } from '../domain/churn-risk/churn-features';
import { trainingSample, type TrainingSample } from '../domain/churn-risk/churn-model';
import { combineRisk, type ChurnRiskReason } from '../domain/churn-risk/churn-risk';
import type { ChurnModel } from '../domain/churn-risk/churn-model';
import type { PropertyValues } from '../domain/computed-properties';
import type { EngineConfig } from '../domain/config/engine-config';
import type { Customer } from '../domain/customer';

/**
 * What a sync keeps of one customer between reading it and writing its properties: small and
 * JSON-safe, so a whole portal's worth fits in memory and in the checkpoint file, while the
 * customer's deals, tickets and answers are dropped as soon as its page is scored.
 */
export interface CustomerResult {
  id: string;
  /** Property values with the rule-weight risk; the fitted model may replace the risk ones. */
  values: PropertyValues;
  current: PropertyValues;
  features: number[];
  reasons: ChurnRiskReason[];
  sample?: TrainingSample;
}

export function customerResult(customer: Customer, config: EngineConfig, asOf: Date): CustomerResult {
  const assessment = assessCustomer(customer, config, asOf);
  return {
    id: customer.id,
    values: companyPropertyValues(assessment),
    current: customer.currentProperties ?? {},
    features: churnFeatures(assessment.health.signals),
    reasons: assessment.churnRisk.reasons,
    sample: trainingSample(customer, config, asOf, assessment.health.signals.contracts),
  };
}

/** The values to write once the model is known: the risk from the model when one was fitted. */
export function finalValues(result: CustomerResult, config: EngineConfig, model: ChurnModel): PropertyValues {
  if (model.kind !== 'fitted') return result.values;
  const risk = combineRisk(result.reasons, result.features, config, model);
  return { ...result.values, cs_churn_risk: risk.level, cs_churn_risk_score: String(Math.round(risk.score)) };
}
