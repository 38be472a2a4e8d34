import type { StatementRepository } from '../store/store';
import type { ObjectiveLevelView, ObjectivesStatementView, MyObjectivesView } from '../views/my-objectives-view';
import { nextFullSyncText } from './next-full-sync';
import { objectiveLevelViews } from './objective-level-views';
import { readStatementBody } from './statement-body';

export interface StatementForCard {
  statement: ObjectivesStatementView;
  /** The statement's levels the card does not compute live (department and company). */
  levels: ObjectiveLevelView[];
  exclusions?: MyObjectivesView['exclusions'];
  transitions?: MyObjectivesView['transitions'];
}

export interface StatementRequest {
  ownerId: string;
  periodKey: string;
  /** The levels the card computed live: the statement's copies of them are not shown twice. */
  liveLevels: readonly string[];
  now: Date;
  /** Display names for account and owner ids (the ids themselves when unknown). */
  accountName: (id: string) => string;
  personName: (id: string) => string;
}

/**
 * The sync's latest statement for a person and period, as the My objectives card shows it. The
 * caller has already checked that the viewer may see this person's figures. A store that fails
 * costs the card these levels, not the card: they come back as an error state in words.
 */
export async function statementForCard(statements: Pick<StatementRepository, 'latest'> | undefined, request: StatementRequest): Promise<StatementForCard> {
  if (!statements) {
    return { statement: { status: 'unavailable', message: 'Department and company levels come from the period statement the sync keeps in the cs-health store, which this view cannot reach.' }, levels: [] };
  }
  let latest;
  try {
    latest = await statements.latest(request.ownerId, request.periodKey);
  } catch {
    return { statement: { status: 'error', message: 'The period statement could not be read from the cs-health store: try again in a moment.' }, levels: [] };
  }
  if (!latest) {
    return { statement: { status: 'empty', message: `No statement for ${request.periodKey} yet: ${nextFullSyncText(request.now)} computes the department and company levels, or an admin can run cs-health sync now.` }, levels: [] };
  }
  const read = readStatementBody(latest.body);
  if (!read.ok) return { statement: { status: 'error', message: `The period statement (version ${latest.version}) cannot be read by this version of cs-health: ${read.problem}.` }, levels: [] };
  const { attainment, department, awaitingApproval } = read.statement;
  return {
    statement: {
      status: 'ok',
      periodKey: latest.periodKey,
      version: latest.version,
      computedAt: latest.computedAt.toISOString(),
      settingsVersion: latest.settingsVersion,
      ...(latest.lockedAt ? { lockedAt: latest.lockedAt.toISOString() } : {}),
      overall: attainment.overall,
      department,
      awaitingApproval: awaitingApproval.length,
    },
    levels: objectiveLevelViews(attainment.levels.filter((l) => !request.liveLevels.includes(l.level)), 'statement'),
    exclusions: attainment.exclusions.map((e) => ({ accounts: e.accountIds.map(request.accountName), reason: e.reason, declaredBy: e.declaredBy, declaredAt: e.declaredAt })),
    transitions: attainment.transitions.map((t) => ({ people: t.ownerIds.map(request.personName), from: t.from, to: t.to, reason: t.reason, declaredBy: t.declaredBy, declaredAt: t.declaredAt })),
  };
}
