import type { CustomerAssessment } from '../../domain/assessment/assess-customer';
import type { Customer } from '../../domain/customer';
import type { Metric } from '../../domain/metric';
import type { CustomerHealthView, Figure } from '../../views/customer-health-view';

const round1 = (n: number) => Math.round(n * 10) / 10;
const money = (n: number) => `${Math.round(n).toLocaleString('en-US')} / month`;

function figure<T>(metric: Metric<T>, pick: (v: T) => number, display: (n: number) => string, detail?: (v: T) => string): Figure {
  if (metric.kind === 'no_data') return { kind: 'no_data', reason: metric.reason };
  const value = pick(metric.value);
  return { kind: 'value', value, display: display(value), detail: detail?.(metric.value) };
}

/**
 * Turns an assessment into what the Customer health card draws, words included. Only for an active
 * customer with a health score (the handler answers an empty state with the reason otherwise).
 */
export function customerHealthView(customer: Customer, a: CustomerAssessment): CustomerHealthView {
  const h = a.health, risk = a.churnRisk;
  if (!h || !risk) throw new Error(`customerHealthView: company ${customer.id} has no health score (${a.notScored ?? 'not scored'}); answer an empty state instead`);
  const trend = h.trend && {
    previousScore: Math.round(h.trend.previousScore),
    change: round1(h.trend.change),
    days: h.trend.days,
    movers: h.trend.movers.slice(0, 3).map((m) => ({ label: m.label, change: round1(m.change) })),
    note: h.trend.heldAtCurrent.length ? `${h.trend.heldAtCurrent.join(' and ')} compared at today's value (HubSpot keeps no history of them)` : undefined,
  };
  const missing = h.components.filter((c) => c.reading.status === 'no_data' && c.weight > 0);
  const openTickets = customer.tickets.filter((t) => !t.isClosed);
  return {
    companyId: customer.id,
    companyName: customer.name ?? `Company ${customer.id}`,
    score: Math.round(h.finalScore),
    band: h.band,
    computedScore: Math.round(h.score),
    override: h.override && { score: h.override.score, reason: h.override.reason, author: h.override.author, expiresAt: h.override.expiresAt.toISOString(), computedScore: Math.round(h.score), computedTrend: trend },
    trend: h.override ? undefined : trend,
    components: h.components.map((c) => ({
      key: c.key,
      label: c.label,
      summary: c.reading.status === 'scored' ? c.reading.summary : c.reading.reason,
      hasData: c.reading.status === 'scored',
      subScore: c.reading.status === 'scored' ? Math.round(c.reading.subScore) : undefined,
      weightPercent: Math.round(c.effectiveWeight * 100),
      contribution: round1(c.contribution),
    })),
    reweightNote: missing.length ? `${missing.map((c) => c.label).join(', ')}: no data, so ${missing.length === 1 ? 'its weight went' : 'their weight went'} to the other components.` : undefined,
    churnRisk: { level: risk.level, score: Math.round(risk.score), reasons: risk.reasons.map((r) => r.reason), method: risk.method.note },
    figures: {
      nps: figure(a.feedback.nps, (v) => v.score, (n) => String(Math.round(n)), (v) => `${v.promoters} promoters, ${v.passives} passives, ${v.detractors} detractors`),
      csat: figure(a.feedback.csat, (v) => v.score, (n) => `${Math.round(n)} %`, (v) => `${v.positive} of ${v.responses} satisfied`),
      nrr12m: figure(a.retention12m, (v) => v.nrr, (n) => `${round1(n)} %`),
      grr12m: figure(a.retention12m, (v) => v.grr, (n) => `${round1(n)} %`),
      mrr: a.hasRevenue ? { kind: 'value', value: a.mrr, display: money(a.mrr) } : { kind: 'no_data', reason: 'no recurring revenue recorded' },
    },
    openTickets: { total: openTickets.length, highPriority: openTickets.filter((t) => t.priority === 'HIGH' || t.priority === 'URGENT').length },
    actions: a.actions,
    history: (customer.healthHistory ?? []).map((p) => ({ date: p.at.toISOString().slice(0, 10), score: p.value })),
    computedAt: a.asOf.toISOString(),
  };
}
