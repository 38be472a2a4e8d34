import type { Customer } from '../customer';
import { DAY_MS } from '../time/days';
import type { ScoreChange } from './score-change-ledger';

export interface ChangeRecord {
  kind: 'ticket_opened' | 'ticket_closed' | 'answer_received' | 'contract_started' | 'contract_ended' | 'renewal_lost' | 'touch';
  /** The HubSpot record id (ticket, feedback submission, deal); the company for a touch. */
  id: string;
  /** ISO timestamp of the event. */
  at: string;
  text: string;
}

/** Which records can move which component (usage has no history in HubSpot, so nothing explains it). */
const KINDS_BY_COMPONENT: Record<string, readonly ChangeRecord['kind'][]> = {
  supportLoad: ['ticket_opened', 'ticket_closed'],
  resolution: ['ticket_closed'],
  sentiment: ['answer_received'],
  commercial: ['contract_started', 'contract_ended', 'renewal_lost'],
  relationship: ['touch'],
};

/**
 * The records behind a score change: the events between its two days (the first day excluded, the
 * second included) of the kinds that move the components that moved — a ticket opened or closed, an
 * answer received, a contract started or ended, a renewal lost, a touch. Newest first, `limit` at most.
 *
 * @example
 * recordsBehind({ fromDay: '2026-11-02', toDay: '2026-11-03', movers: [{ key: 'supportLoad', from: 85, to: 30, change: -55 }] }, customer)
 * // => [{ kind: 'ticket_opened', id: '301', at: '2026-11-03T09:12:00.000Z', text: 'Ticket 301 opened (URGENT)' }]
 */
export function recordsBehind(change: Pick<ScoreChange, 'fromDay' | 'toDay' | 'movers'>, customer: Pick<Customer, 'id' | 'tickets' | 'feedback' | 'deals' | 'engagement'>, limit = 10): ChangeRecord[] {
  const kinds = new Set(change.movers.flatMap((m) => KINDS_BY_COMPONENT[m.key] ?? []));
  if (!kinds.size) return [];
  const from = Date.parse(`${change.fromDay}T00:00:00Z`) + DAY_MS;
  const to = Date.parse(`${change.toDay}T00:00:00Z`) + DAY_MS;
  const inWindow = (d: Date | undefined): d is Date => d !== undefined && d.getTime() >= from && d.getTime() < to;
  const records: ChangeRecord[] = [];
  const add = (kind: ChangeRecord['kind'], id: string, at: Date, text: string) => {
    if (kinds.has(kind)) records.push({ kind, id, at: at.toISOString(), text });
  };
  for (const t of customer.tickets) {
    if (inWindow(t.createdAt)) add('ticket_opened', t.id, t.createdAt, `Ticket ${t.id} opened${t.priority ? ` (${t.priority})` : ''}`);
    if (inWindow(t.closedAt)) add('ticket_closed', t.id, t.closedAt, `Ticket ${t.id} closed`);
  }
  for (const f of customer.feedback) {
    if (!f.isEmployeeSurvey && inWindow(f.submittedAt)) add('answer_received', f.id, f.submittedAt, `${f.surveyType} answer ${f.value} received`);
  }
  for (const d of customer.deals) {
    const start = d.contractStart ?? d.closedAt;
    if (d.outcome === 'won' && inWindow(start)) add('contract_started', d.id, start, `Contract ${d.name ?? d.id} started${d.mrr !== undefined ? ` (${Math.round(d.mrr)} MRR)` : ''}`);
    if (d.outcome === 'won' && inWindow(d.contractEnd)) add('contract_ended', d.id, d.contractEnd, `Contract ${d.name ?? d.id} ended`);
    if (d.outcome === 'lost' && d.dealType !== 'newbusiness' && inWindow(d.closedAt)) add('renewal_lost', d.id, d.closedAt, `Renewal ${d.name ?? d.id} lost${d.churnReason ? `: ${d.churnReason}` : ''}`);
  }
  if (inWindow(customer.engagement.lastTouchAt)) add('touch', customer.id, customer.engagement.lastTouchAt, 'Call, email or meeting logged');
  return records.sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id)).slice(0, limit);
}
