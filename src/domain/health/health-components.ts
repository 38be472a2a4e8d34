import type { ComponentKey, EngineConfig } from '../config/engine-config';
import type { CustomerSignals } from './customer-signals';
import { scoreLinear, scoreThreshold } from './scoring-rules';
import { scaledDecimal } from '../decimal-text';
import { smallKey, TextCache } from '../text-cache';

/** One component's reading: a sub-score 0-100 with the value behind it in words, or why there is none. */
type HealthRules = EngineConfig['health']['rules'];

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

/** Both forms spelled out: a plural made by appending 's' was a new string on every call. */
const plural = (n: number, word: string, words: string) => `${n} ${n === 1 ? word : words}`;
/** The parts that are there, joined by commas (an empty part is left out). */
const joinParts = (a: string, b: string) => (a && b ? `${a}, ${b}` : a || b);

/**
 * The usual ticket count in the ticket window for a segment (its own norm, else the default).
 *
 * @example
 * ticketNorm('gold', loadEngineConfig({ health: { ticketNorms: { segments: { gold: 12 } } } })) // => 12
 */
export function ticketNorm(segment: string | undefined, config: EngineConfig): number {
  return (segment !== undefined ? config.health.ticketNorms.segments[segment] : undefined) ?? config.health.ticketNorms.default;
}

/**
 * Each component's own rule, reading the customer's signals. With `describe` false the summaries are
 * left empty: the trend recomputes past scores only for their numbers, and skipping the sentences
 * keeps the hot path free of string building.
 *
 * @example
 * readComponent('relationship', signals, DEFAULT_ENGINE_CONFIG)
 * // => { status: 'scored', value: 30, unit: 'days', summary: 'last touch 30 days ago', subScore: 78.9 }
 */
export function readComponent(key: ComponentKey, s: CustomerSignals, config: EngineConfig, describe = true): ComponentReading {
  const rules = config.health.rules;
  switch (key) {
    case 'usage': {
      // Usage and touches are both engagement: each scored by its rule, averaged over those known.
      const usage = s.usageScore, touches = s.touchesLast90Days;
      if (usage === undefined && touches === undefined) return { status: 'no_data', reason: 'no product usage or touch count recorded' };
      const subScore = usageSubScore(usage, touches, rules) as number;
      const u10 = usage === undefined ? 0 : Math.round(usage * 10), t = touches ?? 0, hasUsage = usage === undefined ? 0 : 1, hasTouches = touches === undefined ? 0 : 1;
      // Each known number shifted by one past 0, which stands for "none" (a negative one is not cached).
      const key = u10 < 0 || t < 0 ? undefined : smallKey(hasUsage && u10 + 1, hasTouches && t + 1);
      const summary = describe ? usageTexts.text(key, usageSummary, u10, t, hasUsage, hasTouches) : '';
      return usage !== undefined
        ? { status: 'scored', value: usage, unit: 'usage score', summary, subScore }
        : { status: 'scored', value: touches as number, unit: 'touches in 90 days', summary, subScore };
    }
    case 'supportLoad': {
      // Open high-priority tickets and the ticket volume against what is usual for the segment. The
      // worse of the two counts: two urgent tickets are trouble however few tickets there are, and a
      // flood of tickets is trouble even when none is urgent (averaging would hide either).
      // Zero tickets is good news only from a customer who could have opened them all along: for a
      // prospect, a new or a lapsed customer it is no data, not a perfect score.
      const norm = ticketNorm(s.segment, config);
      const subScore = supportLoadSubScore(s.openHighPriorityTickets, s.ticketsInWindow, s.customerOverTicketWindow, norm, rules);
      const days = config.windows.ticketDays;
      if (subScore === undefined) return { status: 'no_data', reason: noTicketTexts.text(smallKey(days), noTicketReason, days) };
      const open = s.openHighPriorityTickets, count = s.ticketsInWindow, norm10 = Math.round(norm * 10);
      const summary = describe ? supportTexts.within(days, norm10).text(smallKey(open, count), supportSummary, open, count, days, norm10) : '';
      return { status: 'scored', value: s.openHighPriorityTickets, unit: 'open high-priority tickets', summary, subScore };
    }
    case 'resolution': {
      const hours = s.medianResolutionHours;
      const days = config.windows.ticketDays;
      if (hours === undefined) return { status: 'no_data', reason: noneClosedTexts.text(smallKey(days), noneClosedReason, days) };
      const h10 = Math.round(hours * 10);
      return { status: 'scored', value: hours, unit: 'hours', summary: describe ? resolutionTexts.text(smallKey(h10), resolutionSummary, h10) : '', subScore: resolutionSubScore(hours, rules) };
    }
    case 'sentiment': {
      const nps = s.nps.kind === 'value' ? s.nps.value : undefined;
      const csat = s.csat.kind === 'value' ? s.csat.value : undefined;
      if (!nps && !csat) return { status: 'no_data', reason: 'no feedback yet' };
      const subScore = sentimentSubScore(nps?.score, csat?.score, rules) as number;
      // NPS rounds to -100..100 and CSAT to 0..100: shifted by one past 0, which stands for "none".
      const npsCode = nps ? Math.round(nps.score) + 101 : 0, answers = nps ? nps.responses : 0, csatCode = csat ? Math.round(csat.score) + 1 : 0;
      const summary = describe ? sentimentTexts.text(smallKey(npsCode, answers, csatCode), sentimentSummary, npsCode, answers, csatCode) : '';
      return { status: 'scored', value: subScore, unit: 'sentiment', summary, subScore };
    }
    case 'commercial': {
      const subScore = commercialSubScore(s.mrrNow, s.mrr90DaysAgo, rules);
      if (subScore === undefined) return { status: 'no_data', reason: 'no recurring revenue' };
      if (s.mrr90DaysAgo <= 0) return { status: 'scored', value: 0, unit: '% MRR change', summary: 'new revenue in the last 90 days', subScore };
      const change = mrrChangePercent(s.mrrNow, s.mrr90DaysAgo);
      const direction = change > 0 ? UP : change < 0 ? DOWN : change === 0 ? FLAT : UNKNOWN, tenthsOfChange = Math.abs(Math.round(change * 10));
      const summary = describe ? commercialTexts.text(smallKey(tenthsOfChange, direction), commercialSummary, tenthsOfChange, direction) : '';
      return { status: 'scored', value: change, unit: '% MRR change', summary, subScore };
    }
    case 'relationship': {
      const days = s.daysSinceTouch;
      if (days === undefined) return { status: 'no_data', reason: 'no call, email or meeting logged' };
      const whole = Math.floor(days);
      return { status: 'scored', value: days, unit: 'days', summary: describe ? relationshipTexts.text(smallKey(whole), relationshipSummary, whole) : '', subScore: relationshipSubScore(days, rules) };
    }
  }
}

/*
 * The readings' texts from the whole numbers that decide them, kept in caches (see TextCache):
 * nearly every customer reads the same few hundred sentences.
 */

const usageTexts = new TextCache(), supportTexts = new TextCache(), resolutionTexts = new TextCache(), sentimentTexts = new TextCache();
const commercialTexts = new TextCache(), relationshipTexts = new TextCache(), noTicketTexts = new TextCache(), noneClosedTexts = new TextCache();

/** Usage (tenths of its score) and touches, each with a flag saying it is known. */
function usageSummary(usage10: number, touches: number, hasUsage: number, hasTouches: number): string {
  return joinParts(hasUsage ? `usage score ${scaledDecimal(usage10, 1)} / 100` : '', hasTouches ? `${plural(touches, 'touch', 'touches')} in 90 days` : '');
}

const supportSummary = (open: number, count: number, days: number, norm10: number): string =>
  `${plural(open, 'open high-priority ticket', 'open high-priority tickets')}, ${plural(count, 'ticket', 'tickets')} in ${days} days (usual: ${scaledDecimal(norm10, 1)})`;

const noTicketReason = (days: number): string => `no ticket in the last ${days} days, and not a customer over all of them`;
const noneClosedReason = (days: number): string => `no ticket closed in the last ${days} days`;
const resolutionSummary = (hours10: number): string => `tickets closed in a median ${scaledDecimal(hours10, 1)} h`;

/** NPS rounded plus 101 (0: none) with its answers, CSAT rounded plus 1 (0: none). */
function sentimentSummary(npsCode: number, answers: number, csatCode: number): string {
  return joinParts(npsCode ? `NPS ${npsCode - 101} (${plural(answers, 'answer', 'answers')})` : '', csatCode ? `CSAT ${csatCode - 1} %` : '');
}

/** The MRR change's direction: NaN (UNKNOWN) reads "flat" with its figure, as `change > 0` and `< 0` both fail. */
const FLAT = 0, UP = 1, DOWN = 2, UNKNOWN = 3;
const commercialSummary = (tenthsOfChange: number, direction: number): string =>
  `MRR ${direction === UP ? 'up' : direction === DOWN ? 'down' : 'flat'}${direction === FLAT ? '' : ` ${scaledDecimal(tenthsOfChange, 1)} %`} over 90 days`;

const relationshipSummary = (wholeDays: number): string => `last touch ${wholeDays} days ago`;

/*
 * Each component's sub-score from the numbers alone, undefined when the component has no data. The
 * readings above and the lean past score of the trend (`past-score.ts`) both use these, so the two
 * cannot drift apart: the trend's past score is the same arithmetic on the same numbers.
 */

export function usageSubScore(usage: number | undefined, touches: number | undefined, rules: HealthRules): number | undefined {
  if (usage === undefined && touches === undefined) return undefined;
  const usageScore = usage === undefined ? undefined : scoreLinear(usage, rules.usage);
  const touchScore = touches === undefined ? undefined : scoreLinear(touches, rules.touches);
  return usageScore !== undefined && touchScore !== undefined ? (usageScore + touchScore) / 2 : (usageScore ?? touchScore);
}

/**
 * The worse of open high-priority tickets and volume against the segment's norm. Zero tickets is no
 * data unless the company was a customer over the whole window (see readComponent).
 */
export function supportLoadSubScore(openHighPriority: number, ticketsInWindow: number, customerOverWindow: boolean, norm: number, rules: HealthRules): number | undefined {
  if (ticketsInWindow === 0 && openHighPriority === 0 && !customerOverWindow) return undefined;
  return Math.min(scoreThreshold(openHighPriority, rules.supportLoad), scoreLinear(ticketsInWindow / norm, rules.ticketVolume));
}

export const resolutionSubScore = (hours: number, rules: HealthRules): number => scoreLinear(hours, rules.resolution);

export function sentimentSubScore(nps: number | undefined, csat: number | undefined, rules: HealthRules): number | undefined {
  const npsScore = nps !== undefined ? scoreLinear(nps, rules.nps) : undefined;
  const csatScore = csat !== undefined ? scoreLinear(csat, rules.csat) : undefined;
  return npsScore !== undefined && csatScore !== undefined ? (npsScore + csatScore) / 2 : (npsScore ?? csatScore);
}

export const mrrChangePercent = (mrrNow: number, mrr90DaysAgo: number): number => ((mrrNow - mrr90DaysAgo) / mrr90DaysAgo) * 100;

/** New revenue (none 90 days ago, some now) scores as flat; no revenue then or now is no data. */
export function commercialSubScore(mrrNow: number, mrr90DaysAgo: number, rules: HealthRules): number | undefined {
  if (mrr90DaysAgo <= 0) return mrrNow > 0 ? scoreLinear(0, rules.commercial) : undefined;
  return scoreLinear(mrrChangePercent(mrrNow, mrr90DaysAgo), rules.commercial);
}

export const relationshipSubScore = (days: number, rules: HealthRules): number => scoreLinear(days, rules.relationship);
