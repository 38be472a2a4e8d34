import { z } from 'zod';
import { portalMappingSchema } from './portal-mapping';

/**
 * The whole engine configuration: one zod schema, every field defaulted, so `{}` is a working config
 * and a file only states what it changes. Defaults follow the domain brief.
 */

const weight = z.number({ error: 'expected a number >= 0' }).min(0, 'expected a number >= 0');

/** A linear rule: `zeroAt` scores 0, `fullAt` scores 100, linear between, clamped (either may be larger). */
const linearRule = z
  .object({ zeroAt: z.number(), fullAt: z.number() })
  .refine((r) => r.zeroAt !== r.fullAt, { message: 'zeroAt and fullAt must differ' });

/** A threshold rule: the score of the first step whose `upTo` the value does not exceed; `above` otherwise. */
const thresholdRule = z.strictObject({
  steps: z.array(z.strictObject({ upTo: z.number(), score: z.number().min(0).max(100) })).min(1),
  above: z.number().min(0).max(100),
});

export const COMPONENT_KEYS = ['usage', 'supportLoad', 'resolution', 'sentiment', 'commercial', 'relationship'] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

const weightsSchema = z.strictObject({
  usage: weight.default(25),
  supportLoad: weight.default(15),
  resolution: weight.default(10),
  sentiment: weight.default(20),
  commercial: weight.default(15),
  relationship: weight.default(15),
});

const noZeroWeights = (w: Record<string, number>) => Object.values(w).some((v) => v > 0);

const healthSchema = z.strictObject({
  weights: weightsSchema.prefault({}).refine(noZeroWeights, { message: 'at least one component weight must be above 0' }),
  rules: z
    .object({
      /** Product usage score 0-100 as recorded on the company. */
      usage: linearRule.default({ zeroAt: 0, fullAt: 100 }),
      /** Calls, emails and meetings in the last 90 days, when the data layer counts them; averaged with usage. */
      touches: linearRule.default({ zeroAt: 0, fullAt: 6 }),
      /** Open HIGH/URGENT tickets. */
      supportLoad: thresholdRule.default({ steps: [{ upTo: 0, score: 100 }, { upTo: 1, score: 60 }, { upTo: 2, score: 30 }], above: 0 }),
      /** Tickets opened in the ticket window as a multiple of the segment's norm; averaged with open high-priority tickets. */
      ticketVolume: linearRule.default({ zeroAt: 3, fullAt: 1 }),
      /** Median hours to close tickets closed in the ticket window. */
      resolution: linearRule.default({ zeroAt: 240, fullAt: 24 }),
      /** NPS (-100..100) and CSAT (0..100) each scored, then averaged. */
      nps: linearRule.default({ zeroAt: -50, fullAt: 50 }),
      csat: linearRule.default({ zeroAt: 50, fullAt: 90 }),
      /** MRR now vs 90 days ago, % change. */
      commercial: linearRule.default({ zeroAt: -25, fullAt: 10 }),
      /** Days since the last call, email or meeting. */
      relationship: linearRule.default({ zeroAt: 90, fullAt: 14 }),
    })
    .prefault({}),
  /** Scores up to `atRiskUpTo` are at_risk, up to `neutralUpTo` neutral, above healthy (0-50 / 51-75 / 76-100). */
  bands: z
    .object({ atRiskUpTo: z.number().min(0).max(100).default(50), neutralUpTo: z.number().min(0).max(100).default(75) })
    .prefault({})
    .refine((b) => b.atRiskUpTo < b.neutralUpTo, { message: 'atRiskUpTo must be below neutralUpTo' }),
  /** The health card's "why did it change" ledger lists each move of at least this many points. */
  ledgerMinPoints: z.number().min(1, 'expected at least 1 point').max(100, 'expected at most 100 points').default(5),
  /** A scorecard per segment: weights that replace the defaults for that segment's companies. */
  segments: z.record(z.string(), weightsSchema.partial()).default({}),
  /**
   * The usual number of tickets a company opens in the ticket window, per segment (larger accounts
   * open more tickets without being in trouble); `default` for segments not listed.
   */
  ticketNorms: z
    .strictObject({
      default: z.number().positive('expected a number > 0').default(4),
      segments: z.record(z.string(), z.number().positive('expected a number > 0')).default({}),
    })
    .prefault({}),
});

const riskRuleKeys = ['detractorRecent', 'ticketSurge', 'noTouch', 'contraction', 'renewalLowHealth', 'earlyLife', 'fallingNps', 'lowUsage', 'lowHealth'] as const;
export type RiskRuleKey = (typeof riskRuleKeys)[number];

const churnRiskSchema = z.strictObject({
  /** How much each signal raises the risk (0-100); combined as independent odds. */
  weights: z
    .object({
      detractorRecent: weight.max(100).default(25),
      ticketSurge: weight.max(100).default(15),
      noTouch: weight.max(100).default(20),
      contraction: weight.max(100).default(20),
      renewalLowHealth: weight.max(100).default(35),
      earlyLife: weight.max(100).default(10),
      fallingNps: weight.max(100).default(15),
      lowUsage: weight.max(100).default(15),
      lowHealth: weight.max(100).default(25),
    })
    .prefault({}),
  noTouchDays: z.number().int().positive().default(45),
  renewalWithinDays: z.number().int().positive().default(90),
  earlyLifeDays: z.number().int().positive().default(90),
  lowUsageBelow: z.number().min(0).max(100).default(40),
  /** Scores below `mediumFrom` are low, below `highFrom` medium, else high. */
  levels: z
    .object({ mediumFrom: z.number().min(0).max(100).default(30), highFrom: z.number().min(0).max(100).default(60) })
    .prefault({})
    .refine((l) => l.mediumFrom < l.highFrom, { message: 'mediumFrom must be below highFrom' }),
  model: z
    .object({
      enabled: z.boolean().default(true),
      /** Churn is predicted over this horizon, from features as of `horizonDays` before asOf. */
      horizonDays: z.number().int().positive().default(180),
      minChurned: z.number().int().positive().default(15),
      minRetained: z.number().int().positive().default(30),
      l2: z.number().min(0).default(0.1),
      /** Kept for old configuration files: the split is now by time (see `periods`), not by share. */
      holdOutShare: z.number().gt(0).lt(1).default(0.3),
      /** Feature dates go back `periods` steps of `periodDays` from the latest one (asOf - horizonDays). */
      periods: z.number().int().min(2).max(24).default(8),
      periodDays: z.number().int().positive().default(90),
      /** The fitted model is used only with this many churners held out... */
      minHeldOutChurners: z.number().int().positive().default(20),
      /** ...and when the lower bound of the held-out AUC's 95 % bootstrap interval reaches this. */
      minAucLowerBound: z.number().min(0.5).max(1).default(0.6),
      bootstrapResamples: z.number().int().min(100).max(10_000).default(500),
      /** The backtest asks: of the customers given each level this many days ago, how many churned since? */
      backtestDays: z.number().int().positive().default(90),
    })
    .prefault({}),
});

/** An IANA time zone the runtime knows ("Europe/Paris"); wording about days follows it. */
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, { message: 'expected an IANA time zone such as "UTC" or "Europe/Paris"' });

export const engineConfigSchema = z.strictObject({
  /** The portal's time zone: "today", "yesterday" and "N days ago" are calendar days there. */
  timeZone: timeZone.default('UTC'),
  windows: z
    .object({
      feedbackDays: z.number().int().positive().default(365),
      ticketDays: z.number().int().positive().default(90),
      trendDays: z.number().int().positive().default(30),
    })
    .prefault({}),
  health: healthSchema.prefault({}),
  churnRisk: churnRiskSchema.prefault({}),
  serviceValue: z
    .strictObject({
      /** A renewal or expansion counts as following a support contact when a ticket was opened this many days before it. */
      afterContactDays: z.number().int().positive().default(90),
      /** A won existing-business deal starting within this many days of a contract's end renews it; otherwise it is an expansion. */
      renewalMatchDays: z.number().int().min(0).default(7),
    })
    .prefault({}),
  mapping: portalMappingSchema.prefault({}),
});

export type EngineConfig = z.infer<typeof engineConfigSchema>;
export type EngineConfigInput = z.input<typeof engineConfigSchema>;
export type LinearRule = z.infer<typeof linearRule>;
export type ThresholdRule = z.infer<typeof thresholdRule>;
export type ComponentWeights = z.infer<typeof weightsSchema>;
export { riskRuleKeys };

/** The defaults, as a value. */
export const DEFAULT_ENGINE_CONFIG: EngineConfig = engineConfigSchema.parse({});
