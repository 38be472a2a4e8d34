import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChurnModel } from '../domain/churn-risk/churn-model';

/**
 * The churn model the last full sync fitted, kept beside the checkpoint so an incremental recompute
 * (webhooks, workflow action, `sync --since`) scores with the same weights as the full sync did.
 */
export function saveChurnModel(path: string, model: ChurnModel): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(model));
}

export function loadChurnModel(path: string): ChurnModel | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as ChurnModel;
    return parsed && (parsed.kind === 'fitted' || parsed.kind === 'rules') ? parsed : undefined;
  } catch {
    return undefined;
  }
}
