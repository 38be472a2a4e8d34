import { COMPONENT_KEYS, type ComponentKey, type ComponentWeights, type EngineConfig } from '../config/engine-config';
import type { Customer, HealthOverride } from '../customer';
import { DAY_MS } from '../time/days';
import { signalsAt, type CustomerSignals } from './customer-signals';
import { healthBand, type HealthBand } from './health-band';
import { pastScore, pastScoreRecord } from './past-score';
import { COMPONENT_LABELS, readComponent, type ComponentReading } from './health-components';
import { sortSmall } from '../sort-small';

export interface ComponentBreakdown {
  key: ComponentKey;
  label: string;
  reading: ComponentReading;
  /** The configured weight (for this segment's scorecard). */
  weight: number;
  /** Share of the score this component carries after dropping components with no data, 0-1. */
  effectiveWeight: number;
  /** subScore x effectiveWeight: the points it adds. Contributions sum to the computed score. */
  contribution: number;
}

export interface ComputedScore {
  score: number;
  components: ComponentBreakdown[];
  /** Components left out for lack of data; their weight went to the others. */
  missing: ComponentKey[];
}

export interface HealthTrend {
  previousScore: number;
  change: number;
  days: number;
  /** Components by how much they moved the score, largest first (points). */
  movers: { key: ComponentKey; label: string; change: number }[];
  /** Past values HubSpot keeps no history of, compared at today's value. */
  heldAtCurrent: string[];
  source: 'recomputed' | 'history';
}

export interface HealthScore extends ComputedScore {
  /** The computed score, or the CSM override while it runs. */
  finalScore: number;
  band: HealthBand;
  /** The segment scorecard used, if any. */
  scorecard: string;
  override?: HealthOverride & { active: true };
  trend?: HealthTrend;
  signals: CustomerSignals;
}

/**
 * The weights of a customer's scorecard: its segment's when configured, the defaults otherwise.
 *
 * @example
 * scorecardWeights('gold', loadEngineConfig({ health: { segments: { gold: { usage: 40 } } } })).weights.usage // => 40
 */
export function scorecardWeights(segment: string | undefined, config: EngineConfig): { name: string; weights: ComponentWeights } {
  const own = segment ? config.health.segments[segment] : undefined;
  return own ? { name: segment as string, weights: { ...config.health.weights, ...own } } : { name: 'default', weights: config.health.weights };
}

/**
 * Scores signals: each component by its rule, weights re-normalised over the components with data.
 * `describe` false leaves the readings' sentences out (past scores are only compared by number).
 *
 * @example
 * computeScore(signals, DEFAULT_ENGINE_CONFIG.health.weights, DEFAULT_ENGINE_CONFIG).missing // => ['resolution']
 */
export function computeScore(signals: CustomerSignals, weights: ComponentWeights, config: EngineConfig, describe = true): ComputedScore {
  const readings = readingScratch;
  let totalWeight = 0;
  for (let i = 0; i < COMPONENT_KEYS.length; i++) {
    const key = COMPONENT_KEYS[i];
    readings[i] = readComponent(key, signals, config, describe);
    if (readings[i].status === 'scored') totalWeight += weights[key];
  }
  let score = 0, missingCount = 0;
  // Arrays made to size and filled by index: one grown by push keeps room for 16 items (the
  // engine's garbage was mostly such room and the objects in it).
  const components = new Array<ComponentBreakdown>(COMPONENT_KEYS.length);
  for (let i = 0; i < COMPONENT_KEYS.length; i++) {
    const key = COMPONENT_KEYS[i], reading = readings[i], weight = weights[key];
    const effectiveWeight = reading.status === 'scored' && totalWeight > 0 ? weight / totalWeight : 0;
    const contribution = reading.status === 'scored' ? reading.subScore * effectiveWeight : 0;
    score += contribution;
    if (reading.status === 'no_data' || weight === 0) missingCount += 1;
    components[i] = { key, label: COMPONENT_LABELS[key], reading, weight, effectiveWeight, contribution };
  }
  const missing = new Array<ComponentKey>(missingCount);
  for (let i = 0, m = 0; m < missingCount; i++) if (readings[i].status === 'no_data' || weights[COMPONENT_KEYS[i]] === 0) missing[m++] = COMPONENT_KEYS[i];
  return { score, components, missing };
}

/** The readings of the score being computed, filled per call (the engine is synchronous; the components keep the readings, not the list). */
const readingScratch = new Array<ComponentReading>(COMPONENT_KEYS.length);

/**
 * True when at least one weighted component has data: without any, there is no score to give (a
 * company nobody knows anything about is not "healthy").
 *
 * @example
 * hasHealthData(computeScore(signalsAt(createMockCustomer(), config, asOf), config.health.weights, config)) // => false
 */
export function hasHealthData(score: Pick<ComputedScore, 'components'>): boolean {
  for (const c of score.components) if (c.reading.status === 'scored' && c.weight > 0) return true;
  return false;
}

/**
 * The customer health score 0-100 with its breakdown, band, override and 30-day trend.
 *
 * The previous score is recomputed with the same rules from what was known 30 days ago, so the
 * trend is explained component by component; when the company carries a stored score from then
 * (`healthHistory`), that stored value is the previous score.
 *
 * @example
 * const h = scoreHealth(customer, DEFAULT_ENGINE_CONFIG, new Date('2026-11-22'));
 * h.finalScore // => 42
 * h.components.map((c) => [c.key, Math.round(c.contribution)]) // => [['usage', 8], ['supportLoad', 0], ...]
 */
export function scoreHealth(customer: Customer, config: EngineConfig, asOf: Date, signals = signalsAt(customer, config, asOf)): HealthScore {
  const { name, weights } = scorecardWeights(customer.segment, config);
  const computed = computeScore(signals, weights, config);
  // Object.assign onto a fresh object rather than `{ ...override, active }`: node 20's V8 gives each
  // object made by spreading and adding a key a hidden class of its own (same keys, same order).
  const override = customer.override && customer.override.expiresAt.getTime() > asOf.getTime() ? Object.assign({}, customer.override, { active: true as const }) : undefined;
  const finalScore = override ? override.score : computed.score;
  // Spelled out rather than spreading `computed`: the spread is slow on this hot path.
  return {
    score: computed.score,
    components: computed.components,
    missing: computed.missing,
    finalScore,
    band: healthBand(finalScore, config),
    scorecard: name,
    override,
    trend: trendOf(customer, config, asOf, signals, computed, weights),
    signals,
  };
}

function trendOf(customer: Customer, config: EngineConfig, asOf: Date, signals: CustomerSignals, now: ComputedScore, weights: ComponentWeights): HealthTrend | undefined {
  const days = config.windows.trendDays;
  const then = trendStart(asOf, days);
  // Only the past numbers are compared: the lean past score gives them without a full past assessment.
  const past = pastScore(customer, config, then, signals, weights, pastRecord);
  const stored = storedScoreAt(customer, then);
  if (!past.hasData && stored === undefined) return undefined;
  const previousScore = stored ?? past.score;
  // Counted first, then made to size (see computeScore).
  let moving = 0;
  for (let i = 0; i < now.components.length; i++) if (Math.abs(now.components[i].contribution - past.contributions[i]) >= 0.05) moving += 1;
  const movers: HealthTrend['movers'] = new Array(moving);
  for (let i = 0, m = 0; m < moving; i++) {
    const c = now.components[i], change = c.contribution - past.contributions[i];
    if (Math.abs(change) >= 0.05) movers[m++] = { key: c.key, label: c.label, change };
  }
  // A NaN change fails the 0.05 test above, so the movers' keys are numbers.
  if (movers.length > 1) sortSmall(movers, largestChangeFirst);
  return { previousScore, change: now.score - previousScore, days, movers, heldAtCurrent: past.heldAtCurrent, source: stored === undefined ? 'recomputed' : 'history' };
}

/** The trend's past score, one record filled per customer: the trend keeps only its `heldAtCurrent` (a list made per call). */
const pastRecord = pastScoreRecord();

/**
 * The trend's past date, made once per run date: every customer of a run is assessed at the same
 * date. pastScore reads only its time and keeps nothing of it, so sharing it is safe.
 */
function trendStart(asOf: Date, days: number): Date {
  const t = asOf.getTime() - days * DAY_MS;
  if (lastTrendStart?.getTime() !== t) lastTrendStart = new Date(t);
  return lastTrendStart;
}

let lastTrendStart: Date | undefined;

const largestChangeFirst = (a: { change: number }, b: { change: number }) => Math.abs(b.change) - Math.abs(a.change);

/** The stored score in force at `at`: the last history point at or before it, if it is recent enough. */
function storedScoreAt(customer: Customer, at: Date): number | undefined {
  let found: number | undefined;
  const t = at.getTime();
  for (const point of customer.healthHistory ?? []) {
    const pointAt = point.at.getTime();
    if (pointAt <= t && pointAt > t - 7 * DAY_MS) found = point.value;
  }
  return found;
}
