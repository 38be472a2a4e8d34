import type { ObjectSeed } from '../../../src/sandbox/seed-format';
import type { Archetype } from '../../../src/sandbox/demo/generate-demo-portal';
import { AS_OF, DAY, linkedTo, mean, mrrAt, recordPortal, type RecordedPortal } from './recorded-portal';

const asOf = AS_OF.getTime();
const HIGH = new Set(['HIGH', 'URGENT']);
const time = (value: string) => Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
const won = (deal: ObjectSeed) => ['closedwon', 'renewalwon'].includes(deal.properties.dealstage);

/** The few figures a CSM would look at first, per company, computed from the raw seeded records. */
function signals(portal: RecordedPortal, companyId: string) {
  const company = portal.objects.companies.get(companyId) as ObjectSeed;
  const tickets = linkedTo(portal, companyId, 'tickets').map((t) => t.properties);
  const deals = linkedTo(portal, companyId, 'deals');
  const contacts = portal.associated('companies', companyId, 'contacts');
  const answers = contacts.flatMap((c) => portal.associated('contacts', c, 'feedback_submissions').map((id) => portal.objects.feedback_submissions.get(id)?.properties ?? {}));
  const nps = answers.filter((a) => a.hs_survey_type === 'NPS').sort((a, b) => time(a.hs_submission_timestamp) - time(b.hs_submission_timestamp));
  const wonDeals = deals.filter(won);
  const contractEnds = wonDeals.map((d) => time(d.properties.cs_contract_end_date));
  const firstClose = Math.min(...wonDeals.map((d) => time(d.properties.closedate)));
  return {
    usage: Number(company.properties.cs_usage_score),
    openHigh: tickets.filter((t) => t.hs_pipeline_stage !== '4' && HIGH.has(t.hs_ticket_priority)).length,
    ticketsLast30: tickets.filter((t) => time(t.createdate) > asOf - 30 * DAY).length,
    ticketsPrevious90: tickets.filter((t) => time(t.createdate) <= asOf - 30 * DAY && time(t.createdate) > asOf - 120 * DAY).length,
    daysSinceTouch: company.properties.notes_last_contacted ? (asOf - time(company.properties.notes_last_contacted)) / DAY : Infinity,
    latestNps: nps.at(-1),
    earlierNps: nps.slice(0, -1),
    mrrNow: mrrAt(portal, companyId, asOf),
    mrr90DaysAgo: mrrAt(portal, companyId, asOf - 90 * DAY),
    daysToRenewal: (Math.max(...contractEnds) - asOf) / DAY,
    firstClose,
    lostRenewals: deals.filter((d) => d.properties.dealstage === 'renewallost'),
    wonNewBusiness: wonDeals.filter((d) => d.properties.dealtype === 'newbusiness'),
  };
}

describe('the demo archetypes give the product something to show', () => {
  let portal: RecordedPortal;
  const of = (archetype: Archetype) => portal.summary.archetypes[archetype].map((id) => signals(portal, id));
  beforeAll(() => {
    portal = recordPortal({ companies: 2000, seed: 11 });
  });

  it('mixes the archetypes and segments in believable shares', () => {
    const { archetypeCounts, segments } = portal.summary;
    expect(archetypeCounts.steady).toBeGreaterThan(archetypeCounts.failing);
    expect(archetypeCounts.failing / 2000).toBeGreaterThan(0.07);
    expect(archetypeCounts.failing / 2000).toBeLessThan(0.13);
    expect(segments.bronze).toBeGreaterThan(segments.silver);
    expect(segments.silver).toBeGreaterThan(segments.gold);
  });

  it('leaves failing accounts with open urgent tickets, no touch for 60+ days, low usage, a contraction and a renewal within 90 days', () => {
    for (const s of of('failing')) {
      expect(s.openHigh).toBeGreaterThanOrEqual(3);
      expect(s.daysSinceTouch).toBeGreaterThan(60);
      expect(s.usage).toBeLessThan(30);
      expect(s.mrrNow).toBeLessThan(s.mrr90DaysAgo);
      expect(s.daysToRenewal).toBeGreaterThan(0);
      expect(s.daysToRenewal).toBeLessThanOrEqual(90);
    }
  });

  it('keeps thriving accounts touched, without open urgent work, with high usage and promoters', () => {
    for (const s of of('thriving')) {
      expect(s.openHigh).toBe(0);
      expect(s.daysSinceTouch).toBeLessThanOrEqual(10);
      expect(s.usage).toBeGreaterThanOrEqual(75);
      expect(Number(s.latestNps?.hs_value)).toBeGreaterThanOrEqual(9);
    }
    const thriving = of('thriving'), failing = of('failing');
    expect(mean(failing.map((s) => s.openHigh))).toBeGreaterThan(mean(thriving.map((s) => s.openHigh)) + 2);
    expect(mean(failing.map((s) => s.daysSinceTouch))).toBeGreaterThan(mean(thriving.map((s) => s.daysSinceTouch)) + 50);
  });

  it('shows thriving accounts expanding and failing ones shrinking, year on year', () => {
    const change = (archetype: Archetype) => {
      const ids = portal.summary.archetypes[archetype].filter((id) => signals(portal, id).firstClose < asOf - 400 * DAY);
      return mean(ids.map((id) => mrrAt(portal, id, asOf) / mrrAt(portal, id, asOf - 365 * DAY)));
    };
    expect(change('thriving')).toBeGreaterThan(1.15);
    expect(change('steady')).toBeGreaterThan(1);
    expect(change('failing')).toBeLessThan(0.9);
  });

  it('shows slipping accounts with a recent detractor after an earlier good answer, and a ticket surge', () => {
    const slipping = of('slipping');
    for (const s of slipping) {
      expect(Number(s.latestNps?.hs_value)).toBeLessThanOrEqual(6);
      expect(time(s.latestNps?.hs_submission_timestamp ?? '')).toBeGreaterThan(asOf - 30 * DAY);
      expect(s.usage).toBeLessThan(55);
    }
    const earlierPromoter = slipping.filter((s) => s.earlierNps.some((a) => Number(a.hs_value) >= 8));
    expect(earlierPromoter.length / slipping.length).toBeGreaterThan(0.8);
    const surging = slipping.filter((s) => s.ticketsLast30 >= 3 && s.ticketsLast30 >= 2 * Math.max(1, s.ticketsPrevious90 / 3));
    expect(surging.length / slipping.length).toBeGreaterThan(0.7);
    expect(mean(slipping.map((s) => s.ticketsLast30))).toBeGreaterThan(mean(of('steady').map((s) => s.ticketsLast30)) * 3);
  });

  it('records churn as a lost renewal with a reason, about a quarter of it controllable by CS', () => {
    const churned = of('churned');
    const lost = churned.flatMap((s) => s.lostRenewals);
    for (const s of churned) {
      expect(s.mrrNow).toBe(0);
      expect(s.lostRenewals).toHaveLength(1);
    }
    expect(lost.every((d) => d.properties.closed_lost_reason && ['true', 'false'].includes(d.properties.cs_churn_controllable))).toBe(true);
    const controllable = lost.filter((d) => d.properties.cs_churn_controllable === 'true').length / lost.length;
    expect(controllable).toBeGreaterThan(0.15);
    expect(controllable).toBeLessThan(0.4);
  });

  it('makes early-life churn (nothing paid 90 days after the first close) mostly the record of a few reps', () => {
    const { companyIds, byRep } = portal.summary.earlyChurn;
    expect(companyIds.length).toBeGreaterThan(10);
    for (const id of companyIds) {
      const s = signals(portal, id);
      expect(mrrAt(portal, id, s.firstClose)).toBeGreaterThan(0);
      expect(mrrAt(portal, id, s.firstClose + 90 * DAY)).toBe(0);
    }
    // Early-churn rate per rep: customers lost early / customers whose first deal the rep won.
    const sold = new Map<string, number>();
    for (const id of portal.objects.companies.keys()) {
      const first = signals(portal, id).wonNewBusiness.sort((a, b) => time(a.properties.closedate) - time(b.properties.closedate))[0];
      sold.set(first.properties.hubspot_owner_id, (sold.get(first.properties.hubspot_owner_id) ?? 0) + 1);
    }
    const rates = [...sold].map(([rep, count]) => (byRep[rep] ?? 0) / count).sort((a, b) => b - a);
    expect(rates[0]).toBeGreaterThan(3 * (rates.at(-1) ?? 0) + 0.05);
  });

  it('shows reactivated customers lost and won back, and new customers closed within 90 days', () => {
    for (const s of of('reactivated')) {
      expect(s.lostRenewals).toHaveLength(1);
      expect(s.wonNewBusiness).toHaveLength(2);
      expect(s.mrrNow).toBeGreaterThan(0);
      expect(Math.max(...s.wonNewBusiness.map((d) => time(d.properties.closedate)))).toBeGreaterThan(time(s.lostRenewals[0].properties.closedate));
    }
    for (const s of of('new')) {
      expect(s.firstClose).toBeGreaterThan(asOf - 90 * DAY);
      expect(s.mrrNow).toBeGreaterThan(0);
    }
  });

  it('leaves some recent detractors waiting for a call and shows others called back on the same contact', () => {
    const { due, done } = portal.summary.detractorFollowUp;
    expect(due.length).toBeGreaterThan(20);
    expect(done.length).toBeGreaterThan(20);
    const calledBack = (companyId: string) => {
      const contacts = portal.associated('companies', companyId, 'contacts');
      const detractor = contacts
        .flatMap((c) => portal.associated('contacts', c, 'feedback_submissions').map((id) => ({ contact: c, answer: portal.objects.feedback_submissions.get(id)?.properties ?? {} })))
        .filter(({ answer }) => answer.hs_survey_type === 'NPS' && Number(answer.hs_value) <= 6 && time(answer.hs_submission_timestamp) >= asOf - 90 * DAY)
        .sort((a, b) => time(b.answer.hs_submission_timestamp) - time(a.answer.hs_submission_timestamp))[0];
      const touches = (['calls', 'emails', 'meetings'] as const).flatMap((t) => portal.associated('contacts', detractor.contact, t).map((id) => time(portal.objects[t].get(id)?.properties.hs_timestamp ?? '')));
      return touches.some((t) => t > time(detractor.answer.hs_submission_timestamp));
    };
    expect(due.filter(calledBack)).toEqual([]);
    expect(done.filter((id) => !calledBack(id))).toEqual([]);
  });

  it('puts open deals in the pipelines, some in a stage less likely than the one before it or with a forecast below their stage', () => {
    const renewals = portal.pipelines.find((p) => p.pipeline.id === 'renewals')?.pipeline.stages ?? [];
    const probability = (id: string) => Number(renewals.find((s) => s.id === id)?.metadata.probability);
    expect(probability('renewalnegotiation')).toBeLessThan(probability('renewalupcoming'));
    const open = [...portal.objects.deals.values()].filter((d) => !['closedwon', 'closedlost', 'renewalwon', 'renewallost'].includes(d.properties.dealstage));
    expect(open.some((d) => d.properties.dealstage === 'renewalnegotiation')).toBe(true);
    expect(open.some((d) => d.properties.pipeline === 'default')).toBe(true);
    const stageProbability = (d: ObjectSeed) => Number(portal.pipelines.flatMap((p) => p.pipeline.stages).find((s) => s.id === d.properties.dealstage)?.metadata.probability);
    const mismatched = open.filter((d) => Number(d.properties.hs_forecast_probability) !== stageProbability(d));
    expect(mismatched.length).toBeGreaterThan(0);
    expect(mismatched.length / open.length).toBeLessThan(0.25);
    expect(open.every((d) => time(d.properties.closedate) > asOf && time(d.properties.createdate) <= asOf)).toBe(true);
  });
});
