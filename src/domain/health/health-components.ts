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
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Each component's own rule, reading the customer's signals. */
export function readComponent(key: ComponentKey, s: CustomerSignals, config: EngineConfig): ComponentReading {
  const rules = config.health.rules;
  switch (key) {
    case 'usage':
      if (s.usageScore === undefined) return { status: 'no_data', reason: 'no product usage recorded' };
      return { status: 'scored', value: s.usageScore, unit: 'usage score', summary: `usage score ${round1(s.usageScore)} / 100`, subScore: scoreLinear(s.usageScore, rules.usage) };
    case 'supportLoad':
      return {
        status: 'scored',
        value: s.openHighPriorityTickets,
        unit: 'open high-priority tickets',
        summary: `${plural(s.openHighPriorityTickets, 'open high-priority ticket')}`,
        subScore: scoreThreshold(s.openHighPriorityTickets, rules.supportLoad),
      };
    case 'resolution':
      if (s.medianResolutionHours === undefined) return { status: 'no_data', reason: `no ticket closed in the last ${config.windows.ticketDays} days` };
      return { status: 'scored', value: s.medianResolutionHours, unit: 'hours', summary: `tickets closed in a median ${round1(s.medianResolutionHours)} h`, subScore: scoreLinear(s.medianResolutionHours, rules.resolution) };
    case 'sentiment': {
      const parts: { score: number; text: string }[] = [];
      if (s.nps.kind === 'value') parts.push({ score: scoreLinear(s.nps.value.score, rules.nps), text: `NPS ${Math.round(s.nps.value.score)} (${plural(s.nps.value.responses, 'answer')})` });
      if (s.csat.kind === 'value') parts.push({ score: scoreLinear(s.csat.value.score, rules.csat), text: `CSAT ${Math.round(s.csat.value.score)} %` });
      if (parts.length === 0) return { status: 'no_data', reason: 'no feedback yet' };
      const subScore = parts.reduce((sum, p) => sum + p.score, 0) / parts.length;
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
