/**
 * The kinds of customers in the demo portal and how each behaves, in one table, so the story each
 * archetype tells (thriving to failing) can be read and tuned in one place.
 */

export const ARCHETYPES = ['thriving', 'steady', 'slipping', 'failing', 'churned', 'reactivated', 'new'] as const;
export type Archetype = (typeof ARCHETYPES)[number];

export const SEGMENTS = ['gold', 'silver', 'bronze'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Share of companies per archetype (percent). */
export const ARCHETYPE_MIX: Record<Archetype, number> = { thriving: 20, steady: 30, slipping: 14, failing: 10, churned: 12, reactivated: 4, new: 10 };
export const SEGMENT_MIX: Record<Segment, number> = { gold: 20, silver: 35, bronze: 45 };

/** Monthly recurring revenue and head count per segment. */
export const SEGMENT_PROFILES: Record<Segment, { mrr: [number, number]; employees: [number, number] }> = {
  gold: { mrr: [3000, 9000], employees: [500, 10_000] },
  silver: { mrr: [800, 2500], employees: [100, 1000] },
  bronze: { mrr: [150, 600], employees: [10, 200] },
};

type Range = readonly [number, number];

export interface ArchetypeProfile {
  /** cs_usage_score (0-100). */
  usage: Range;
  /** Tickets in the last year of activity; `recentShare` of them in its last 30 days (a surge when high). */
  tickets: { count: Range; recentShare: number; openHighPriority: Range; resolutionHours: Range };
  /** Calls/emails/meetings, and how many days before the end of activity the latest one was. */
  touches: { count: Range; lastDaysAgo: Range };
  /** Answers on each scale: NPS 0-10, CSAT 1-5, CES 1-7. */
  nps: Range;
  csat: Range;
  ces: Range;
  /** MRR factor applied at each renewal (below 1: a downgrade). */
  renewalFactor: Range;
  /** Co-terminous upsells per contract term: `tries` chances of `chance` each. */
  upsells: { tries: number; chance: number };
  /** Chance of an open expansion deal in the pipeline today. */
  openExpansionChance: number;
  /** Chance that a recent detractor was called back. */
  detractorFollowUpChance: number;
}

export const ARCHETYPE_PROFILES: Record<Archetype, ArchetypeProfile> = {
  thriving: {
    usage: [78, 100], tickets: { count: [4, 7], recentShare: 0.1, openHighPriority: [0, 0], resolutionHours: [2, 24] },
    touches: { count: [6, 9], lastDaysAgo: [1, 10] }, nps: [9, 10], csat: [4, 5], ces: [5, 7],
    renewalFactor: [1.04, 1.12], upsells: { tries: 3, chance: 0.9 }, openExpansionChance: 0.6, detractorFollowUpChance: 1,
  },
  steady: {
    usage: [58, 80], tickets: { count: [8, 12], recentShare: 0.1, openHighPriority: [0, 0], resolutionHours: [4, 40] },
    touches: { count: [4, 7], lastDaysAgo: [4, 25] }, nps: [7, 9], csat: [4, 5], ces: [4, 7],
    renewalFactor: [1, 1.04], upsells: { tries: 3, chance: 0.5 }, openExpansionChance: 0.35, detractorFollowUpChance: 0.8,
  },
  slipping: {
    usage: [30, 52], tickets: { count: [13, 17], recentShare: 0.45, openHighPriority: [0, 1], resolutionHours: [30, 200] },
    touches: { count: [3, 5], lastDaysAgo: [15, 40] }, nps: [3, 6], csat: [2, 4], ces: [2, 5],
    renewalFactor: [0.82, 1], upsells: { tries: 2, chance: 0.3 }, openExpansionChance: 0.15, detractorFollowUpChance: 0.5,
  },
  failing: {
    usage: [3, 25], tickets: { count: [14, 19], recentShare: 0.3, openHighPriority: [3, 4], resolutionHours: [80, 320] },
    touches: { count: [1, 3], lastDaysAgo: [62, 120] }, nps: [0, 5], csat: [1, 3], ces: [1, 3],
    renewalFactor: [0.7, 0.85], upsells: { tries: 1, chance: 0.25 }, openExpansionChance: 0, detractorFollowUpChance: 0,
  },
  churned: {
    usage: [4, 30], tickets: { count: [9, 13], recentShare: 0.2, openHighPriority: [0, 0], resolutionHours: [24, 150] },
    touches: { count: [3, 5], lastDaysAgo: [5, 30] }, nps: [2, 6], csat: [2, 4], ces: [2, 5],
    renewalFactor: [0.95, 1], upsells: { tries: 1, chance: 0.15 }, openExpansionChance: 0, detractorFollowUpChance: 0.5,
  },
  reactivated: {
    usage: [45, 70], tickets: { count: [5, 8], recentShare: 0.1, openHighPriority: [0, 0], resolutionHours: [8, 72] },
    touches: { count: [4, 7], lastDaysAgo: [3, 20] }, nps: [6, 9], csat: [3, 5], ces: [4, 6],
    renewalFactor: [1, 1.05], upsells: { tries: 2, chance: 0.35 }, openExpansionChance: 0.3, detractorFollowUpChance: 1,
  },
  new: {
    usage: [40, 75], tickets: { count: [3, 6], recentShare: 0.3, openHighPriority: [0, 0], resolutionHours: [2, 36] },
    touches: { count: [5, 8], lastDaysAgo: [1, 7] }, nps: [7, 10], csat: [4, 5], ces: [4, 7],
    renewalFactor: [1, 1], upsells: { tries: 0, chance: 0 }, openExpansionChance: 0.25, detractorFollowUpChance: 1,
  },
};
