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

export interface PipelineIssue {
  stageId: string;
  earlierStageId: string;
  message: string;
}

const name = (s: StageProbability) => s.label ?? s.id;
const pct = (p: number) => `${Math.round(p * 100)} %`;
const open = (stages: readonly StageProbability[]) => stages.filter((s): s is StageProbability & { probability: number } => !s.isClosed && s.probability !== undefined);

/**
 * Every open stage of a pipeline that is not more likely to close than an earlier open stage: the
 * process has a problem worth fixing (sales follow-up practice), whichever deal sits there.
 *
 * @example
 * pipelineProbabilityIssues([{ id: 'demo', order: 1, probability: 0.5, isClosed: false }, { id: 'contract', order: 2, probability: 0.4, isClosed: false }])
 * // => [{ stageId: 'contract', earlierStageId: 'demo', message: 'Stage contract (40 %) is not more likely to close than the earlier stage demo (50 %)' }]
 */
export function pipelineProbabilityIssues(stages: readonly StageProbability[]): PipelineIssue[] {
  const candidates = open(stages);
  return candidates.flatMap((stage) => {
    const earlier = candidates.filter((s) => s.order < stage.order && s.probability >= stage.probability).sort((a, b) => b.probability - a.probability)[0];
    return earlier ? [{ stageId: stage.id, earlierStageId: earlier.id, message: `Stage ${name(stage)} (${pct(stage.probability)}) is not more likely to close than the earlier stage ${name(earlier)} (${pct(earlier.probability)})` }] : [];
  });
}

/**
 * Probability must rise as a deal moves toward closing. Flags the deal's stage when it is not more
 * likely than an earlier open stage, and the deal's own probability (a rep's override) when it is
 * not between the stages around it.
 *
 * @example
 * checkStageProbability('s2', [{ id: 's1', order: 0, probability: 0.4, isClosed: false }, { id: 's2', order: 1, probability: 0.3, isClosed: false }])
 * // => { ok: false, message: 'Stage s2 (30 %) is not more likely to close than the earlier stage s1 (40 %)' }
 */
export function checkStageProbability(stageId: string | undefined, stages: readonly StageProbability[], dealProbability?: number): StageCheck {
  const stage = stages.find((s) => s.id === stageId);
  if (!stage) return { ok: false, message: 'The deal stage is not in its pipeline.' };
  if (stage.isClosed) return { ok: true, message: 'The deal is closed.' };
  if (stage.probability === undefined) return { ok: false, message: `Stage ${name(stage)} has no probability set.` };
  const issue = pipelineProbabilityIssues(stages).find((i) => i.stageId === stage.id);
  if (issue) return { ok: false, message: issue.message };
  if (dealProbability !== undefined && dealProbability !== stage.probability) {
    const candidates = open(stages);
    const earlier = candidates.filter((s) => s.order < stage.order && s.probability >= dealProbability).sort((a, b) => b.probability - a.probability)[0];
    if (earlier) return { ok: false, message: `The deal's probability ${pct(dealProbability)} is not above the earlier stage ${name(earlier)} (${pct(earlier.probability)})` };
    const later = candidates.filter((s) => s.order > stage.order && s.probability <= dealProbability).sort((a, b) => a.probability - b.probability)[0];
    if (later) return { ok: false, message: `The deal's probability ${pct(dealProbability)} is not below the later stage ${name(later)} (${pct(later.probability)})` };
  }
  return { ok: true, message: `Probability ${pct(dealProbability ?? stage.probability)} rises with the stage.` };
}
