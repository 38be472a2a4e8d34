import type { Metric } from '../domain/metric';
import type { ObjectiveLevelView } from '../views/my-objectives-view';

/** A level as both the live attainment and a stored statement hold it (a statement is its JSON). */
export interface LevelFigures {
  level: string;
  planWeight: number;
  attainment?: number;
  note?: string;
  measures: readonly { measure: string; kind: 'lead' | 'lag'; actual: Metric<number>; target: number; targetSource: string; attainment?: number; weight: number; contribution: number }[];
}

const shown = (n: number) => `${Math.round(n * 10) / 10}`;

/**
 * Levels as the My objectives card shows them, every figure in words: actual or why there is
 * none, target and where it came from, attainment, weight and contribution; `source` says whether
 * the card computed it live or the sync's period statement holds it.
 *
 * @example
 * objectiveLevelViews(attainment.levels, 'card')[0] // => { level: 'individual', planWeightPercent: 50, attainment: 104, source: 'card', measures: [...] }
 */
export function objectiveLevelViews(levels: readonly LevelFigures[], source: 'card' | 'statement'): ObjectiveLevelView[] {
  return levels.map((l) => ({
    level: l.level,
    planWeightPercent: l.planWeight,
    attainment: l.attainment,
    note: l.note,
    source,
    measures: l.measures.map((m) => ({
      measure: m.measure.replace(/_/g, ' '),
      kind: m.kind,
      actual: m.actual.kind === 'value' ? shown(m.actual.value) : `no data (${m.actual.reason})`,
      target: String(m.target),
      targetSource: m.targetSource,
      attainment: m.attainment,
      weightPercent: Math.round(m.weight * 100),
      contribution: Math.round(m.contribution * 10) / 10,
    })),
  }));
}
