import type { SettingsIssue } from './store';

/** Every way the store can fail, and whether the caller should simply try again later. */
export const STORE_ERROR_CODES = {
  /** The database cannot be reached (down, refusing connections, restarting): retry later. */
  STORE_UNAVAILABLE: { retryable: true },
  /** A settings document that fails the engine's or the plans' schema; nothing was stored. */
  SETTINGS_INVALID: { retryable: false },
  /** Rows handed to a repository that do not fit (a bad day, a missing id); nothing was stored. */
  STORE_INPUT_INVALID: { retryable: false },
  /** The database holds a schema this code does not know (newer, unknown or out of order). */
  SCHEMA_MISMATCH: { retryable: false },
  /** Asked to change something that does not exist (an unknown sync run). */
  NOT_FOUND: { retryable: false },
  /** The change conflicts with what is stored (an event approved already). */
  CONFLICT: { retryable: false },
} as const;

export type StoreErrorCode = keyof typeof STORE_ERROR_CODES;

/** The base of every store error: a code the backend and CLI switch on, a message written for people. */
export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }

  get retryable(): boolean {
    return STORE_ERROR_CODES[this.code].retryable;
  }
}

/** The database is down or unreachable. The backend answers 503 with Retry-After (see {@link httpAnswerForStoreError}). */
export class StoreUnavailableError extends StoreError {
  declare readonly code: 'STORE_UNAVAILABLE';
  constructor(where: string, cause?: unknown) {
    const said = (cause as { message?: unknown } | undefined)?.message;
    const reason = typeof said === 'string' && said ? ` (${said})` : '';
    super('STORE_UNAVAILABLE', `the database at ${where} is unavailable${reason}; try again shortly`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** A settings change refused whole: each bad path and what was expected. */
export class SettingsValidationError extends StoreError {
  declare readonly code: 'SETTINGS_INVALID';
  constructor(readonly issues: readonly SettingsIssue[]) {
    super('SETTINGS_INVALID', `invalid settings, nothing was saved: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'SettingsValidationError';
  }
}

/** Rows or arguments a repository cannot store; each problem names its field. */
export class StoreInputError extends StoreError {
  declare readonly code: 'STORE_INPUT_INVALID';
  constructor(readonly issues: readonly SettingsIssue[]) {
    super('STORE_INPUT_INVALID', `invalid input, nothing was stored: ${issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`);
    this.name = 'StoreInputError';
  }
}

/** The database's schema does not match the code's migrations; the store refuses to start. */
export class SchemaMismatchError extends StoreError {
  declare readonly code: 'SCHEMA_MISMATCH';
  constructor(message: string) {
    super('SCHEMA_MISMATCH', message);
    this.name = 'SchemaMismatchError';
  }
}

export class StoreNotFoundError extends StoreError {
  declare readonly code: 'NOT_FOUND';
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'StoreNotFoundError';
  }
}

export class StoreConflictError extends StoreError {
  declare readonly code: 'CONFLICT';
  constructor(message: string) {
    super('CONFLICT', message);
    this.name = 'StoreConflictError';
  }
}

/** What an HTTP surface answers for a store error: status, headers and a body with code, message and field issues. */
export interface StoreHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: { code: StoreErrorCode; message: string; issues?: readonly SettingsIssue[] };
}

/** Seconds a client is told to wait when the database is down: long enough for a restart, short enough to feel live. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * The HTTP answer for a store error, for the backend's error handler: a database that is down is a
 * 503 with `Retry-After`; a refused settings change a 400 naming each path; a schema mismatch a 503
 * (the operator must act, the caller can only wait). Undefined for anything that is not a store error.
 *
 * @example
 * httpAnswerForStoreError(new StoreUnavailableError('postgres://db:5432/cs'))
 * // => { status: 503, headers: { 'Retry-After': '5' }, body: { code: 'STORE_UNAVAILABLE', message: 'the database at ... is unavailable; try again shortly' } }
 */
export function httpAnswerForStoreError(error: unknown): StoreHttpAnswer | undefined {
  if (!(error instanceof StoreError)) return undefined;
  const body = { code: error.code, message: error.message };
  switch (error.code) {
    case 'STORE_UNAVAILABLE':
      return { status: 503, headers: { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) }, body };
    case 'SCHEMA_MISMATCH':
      return { status: 503, headers: {}, body };
    case 'SETTINGS_INVALID':
    case 'STORE_INPUT_INVALID':
      return { status: 400, headers: {}, body: { ...body, issues: (error as SettingsValidationError | StoreInputError).issues } };
    case 'NOT_FOUND':
      return { status: 404, headers: {}, body };
    case 'CONFLICT':
      return { status: 409, headers: {}, body };
  }
}
