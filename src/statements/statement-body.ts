import { z } from 'zod';
import { companiesIn, type ObjectiveAttainment, type SharedScope, type TalliedBook, type TalliedScope } from '../domain/objectives/objective-attainment';
import { LEVELS, type Level, type Role } from '../domain/objectives/plan-schema';
import type { StoredExceptionalEvent } from '../store/store';

type Named = { name: string };

/** The four scopes of a statement: the person's own book and the shared levels, as lists or tallies. */
export type LevelScopes = { individual: (SharedScope | TalliedBook) & Named } & Record<Exclude<Level, 'individual'>, (SharedScope | TalliedScope) & Named>;

/**
 * What a statement stores: the person's attainment as the engine computed it (every level,
 * segment and measure, explained), the role and department it followed, what each level's scope
 * held, and the exclusions still awaiting approval. Nothing in it moves from one sync to the next
 * unless a figure does (no read time, no clock), so a recompute of a locked period adds a version
 * only when something changed.
 */
export interface StatementBody {
  schemaVersion: 1;
  role: Role;
  department: string;
  scopes: Record<Level, { name: string; companies: number; people: number }>;
  /** `ObjectiveAttainment` as JSON: dates as ISO strings. */
  attainment: Record<string, unknown>;
  /** Declared exceptional events on this person's accounts that no admin approved yet: they do not apply. */
  awaitingApproval: { id: number; accountIds: string[]; reason: string; declaredBy: string; declaredAt: string }[];
}

const asJson = <T>(value: T): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

export function statementBody(input: { role: Role; scopes: LevelScopes; attainment: ObjectiveAttainment; pending: readonly StoredExceptionalEvent[] }): StatementBody {
  const holds = holdsOf(input.scopes.individual);
  return {
    schemaVersion: 1,
    role: input.role,
    department: input.scopes.department.name,
    scopes: Object.fromEntries(LEVELS.map((l) => [l, { name: input.scopes[l].name, companies: companiesIn(input.scopes[l]), people: input.scopes[l].ownerIds.length }])) as StatementBody['scopes'],
    attainment: asJson(input.attainment),
    awaitingApproval: input.pending
      .map((e) => ({ id: e.id, accountIds: e.accountIds.filter(holds), reason: e.reason, declaredBy: e.declaredBy, declaredAt: e.declaredAt.toISOString() }))
      .filter((e) => e.accountIds.length > 0),
  };
}

/** Whether the person's own book holds an account, asked of the accounts their events name. */
function holdsOf(own: SharedScope | TalliedBook): (accountId: string) => boolean {
  if (!('customers' in own)) return (accountId) => own.holds(accountId);
  const held = new Set(own.customers.map((c) => c.id));
  return (accountId) => held.has(accountId);
}

const metricSchema = z.union([z.object({ kind: z.literal('value'), value: z.number() }), z.object({ kind: z.literal('no_data'), reason: z.string() })]);

/** The parts of a stored statement the My objectives card shows; the rest stays for reviews. */
export const statementReadingSchema = z.object({
  schemaVersion: z.literal(1),
  role: z.string(),
  department: z.string(),
  scopes: z.record(z.string(), z.object({ name: z.string(), companies: z.number(), people: z.number() })),
  attainment: z.object({
    asOf: z.string(),
    overall: z.number().optional(),
    levels: z.array(z.object({
      level: z.enum(LEVELS),
      planWeight: z.number(),
      attainment: z.number().optional(),
      note: z.string().optional(),
      measures: z.array(z.object({ measure: z.string(), kind: z.enum(['lead', 'lag']), actual: metricSchema, target: z.number(), targetSource: z.string(), attainment: z.number().optional(), weight: z.number(), contribution: z.number() })),
    })),
    exclusions: z.array(z.object({ accountIds: z.array(z.string()), reason: z.string(), declaredBy: z.string(), declaredAt: z.string() })),
    transitions: z.array(z.object({ ownerIds: z.array(z.string()), from: z.string(), to: z.string(), reason: z.string(), declaredBy: z.string(), declaredAt: z.string() })),
  }),
  awaitingApproval: z.array(z.object({ accountIds: z.array(z.string()), reason: z.string(), declaredBy: z.string() })),
});

export type StatementReading = z.infer<typeof statementReadingSchema>;

/**
 * A stored body as the card reads it; a body it cannot read (written by another version of
 * cs-health) is an error naming the first bad field, never figures guessed from it.
 */
export function readStatementBody(body: unknown): { ok: true; statement: StatementReading } | { ok: false; problem: string } {
  const parsed = statementReadingSchema.safeParse(body);
  if (parsed.success) return { ok: true, statement: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
}
