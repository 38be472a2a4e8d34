export interface StageProbability {
  id: string;
  label?: string;
  order: number;
  probability?: number;
  isClosed: boolean;
}

export interface StageCheck {
  ok: boolean;
  message: string;
}

/**
 * Probability must rise as a deal moves toward closing; a pipeline where a later open stage is not
 * more likely than an earlier one has a process problem worth fixing (sales follow-up practice).
 *
 * @example
 * checkStageProbability('s2', [{ id: 's1', order: 0, probability: 0.4, isClosed: false }, { id: 's2', order: 1, probability: 0.3, isClosed: false }])
 * // => { ok: false, message: 'Stage s2 (30 %) is not more likely to close than the earlier stage s1 (40 %)' }
 */
export function checkStageProbability(stageId: string | undefined, stages: readonly StageProbability[]): StageCheck {
  const stage = stages.find((s) => s.id === stageId);
  if (!stage) return { ok: false, message: 'The deal stage is not in its pipeline.' };
  if (stage.isClosed) return { ok: true, message: 'The deal is closed.' };
  if (stage.probability === undefined) return { ok: false, message: `Stage ${stage.label ?? stage.id} has no probability set.` };
  const name = (s: StageProbability) => s.label ?? s.id;
  const pct = (p: number) => `${Math.round(p * 100)} %`;
  const earlierHigher = stages
    .filter((s) => !s.isClosed && s.order < stage.order && s.probability !== undefined && (s.probability as number) >= (stage.probability as number))
    .sort((a, b) => (b.probability as number) - (a.probability as number))[0];
  if (earlierHigher) return { ok: false, message: `Stage ${name(stage)} (${pct(stage.probability)}) is not more likely to close than the earlier stage ${name(earlierHigher)} (${pct(earlierHigher.probability as number)})` };
  return { ok: true, message: `Probability ${pct(stage.probability)} rises with the stage.` };
}
