import type { ChurnModel } from '../domain/churn-risk/churn-model';
import { loadEngineConfig } from '../domain/config/load-engine-config';
import type { EngineConfig } from '../domain/config/engine-config';
import { loadPlans } from '../domain/objectives/load-plans';
import type { Plans } from '../domain/objectives/plan-schema';
import type { Store } from '../store/store';

/**
 * What every surface computes with: one settings version and one model version, read from the
 * store. The sync, the backend's card routes, the workflow action and the worker all take their
 * engine state from here, so a card and the property the sync wrote cannot disagree on weights,
 * plans or model; each answer says which versions it used.
 */
export interface EngineState {
  config: EngineConfig;
  /** Undefined when no plans were saved: callers fall back to the brief's defaults for the period. */
  plans?: Plans;
  model?: ChurnModel;
  /** 0 = the built-in defaults (nothing saved yet). */
  settingsVersion: number;
  modelVersion: number | null;
}

export type EngineStateSource = () => Promise<EngineState>;

/**
 * Reads the newest settings and model from the store, re-validating only when a version changed.
 * Two small reads per call; `ttlMs` lets a burst of card renders share one read.
 */
export function engineStateFrom(store: Pick<Store, 'settings' | 'models'>, options: { ttlMs?: number; now?: () => number } = {}): EngineStateSource {
  const ttlMs = options.ttlMs ?? 0;
  const now = options.now ?? Date.now;
  let cached: { at: number; state: EngineState } | undefined;
  return async () => {
    if (cached && now() - cached.at < ttlMs) return cached.state;
    const [settings, model] = await Promise.all([store.settings.current(), store.models.latest()]);
    const settingsVersion = settings?.version ?? 0;
    const modelVersion = model?.version ?? null;
    if (!cached || cached.state.settingsVersion !== settingsVersion || cached.state.modelVersion !== modelVersion) {
      cached = {
        at: now(),
        state: {
          // Stored documents were validated on save; loading again fills defaults added since.
          config: loadEngineConfig(settings?.document.engine ?? {}),
          plans: settings?.document.plans ? loadPlans(settings.document.plans) : undefined,
          model: model?.model,
          settingsVersion,
          modelVersion,
        },
      };
    } else {
      cached.at = now();
    }
    return cached.state;
  };
}

/** A fixed state (tests, and the CLI's `--config` files before a store exists). */
export const fixedEngineState = (state: EngineState): EngineStateSource => () => Promise.resolve(state);
