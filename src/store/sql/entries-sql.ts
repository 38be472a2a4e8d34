import { z } from 'zod';
import { exceptionalEventSchema, transitionWindowSchema } from '../../domain/objectives/fairness-declarations';
import { manualEntrySchema } from '../../domain/objectives/measures/manual-entries';
import type { EntryRepository, SettingsIssue, SqlDatabase, StoredExceptionalEvent, StoredManualEntry, StoredTransition } from '../store';
import { StoreConflictError, StoreInputError, StoreNotFoundError } from '../store-errors';
import { dateIssues, requireWholeNumber } from './input-checks';

const storedEventSchema = exceptionalEventSchema.extend({
  ownerIds: z.array(z.string().min(1)).min(1, 'ownerIds must name at least one person whose results the event affects'),
  approvedBy: z.string().min(1).optional(),
  approvedAt: z.coerce.date({ error: () => 'approvedAt must be a date' }).optional(),
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new StoreInputError(parsed.error.issues.map((i): SettingsIssue => ({ path: i.path.join('.') || '(root)', message: i.message })));
  return parsed.data;
}

interface EventRow { id: number; account_ids: string[]; owner_ids: string[]; reason: string; declared_by: string; declared_at: Date; approved_by: string | null; approved_at: Date | null }
interface TransitionRow { id: number; owner_ids: string[]; starts_at: Date; ends_at: Date; reason: string; declared_by: string; declared_at: Date }
interface ManualRow { id: number; measure: StoredManualEntry['measure']; owner_id: string; value: number; occurred_at: Date; entered_by: string; entered_at: Date; note: string | null }

const toEvent = (r: EventRow): StoredExceptionalEvent => ({
  id: r.id, accountIds: r.account_ids, ownerIds: r.owner_ids, reason: r.reason, declaredBy: r.declared_by, declaredAt: r.declared_at,
  ...(r.approved_by ? { approvedBy: r.approved_by } : {}), ...(r.approved_at ? { approvedAt: r.approved_at } : {}),
});
const toTransition = (r: TransitionRow): StoredTransition => ({ id: r.id, ownerIds: r.owner_ids, from: r.starts_at, to: r.ends_at, reason: r.reason, declaredBy: r.declared_by, declaredAt: r.declared_at });
const toManual = (r: ManualRow): StoredManualEntry => ({
  id: r.id, measure: r.measure, ownerId: r.owner_id, value: r.value, occurredAt: r.occurred_at, enteredBy: r.entered_by, enteredAt: r.entered_at, ...(r.note !== null ? { note: r.note } : {}),
});

const EVENT = 'id, account_ids, owner_ids, reason, declared_by, declared_at, approved_by, approved_at';
const TRANSITION = 'id, owner_ids, starts_at, ends_at, reason, declared_by, declared_at';
const MANUAL = 'id, measure, owner_id, value, occurred_at, entered_by, entered_at, note';

/**
 * Manager entries. `list` filters by people and time: transitions whose window overlaps [from, to),
 * manual counts whose work happened in [from, to); exceptional events by people only, because an
 * event has no window (it removes accounts from a period's results, and may be declared after it).
 */
export function sqlEntryRepository(db: SqlDatabase): EntryRepository {
  return {
    async addExceptionalEvent(input) {
      const e = parse(storedEventSchema, input);
      const [row] = await db.query<EventRow>(
        `INSERT INTO cs_exceptional_events (account_ids, owner_ids, reason, declared_by, declared_at, approved_by, approved_at) VALUES ($1::jsonb, $2::jsonb, $3, $4, $5, $6, $7) RETURNING ${EVENT}`,
        [JSON.stringify(e.accountIds), JSON.stringify(e.ownerIds), e.reason, e.declaredBy, e.declaredAt, e.approvedBy ?? null, e.approvedAt ?? null],
      );
      return toEvent(row!);
    },
    async approveExceptionalEvent(id, approval) {
      requireWholeNumber('id', id);
      const issues = [...dateIssues({ approvedAt: approval?.approvedAt }), ...(typeof approval?.approvedBy === 'string' && approval.approvedBy ? [] : [{ path: 'approvedBy', message: 'approvedBy is required: who approved it' }])];
      if (issues.length) throw new StoreInputError(issues);
      const [row] = await db.query<EventRow>(`UPDATE cs_exceptional_events SET approved_by = $2, approved_at = $3 WHERE id = $1 AND approved_by IS NULL RETURNING ${EVENT}`, [id, approval.approvedBy, approval.approvedAt]);
      if (row) return toEvent(row);
      const [existing] = await db.query<EventRow>(`SELECT ${EVENT} FROM cs_exceptional_events WHERE id = $1`, [id]);
      if (!existing) throw new StoreNotFoundError(`no exceptional event ${id}`);
      throw new StoreConflictError(`exceptional event ${id} was already approved by ${existing.approved_by}`);
    },
    async addTransition(input) {
      const t = parse(transitionWindowSchema, input);
      const [row] = await db.query<TransitionRow>(
        `INSERT INTO cs_transitions (owner_ids, starts_at, ends_at, reason, declared_by, declared_at) VALUES ($1::jsonb, $2, $3, $4, $5, $6) RETURNING ${TRANSITION}`,
        [JSON.stringify(t.ownerIds), t.from, t.to, t.reason, t.declaredBy, t.declaredAt],
      );
      return toTransition(row!);
    },
    async addManualEntry(input) {
      const m = parse(manualEntrySchema, input);
      const [row] = await db.query<ManualRow>(
        `INSERT INTO cs_manual_entries (measure, owner_id, value, occurred_at, entered_by, entered_at, note) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${MANUAL}`,
        [m.measure, m.ownerId, m.value, m.occurredAt, m.enteredBy, m.enteredAt, m.note ?? null],
      );
      return toManual(row!);
    },
    async list(filter = {}) {
      const owners = filter.ownerIds ? JSON.stringify(filter.ownerIds) : null;
      const from = filter.from ?? null;
      const to = filter.to ?? null;
      // $1 is a JSON list of owner ids, or null for everyone.
      const anyOwner = (column: string) => `($1::jsonb IS NULL OR ${column} ?| ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))`;
      const [events, transitions, manual] = [
        await db.query<EventRow>(`SELECT ${EVENT} FROM cs_exceptional_events WHERE ${anyOwner('owner_ids')} ORDER BY id`, [owners]),
        await db.query<TransitionRow>(
          `SELECT ${TRANSITION} FROM cs_transitions WHERE ${anyOwner('owner_ids')} AND ($2::timestamptz IS NULL OR ends_at > $2) AND ($3::timestamptz IS NULL OR starts_at < $3) ORDER BY id`,
          [owners, from, to],
        ),
        await db.query<ManualRow>(
          `SELECT ${MANUAL} FROM cs_manual_entries WHERE ($1::jsonb IS NULL OR owner_id IN (SELECT jsonb_array_elements_text($1::jsonb))) AND ($2::timestamptz IS NULL OR occurred_at >= $2) AND ($3::timestamptz IS NULL OR occurred_at < $3) ORDER BY id`,
          [owners, from, to],
        ),
      ];
      return { events: events.map(toEvent), transitions: transitions.map(toTransition), manual: manual.map(toManual) };
    },
  };
}
