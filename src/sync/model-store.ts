import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ChurnModel } from '../domain/churn-risk/churn-model';
import { writeFileAtomically } from './atomic-file';

/** The churn model file could not be used; the message names the file and the field. */
export class ModelFileError extends Error {
  constructor(readonly path: string, detail: string) {
    super(`churn model ${path}: ${detail}; run a full sync to fit it again, or delete the file to score with the rule weights`);
    this.name = 'ModelFileError';
  }
}

const finite = z.number().finite();

const logisticSchema = z.object({
  weights: z.array(finite),
  bias: finite,
  means: z.array(finite),
  scales: z.array(finite),
});

/**
 * What scoring reads from a fitted model: the weights, their standardisation and the features
 * they belong to, all of one length. The quality report is kept as written (it is shown, not
 * computed with), so new report fields pass through.
 */
const fittedSchema = z
  .looseObject({
    kind: z.literal('fitted'),
    model: logisticSchema,
    quality: z.looseObject({ brier: finite, trainedOn: z.number().int().nonnegative(), heldOut: z.number().int().nonnegative() }),
    horizonDays: z.number().int().positive(),
    featureNames: z.array(z.string()).min(1),
  })
  .refine((m) => [m.model.weights.length, m.model.means.length, m.model.scales.length].every((n) => n === m.featureNames.length), {
    message: 'weights, means and scales must have one entry per feature',
    path: ['model'],
  });

const rulesSchema = z.looseObject({ kind: z.literal('rules'), reason: z.string() });

export const churnModelFileSchema = z.discriminatedUnion('kind', [fittedSchema, rulesSchema], { error: 'kind must be "fitted" or "rules"' });

/**
 * The churn model the last full sync fitted, kept beside the checkpoint so an incremental recompute
 * (webhooks, workflow action, `sync --since`) scores with the same weights as the full sync did.
 * Written atomically: a crash mid-write leaves the previous model, never half a file.
 */
export function saveChurnModel(path: string, model: ChurnModel): void {
  writeFileAtomically(path, JSON.stringify(model));
}

/**
 * The model saved by the last full sync, or undefined when none was saved yet. A file that is not
 * JSON or not a model throws {@link ModelFileError} naming the file and the field: scoring silently
 * with other weights than the sync's would make the webhook path disagree with the sync.
 */
export function loadChurnModel(path: string): ChurnModel | undefined {
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ModelFileError(path, error instanceof SyntaxError ? 'not valid JSON' : `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const parsed = churnModelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelFileError(path, `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data as ChurnModel;
}
