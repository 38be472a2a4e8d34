import type { ChurnModel } from '../domain/churn-risk/churn-model';
import type { ExceptionalEvent, TransitionWindow } from '../domain/objectives/fairness-declarations';
import type { ManualEntry } from '../domain/objectives/measures/manual-entries';
import type { Customer } from '../domain/customer';

/**
 * The one source of truth every surface reads (sync, backend, workflow action, card routes, worker).
 * This file is the contract; `sql/` implements it once in PostgreSQL's dialect, and `engines/` runs
 * that SQL on an embedded PGlite or on a PostgreSQL server. Nothing here imports an engine.
 */
export interface Store {
  readonly settings: SettingsRepository;
  readonly models: ModelRepository;
  readonly entries: EntryRepository;
  readonly statements: StatementRepository;
  readonly snapshots: SnapshotRepository;
  readonly syncRuns: SyncRunRepository;
  readonly companies: CompanyRecordRepository;
  /** The engine underneath, for the job queue to share one database (pg-boss takes it as `db`). */
  readonly database: SqlDatabase;
  /** Which engine this store runs on, for logs and `--json`. */
  readonly engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** Who did something: a HubSpot user (id and email as HubSpot signed them), the CLI or the system. */
export interface Actor {
  kind: 'user' | 'cli' | 'system';
  /** HubSpot user id for `user`; a short label otherwise (`sync`, `worker`, the OS user for `cli`). */
  id: string;
  email?: string;
}

// ---------------------------------------------------------------------------------------------
// Settings: engine configuration and objective plans (with managers, teams and role assignments),
// append-only. Each save is a new version; nothing is overwritten.

/** What an admin edits, as JSON: validated by the engine's and the plans' own zod schemas. */
export interface SettingsDocument {
  /** Engine configuration input (`EngineConfigInput`): only what differs from the defaults. */
  engine: Record<string, unknown>;
  /** Objective plans input (`loadPlans` input), with `assignments` and `managers`; absent = defaults. */
  plans?: Record<string, unknown>;
  /** HubSpot user ids who may change settings through the API; set first from the CLI (`settings import`). */
  admins?: string[];
}

export interface SettingsVersion {
  version: number;
  document: SettingsDocument;
  author: Actor;
  createdAt: Date;
  /** What this version changed against the one before: JSON path -> { old, new }. */
  changes: Record<string, { old: unknown; new: unknown }>;
}

/** A settings change refused whole: every bad path with what was expected. Nothing was stored. */
export interface SettingsIssue {
  path: string;
  message: string;
}

export interface SettingsRepository {
  /** The newest version; undefined on a new store (the caller then uses the defaults, version 0). */
  current(): Promise<SettingsVersion | undefined>;
  /** Validates, then stores a new version; throws `SettingsValidationError` (from `store-errors.ts`) and stores nothing when invalid. */
  save(document: SettingsDocument, author: Actor, at: Date): Promise<SettingsVersion>;
  get(version: number): Promise<SettingsVersion | undefined>;
  /** Newest first. */
  history(limit?: number): Promise<SettingsVersion[]>;
}

// ---------------------------------------------------------------------------------------------
// Churn model: each fit is a version with its quality report and training summary.

export interface ModelVersion {
  version: number;
  model: ChurnModel;
  /** The honest report (sample, churners, AUC interval, calibration, backtest); free-form JSON. */
  report: Record<string, unknown>;
  fittedAt: Date;
  /** The settings version the model was fitted under. */
  settingsVersion: number;
}

export interface ModelRepository {
  save(model: ChurnModel, report: Record<string, unknown>, settingsVersion: number, fittedAt: Date): Promise<ModelVersion>;
  latest(): Promise<ModelVersion | undefined>;
  get(version: number): Promise<ModelVersion | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Manager entries: exceptional events, transition windows, manual counts. Each keeps who and when.

export type StoredExceptionalEvent = ExceptionalEvent & { id: number; approvedBy?: string; approvedAt?: Date; ownerIds: string[] };
export type StoredTransition = TransitionWindow & { id: number };
export type StoredManualEntry = ManualEntry & { id: number };

export interface EntryRepository {
  addExceptionalEvent(event: ExceptionalEvent & { ownerIds: string[]; approvedBy?: string; approvedAt?: Date }): Promise<StoredExceptionalEvent>;
  /** Records who approved an event and when; throws `StoreNotFoundError` for an unknown id, `StoreConflictError` when already approved. */
  approveExceptionalEvent(id: number, approval: { approvedBy: string; approvedAt: Date }): Promise<StoredExceptionalEvent>;
  addTransition(transition: TransitionWindow): Promise<StoredTransition>;
  addManualEntry(entry: ManualEntry): Promise<StoredManualEntry>;
  /** Everything declared for these people (all people when omitted) that overlaps [from, to). */
  list(filter?: { ownerIds?: readonly string[]; from?: Date; to?: Date }): Promise<{ events: StoredExceptionalEvent[]; transitions: StoredTransition[]; manual: StoredManualEntry[] }>;
}

// ---------------------------------------------------------------------------------------------
// Attainment statements: per person and period; computed, then locked at period end. A recompute
// after the lock makes a new version carrying the difference, never a silent overwrite.

export interface StatementVersion {
  ownerId: string;
  /** e.g. `2026-Q4`, `2026-11`, `2026`. */
  periodKey: string;
  version: number;
  /** The attainment as the engine computed it (JSON). */
  body: Record<string, unknown>;
  computedAt: Date;
  lockedAt?: Date;
  /** Set on a version made after the lock: what moved against the locked one. */
  difference?: Record<string, { old: unknown; new: unknown }>;
  settingsVersion: number;
}

export interface StatementRepository {
  /** Before the lock, replaces the open version in place; after it, adds a version with the difference. Unchanged bodies store nothing. */
  record(statement: { ownerId: string; periodKey: string; body: Record<string, unknown>; computedAt: Date; settingsVersion: number }): Promise<StatementVersion>;
  /** Locks every open statement of the period. Returns how many were locked. */
  lock(periodKey: string, at: Date): Promise<number>;
  latest(ownerId: string, periodKey: string): Promise<StatementVersion | undefined>;
  versions(ownerId: string, periodKey: string): Promise<StatementVersion[]>;
  /** The latest version of everyone's statement for a period (for team and department roll-ups). */
  forPeriod(periodKey: string): Promise<StatementVersion[]>;
}

// ---------------------------------------------------------------------------------------------
// Daily snapshot per company: the history chart and "why did it change".

export interface CompanySnapshot {
  companyId: string;
  /** UTC calendar day, `YYYY-MM-DD`; one row per company and day (a later write the same day wins). */
  day: string;
  /** Empty when the company is not an active customer or has no data. */
  score: number | null;
  band: string | null;
  riskLevel: string | null;
  riskScore: number | null;
  /** Component key -> sub-score (null = no data). */
  components: Record<string, number | null>;
  override?: { score: number; reason: string; author: string; expiresAt: string } | null;
  settingsVersion: number;
  modelVersion: number | null;
}

export interface SnapshotRepository {
  /** Upserts many rows in few statements (100,000 companies in under 30 s on PostgreSQL). */
  write(rows: readonly CompanySnapshot[]): Promise<void>;
  /** One company's days in [fromDay, toDay], oldest first. */
  history(companyId: string, fromDay: string, toDay: string): Promise<CompanySnapshot[]>;
  /** Every company's row for one day (pages, portfolio). */
  onDay(day: string): Promise<CompanySnapshot[]>;
  /** The latest day that has rows, if any. */
  latestDay(): Promise<string | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Sync runs: when, as of when, calls, changes, outcome.

export interface SyncRun {
  id: number;
  kind: 'full' | 'incremental' | 'dry-run';
  asOf: Date;
  startedAt: Date;
  finishedAt?: Date;
  outcome: 'running' | 'ok' | 'partial' | 'failed';
  apiCalls?: number;
  companiesChanged?: number;
  settingsVersion?: number;
  modelVersion?: number | null;
  /** The sync's `--json` summary. */
  summary?: Record<string, unknown>;
}

export interface SyncRunRepository {
  start(run: { kind: SyncRun['kind']; asOf: Date; startedAt: Date; settingsVersion: number }): Promise<SyncRun>;
  finish(id: number, result: { finishedAt: Date; outcome: Exclude<SyncRun['outcome'], 'running'>; apiCalls: number; companiesChanged: number; modelVersion: number | null; summary: Record<string, unknown> }): Promise<SyncRun>;
  recent(limit?: number): Promise<SyncRun[]>;
}

// ---------------------------------------------------------------------------------------------
// Company records: the latest reading of each company, so pages, statements and cards answer from
// the store instead of reading the portal again.

export interface CompanyRecord {
  companyId: string;
  ownerId: string | null;
  /** The customer as the engine reads it; without `currentProperties` and `healthHistory` (the snapshots keep history). */
  customer: Customer;
  /** When HubSpot's data was read: a reading never replaces a newer one. */
  readAt: Date;
}

export interface CompanyRecordFilter {
  ownerIds?: readonly string[];
  includeUnowned?: boolean;
}

export interface CompanyRecordRepository {
  /** Upserts each customer's reading; an older reading than the stored one is ignored. */
  write(records: readonly { customer: Customer; readAt: Date }[]): Promise<void>;
  get(companyId: string): Promise<CompanyRecord | undefined>;
  /** The records of these companies that the store holds (a missing id is simply absent), in one read. */
  getMany(companyIds: readonly string[]): Promise<Map<string, CompanyRecord>>;
  /**
   * Every record in pages ordered by company id, so a caller holds one page at a time; only the
   * companies of `ownerIds` when given (an empty list names nobody), plus those without an owner
   * when `includeUnowned` (a manager's pages show them).
   */
  pages(filter?: CompanyRecordFilter, pageSize?: number): AsyncIterable<CompanyRecord[]>;
  count(filter?: CompanyRecordFilter): Promise<number>;
  /** Drops the companies a full sync that started at `since` did not read (deleted or merged in HubSpot). */
  removeNotReadSince(since: Date): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// The engine port: run SQL with values, get rows. Both engines speak PostgreSQL's dialect.

export interface SqlDatabase {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Parameterless, possibly multi-statement SQL (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction on one connection; ROLLBACK when it throws. */
  transaction<T>(work: (tx: Pick<SqlDatabase, 'query' | 'exec'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
