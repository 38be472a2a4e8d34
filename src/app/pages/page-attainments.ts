import type { Customer } from '../../domain/customer';
import { objectiveAttainment } from '../../domain/objectives/objective-attainment';
import { DEFAULT_PLANS, rolePlanSchema, type Plans } from '../../domain/objectives/plan-schema';
import { subtractMonthsUtc } from '../../domain/time/days';
import type { StatementVersion } from '../../store/store';

/** One person's overall attainment for the period, as the pages show it. */
export interface PageAttainment {
  ownerId: string;
  overall?: number;
}

/** The CSM plan's individual level per book, for the plans' period (else the last three months). */
export function attainmentsFromRecords(books: ReadonlyMap<string, readonly Customer[]>, plans: Plans | undefined, asOf: Date): PageAttainment[] {
  const plan = plans?.roles.csm ?? rolePlanSchema.parse(DEFAULT_PLANS.csm);
  const period = plans?.period ?? { start: subtractMonthsUtc(asOf, 3), end: asOf };
  return [...books.entries()].map(([ownerId, customers]) => ({
    ownerId,
    overall: objectiveAttainment({ plan, period, scopes: { individual: { customers: [...customers], ownerIds: [ownerId] } } }).overall,
  }));
}

/**
 * The period's statements as the pages show them (the sync records them after each full sync); the
 * page keeps the people the viewer may see. A body without a numeric `overall` shows as "no data",
 * never as 0.
 */
export function attainmentsFromStatements(statements: readonly StatementVersion[]): PageAttainment[] {
  return statements.map((s) => ({ ownerId: s.ownerId, overall: typeof s.body.overall === 'number' && Number.isFinite(s.body.overall) ? s.body.overall : undefined }));
}
