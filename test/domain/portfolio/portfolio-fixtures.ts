import type { CustomerAssessment } from '../../../src/domain/assessment/assess-customer';
import type { PortfolioEntry } from '../../../src/domain/portfolio/portfolio-entry';
import { createMockCustomer } from '../fixtures/customer-fixtures';

/**
 * A portfolio entry whose assessment carries only what the roll-ups read (band, score, risk, MRR,
 * follow-up): the roll-ups are under test here, not the scoring, so their inputs are stated plainly.
 */
export function createMockEntry(e: { id: string; ownerId?: string; band?: 'healthy' | 'neutral' | 'at_risk'; score?: number; risk?: 'low' | 'medium' | 'high'; mrr?: number; status?: PortfolioEntry['status']; reason?: string; followUpDue?: string }): PortfolioEntry {
  const assessment = {
    customerId: e.id,
    health: { finalScore: e.score ?? 80, band: e.band ?? 'healthy' },
    churnRisk: { level: e.risk ?? 'low', score: 10, reasons: e.reason ? [{ rule: 'r', reason: e.reason, points: 1 }] : [] },
    mrr: e.mrr ?? 0,
    hasRevenue: (e.mrr ?? 0) > 0,
    detractorFollowUpDue: e.followUpDue ? new Date(e.followUpDue) : undefined,
  } as unknown as CustomerAssessment;
  return { customer: createMockCustomer({ id: e.id, ownerId: e.ownerId }), assessment, status: e.status ?? 'active' };
}
