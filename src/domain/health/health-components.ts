import type { ComponentKey, EngineConfig } from '../config/engine-config';
import type { CustomerSignals } from './customer-signals';
import { scoreLinear, scoreThreshold } from './scoring-rules';

/** One component's reading: a sub-score 0-100 with the value behind it in words, or why there is none. */
export type ComponentReading =
  | { status: 'scored'; value: number; unit: string; summary: string; subScore: number }
  | { status: 'no_data'; reason: string };

export const COMPONENT_LABELS: Record<ComponentKey, string> = {
  usage: 'Product usage',
  supportLoad: 'Support load',
  resolution: 'Ticket resolution',
  sentiment: 'Survey sentiment',
  commercial: 'Commercial trend',
  relationship: 'Relationship',
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
const mean = (parts: readonly { score: number }[]) => parts.reduce((sum, p) => sum + p.score, 0) / parts.length;

/** The usual ticket count in the ticket window for a segment (its own norm, else the default). */
export function ticketNorm(segment: string | undefined, config: EngineConfig): number {
  return (segment !== undefined ? config.health.ticketNorms.segments[segment] : undefined) ?? config.health.ticketNorms.default;
}

/** Each component's own rule, reading the customer's signals. */
export function readComponent(key: ComponentKey, s: CustomerSignals, config: EngineConfig): ComponentReading {
  const rules = config.health.rules;
  switch (key) {
    case 'usage': {
      // Usage and touches are both engagement: each scored by its rule, averaged over those known.
      const parts: { score: number; text: string }[] = [];
      if (s.usageScore !== undefined) parts.push({ score: scoreLinear(s.usageScore, rules.usage), text: `usage score ${round1(s.usageScore)} / 100` });
      if (s.touchesLast90Days !== undefined) parts.push({ score: scoreLinear(s.touchesLast90Days, rules.touches), text: `${plural(s.touchesLast90Days, 'touch', 'touches')} in 90 days` });
      if (parts.length === 0) return { status: 'no_data', reason: 'no product usage or touch count recorded' };
      const [value, unit] = s.usageScore !== undefined ? [s.usageScore, 'usage score'] : [s.touchesLast90Days as number, 'touches in 90 days'];
      return { status: 'scored', value, unit, summary: parts.map((p) => p.text).join(', '), subScore: mean(parts) };
    }
    case 'supportLoad': {
      // Open high-priority tickets and the ticket volume against what is usual for the segment.
      const norm = ticketNorm(s.segment, config);
      const ratio = s.ticketsInWindow / norm;
      const open = scoreThreshold(s.openHighPriorityTickets, rules.supportLoad);
      const volume = scoreLinear(ratio, rules.ticketVolume);
      return {
        status: 'scored',
        value: s.openHighPriorityTickets,
        unit: 'open high-priority tickets',
        summary: `${plural(s.openHighPriorityTickets, 'open high-priority ticket')}, ${plural(s.ticketsInWindow, 'ticket')} in ${config.windows.ticketDays} days (usual: ${round1(norm)})`,
        subScore: (open + volume) / 2,
      };
    }
    case 'resolution':
      if (s.medianResolutionHours === undefined) return { status: 'no_data', reason: `no ticket closed in the last ${config.windows.ticketDays} days` };
      return { status: 'scored', value: s.medianResolutionHours, unit: 'hours', summary: `tickets closed in a median ${round1(s.medianResolutionHours)} h`, subScore: scoreLinear(s.medianResolutionHours, rules.resolution) };
    case 'sentiment': {
      const parts: { score: number; text: string }[] = [];
      if (s.nps.kind === 'value') parts.push({ score: scoreLinear(s.nps.value.score, rules.nps), text: `NPS ${Math.round(s.nps.value.score)} (${plural(s.nps.value.responses, 'answer')})` });
      if (s.csat.kind === 'value') parts.push({ score: scoreLinear(s.csat.value.score, rules.csat), text: `CSAT ${Math.round(s.csat.value.score)} %` });
      if (parts.length === 0) return { status: 'no_data', reason: 'no feedback yet' };
      const subScore = mean(parts);
      return { status: 'scored', value: subScore, unit: 'sentiment', summary: parts.map((p) => p.text).join(', '), subScore };
    }
    case 'commercial': {
      if (s.mrr90DaysAgo <= 0) {
        if (s.mrrNow > 0) return { status: 'scored', value: 0, unit: '% MRR change', summary: 'new revenue in the last 90 days', subScore: scoreLinear(0, rules.commercial) };
        return { status: 'no_data', reason: 'no recurring revenue' };
      }
      const change = ((s.mrrNow - s.mrr90DaysAgo) / s.mrr90DaysAgo) * 100;
      const verb = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
      return { status: 'scored', value: change, unit: '% MRR change', summary: `MRR ${verb}${change === 0 ? '' : ` ${Math.abs(round1(change))} %`} over 90 days`, subScore: scoreLinear(change, rules.commercial) };
    }
    case 'relationship':
      if (s.daysSinceTouch === undefined) return { status: 'no_data', reason: 'no call, email or meeting logged' };
      return { status: 'scored', value: s.daysSinceTouch, unit: 'days', summary: `last touch ${Math.floor(s.daysSinceTouch)} days ago`, subScore: scoreLinear(s.daysSinceTouch, rules.relationship) };
  }
}
