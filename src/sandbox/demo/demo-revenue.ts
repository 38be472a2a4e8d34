import type { DemoOwner } from './demo-portal-setup';
import { DEAL_STAGES, RENEWALS_PIPELINE_ID } from './demo-portal-setup';
import { ARCHETYPE_PROFILES, SEGMENT_PROFILES, type Archetype, type Segment } from './demo-profiles';
import type { DemoRandom } from './demo-random';
import { ADD_ONS, CHURN_REASONS, EARLY_CHURN_REASONS, PRODUCTS, PROSPECT_LOSS_REASONS } from './demo-vocabulary';
import { addMonths, contractDay, DAY, isoDate, isoDateTime, startOfDay } from './demo-time';

/** A deal to emit, with the line item of a won deal. */
export interface PlannedDeal {
  properties: Record<string, string>;
  createdAt: number;
  lineItem?: Record<string, string>;
}

/** One customer's commercial story: the deals, and the dates the rest of its activity hangs on. */
export interface RevenueStory {
  deals: PlannedDeal[];
  firstClose: number;
  /** End of activity: the churn date of a customer that left, else asOf. */
  activeUntil: number;
  churnedAt?: number;
  /** MRR today (0 once churned). */
  mrrNow: number;
  /** End of the running contract (the next renewal), when the customer is active. */
  renewalAt?: number;
}

export interface RevenueInput {
  random: DemoRandom;
  archetype: Archetype;
  segment: Segment;
  /** Lost within 90 days of the first close (a churned archetype). */
  earlyChurn: boolean;
  asOf: number;
  companyName: string;
  rep: DemoOwner;
  csm: DemoOwner;
  am: DemoOwner;
}

const CHURN_REASON_WEIGHTS: Record<string, number> = Object.fromEntries(CHURN_REASONS.map((r, i) => [String(i), r.weight]));
const roundMrr = (value: number) => Math.max(10, Math.round(value / 10) * 10);
const RENEWAL_STAGES = Object.keys(DEAL_STAGES.renewals).filter((id) => DEAL_STAGES.renewals[id as keyof typeof DEAL_STAGES.renewals] % 1 !== 0);
const SALES_OPEN_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'] as const;

/**
 * Builds a customer's recurring-revenue history over the 24 months before `asOf`: a won first
 * contract (new business), co-terminous upsells, renewals at each term end (priced up, flat or
 * down by archetype), a lost renewal for churned customers (early-life ones cancel within 90 days),
 * a win-back for reactivated ones, an add-on that lapsed recently for failing ones (contraction),
 * and open renewal / expansion deals in the pipelines today.
 */
export function planRevenue(input: RevenueInput): RevenueStory {
  const { random, archetype, segment, asOf, rep, csm, am } = input;
  const profile = ARCHETYPE_PROFILES[archetype];
  const [low, high] = SEGMENT_PROFILES[segment].mrr;
  const baseMrr = roundMrr(random.int(low, high));
  // Small customers often sign half-year terms; failing ones are kept on annual terms so their renewal falls in the next 90 days.
  const term = archetype !== 'failing' && segment === 'bronze' && random.chance(0.5) ? 6 : 12;
  const deals: PlannedDeal[] = [];
  const renewalOwner = () => (segment === 'gold' || random.chance(0.3) ? am : csm);

  const firstClose = contractDay(firstCloseFor(input, term));
  const wonDeal = (kind: 'newbusiness' | 'renewal' | 'upsell' | 'winback', start: number, end: number, mrr: number, label: string, owner: DemoOwner) => {
    const months = monthsBetween(start, end);
    const renewal = kind === 'renewal';
    const properties: Record<string, string> = {
      dealname: `${input.companyName} - ${label}`,
      pipeline: renewal ? RENEWALS_PIPELINE_ID : 'default',
      dealstage: renewal ? 'renewalwon' : 'closedwon',
      amount: String(mrr * months),
      hs_mrr: String(mrr),
      hs_arr: String(mrr * 12),
      closedate: isoDateTime(start),
      createdate: isoDateTime(start - random.int(renewal ? 60 : 25, renewal ? 100 : 90) * DAY),
      dealtype: kind === 'newbusiness' || kind === 'winback' ? 'newbusiness' : 'existingbusiness',
      hubspot_owner_id: owner.id,
      cs_contract_end_date: isoDate(end),
    };
    const product = kind === 'upsell' ? label.replace(/^Upsell: /, '') : PRODUCTS[segment];
    deals.push({
      properties,
      createdAt: Date.parse(properties.createdate),
      lineItem: {
        name: product, price: String(mrr), quantity: '1', hs_recurring_billing_period: `P${months}M`, recurringbillingfrequency: 'monthly',
        hs_mrr: String(mrr), hs_recurring_billing_start_date: isoDate(start), hs_term_in_months: String(months),
      },
    });
  };
  const lostRenewal = (at: number, mrr: number, reason: { reason: string; controllable: boolean }) => {
    const closedAt = startOfDay(at - random.int(0, 12) * DAY);
    const createdAt = closedAt - random.int(45, 90) * DAY;
    deals.push({
      createdAt,
      properties: {
        dealname: `${input.companyName} - Renewal ${new Date(at).getUTCFullYear()}`, pipeline: RENEWALS_PIPELINE_ID, dealstage: 'renewallost',
        amount: String(mrr * term), closedate: isoDateTime(closedAt), createdate: isoDateTime(createdAt), dealtype: 'existingbusiness',
        hubspot_owner_id: renewalOwner().id, closed_lost_reason: reason.reason, cs_churn_controllable: String(reason.controllable),
      },
    });
  };

  // Attempts lost before the customer signed: sales conversion has losses too.
  for (let attempt = 0; attempt < 2 && random.chance(attempt === 0 ? 0.6 : 0.45); attempt++) {
    const closedAt = firstClose - random.int(60, 200) * DAY - attempt * 240 * DAY;
    const createdAt = closedAt - random.int(20, 90) * DAY;
    deals.push({
      createdAt,
      properties: {
        dealname: `${input.companyName} - New business`, pipeline: 'default', dealstage: 'closedlost', amount: String(baseMrr * term),
        closedate: isoDateTime(closedAt), createdate: isoDateTime(createdAt), dealtype: 'newbusiness', hubspot_owner_id: rep.id,
        closed_lost_reason: random.pick(PROSPECT_LOSS_REASONS),
      },
    });
  }

  if (input.earlyChurn) {
    // Cancelled under the 60-day opt-out: the contract (and its line item) ran two months.
    const end = addMonths(firstClose, 2);
    wonDeal('newbusiness', firstClose, end, baseMrr, 'New business', rep);
    lostRenewal(end, baseMrr, random.pick(EARLY_CHURN_REASONS));
    return { deals, firstClose, activeUntil: end, churnedAt: end, mrrNow: 0 };
  }

  const churnAtTerm = archetype === 'churned' ? random.int(1, Math.max(1, completedTerms(firstClose, term, asOf))) : archetype === 'reactivated' ? 1 : 0;
  let start = firstClose;
  let mrr = baseMrr;
  let kind: 'newbusiness' | 'renewal' | 'winback' = 'newbusiness';
  let termIndex = 0;
  let wonBack = false;
  for (;;) {
    const end = addMonths(start, term);
    wonDeal(kind, start, end, mrr, kind === 'newbusiness' ? 'New business' : kind === 'winback' ? 'Win-back' : `Renewal ${new Date(start).getUTCFullYear()}`, kind === 'renewal' ? renewalOwner() : rep);
    let termMrr = mrr;
    // Co-terminous upsells: they end with the term and are folded into the renewal.
    for (let u = 0; u < profile.upsells.tries; u++) {
      if (!random.chance(profile.upsells.chance)) continue;
      const upsellStart = addMonths(end, -random.int(2, term - 2));
      if (upsellStart <= start + 14 * DAY || upsellStart > asOf) continue;
      const add = roundMrr(mrr * random.between(0.06, 0.22));
      wonDeal('upsell', upsellStart, end, add, `Upsell: ${random.pick(ADD_ONS)}`, am);
      termMrr += add;
    }
    if (end > asOf) {
      if (archetype === 'failing') {
        // A six-month add-on that lapsed in the last 90 days: the contraction a CSM should have seen coming.
        const lapsedAt = contractDay(asOf - random.int(10, 80) * DAY);
        const addOnStart = addMonths(lapsedAt, -6);
        if (addOnStart >= firstClose + 14 * DAY) wonDeal('upsell', addOnStart, lapsedAt, roundMrr(baseMrr * random.between(0.3, 0.45)), 'Upsell: Analytics module', am);
      }
      deals.push(...openDeals(input, end, termMrr, term, firstClose));
      return { deals, firstClose, activeUntil: asOf, mrrNow: termMrr, renewalAt: end };
    }
    termIndex += 1;
    if (termIndex === churnAtTerm && !wonBack) {
      lostRenewal(end, termMrr, pickChurnReason(random));
      if (archetype !== 'reactivated') return { deals, firstClose, activeUntil: end, churnedAt: end, mrrNow: 0 };
      wonBack = true;
      start = contractDay(end + random.int(60, 150) * DAY);
      mrr = roundMrr(termMrr * random.between(0.8, 1));
      kind = 'winback';
      continue;
    }
    mrr = roundMrr(termMrr * random.between(profile.renewalFactor[0], profile.renewalFactor[1]));
    start = end;
    kind = 'renewal';
  }
}

/**
 * Deals open today: the renewal of a contract ending within 150 days (Renewals pipeline), and an
 * expansion in the sales pipeline. `hs_forecast_probability` is the stage's probability, except on
 * about one open deal in ten where the rep set one an earlier stage beats (the stage check flags it).
 */
function openDeals(input: RevenueInput, renewalAt: number, mrr: number, term: number, firstClose: number): PlannedDeal[] {
  const { random, archetype, asOf, csm, am, segment } = input;
  const deals: PlannedDeal[] = [];
  const forecast = (stageProbability: number) => (random.chance(0.1) ? random.pick([0.1, 0.2, 0.3]) : stageProbability).toFixed(2);
  const open = (properties: Record<string, string>, probability: number) => {
    const createdAt = Math.max(firstClose + DAY, asOf - random.int(5, 75) * DAY);
    properties.createdate = isoDateTime(createdAt);
    properties.hs_forecast_probability = forecast(probability);
    deals.push({ properties, createdAt });
  };
  if (renewalAt - asOf <= 150 * DAY) {
    const stageId = archetype === 'failing' ? random.pick(['renewalupcoming', 'renewalnegotiation'] as const)
      : archetype === 'thriving' ? random.pick(['renewalcommitted', 'renewalcommitted', 'renewalupcoming'] as const)
      : random.pick(RENEWAL_STAGES) as keyof typeof DEAL_STAGES.renewals;
    open({
      dealname: `${input.companyName} - Renewal ${new Date(renewalAt).getUTCFullYear()}`, pipeline: RENEWALS_PIPELINE_ID, dealstage: stageId,
      amount: String(mrr * term), closedate: isoDateTime(renewalAt), dealtype: 'existingbusiness',
      hubspot_owner_id: segment === 'gold' ? am.id : csm.id, cs_contract_end_date: isoDate(addMonths(renewalAt, term)),
    }, DEAL_STAGES.renewals[stageId]);
  }
  if (random.chance(ARCHETYPE_PROFILES[archetype].openExpansionChance)) {
    const stageId = random.pick(SALES_OPEN_STAGES);
    open({
      dealname: `${input.companyName} - Expansion: ${random.pick(ADD_ONS)}`, pipeline: 'default', dealstage: stageId,
      amount: String(roundMrr(mrr * random.between(0.15, 0.4)) * 12), closedate: isoDateTime(startOfDay(asOf + random.int(10, 90) * DAY)),
      dealtype: 'existingbusiness', hubspot_owner_id: am.id,
    }, DEAL_STAGES.default[stageId]);
  }
  return deals;
}

function pickChurnReason(random: DemoRandom): { reason: string; controllable: boolean } {
  const index = Number(random.weighted(CHURN_REASON_WEIGHTS));
  return CHURN_REASONS[index];
}

function firstCloseFor(input: RevenueInput, term: number): number {
  const { random, archetype, asOf } = input;
  if (input.earlyChurn) return asOf - random.int(100, 700) * DAY;
  switch (archetype) {
    case 'new':
      return asOf - random.int(10, 85) * DAY;
    case 'failing':
      // The running contract ends 15-85 days from now: the renewal is near.
      return addMonths(asOf + random.int(15, 85) * DAY, -12 * random.int(1, 2));
    case 'reactivated':
      return asOf - random.int(600, 720) * DAY;
    case 'churned':
      return asOf - random.int(term * 31 + 30, 720) * DAY;
    default:
      // Most of the book signed over a year ago, so the 24 months show at least one renewal.
      return asOf - (random.chance(0.8) ? random.int(395, 725) : random.int(150, 394)) * DAY;
  }
}

function completedTerms(firstClose: number, term: number, asOf: number): number {
  let count = 0;
  while (addMonths(firstClose, term * (count + 1)) <= asOf) count += 1;
  return count;
}

function monthsBetween(start: number, end: number): number {
  const a = new Date(start), b = new Date(end);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}
