import type { ObjectivesCardExtras } from '../../extensions/cards/components/card-extras';
import type { MyObjectivesView } from '../views/my-objectives-view';

/**
 * The My objectives card's optional parts the preview can fill: attainment to date per level, from
 * the levels the card computed (the department and company levels come from the sync's period
 * statement, which the demo has no store for). Pay needs a base salary and exclusions and
 * transitions the store's declarations, so the preview leaves them out and the card draws none.
 *
 * @example
 * objectivesCardExtras({ levels: [{ level: 'individual', planWeightPercent: 50, attainment: 23, measures: [] }] } as MyObjectivesView)
 * // => { levelAttainment: [{ level: 'individual', weightPercent: 50, attainment: 23, source: 'card' }] }
 */
export function objectivesCardExtras(view: Pick<MyObjectivesView, 'levels'>): ObjectivesCardExtras {
  return { levelAttainment: view.levels.map((l) => ({ level: l.level, weightPercent: l.planWeightPercent, attainment: l.attainment, source: 'card' as const })) };
}
