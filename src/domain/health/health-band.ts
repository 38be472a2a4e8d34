import type { EngineConfig } from '../config/engine-config';

export type HealthBand = 'healthy' | 'neutral' | 'at_risk';

/**
 * The band of a score with the configured cut-offs (0-50 at_risk, 51-75 neutral, 76-100 healthy).
 * Bands compare the score rounded to a whole point, the way it is shown and written.
 *
 * @example
 * healthBand(50.4, DEFAULT_ENGINE_CONFIG) // => 'at_risk'
 */
export function healthBand(score: number, config: Pick<EngineConfig, 'health'>): HealthBand {
  const shown = Math.round(score);
  if (shown <= config.health.bands.atRiskUpTo) return 'at_risk';
  if (shown <= config.health.bands.neutralUpTo) return 'neutral';
  return 'healthy';
}
