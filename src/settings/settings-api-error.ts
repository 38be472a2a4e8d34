import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { httpAnswerForStoreError } from '../store/store-errors';
import type { SettingsIssue } from '../store/store';

/** Every way a settings API call can fail, and the HTTP status each answers. */
export const SETTINGS_API_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
} as const;

export type SettingsApiErrorCode = keyof typeof SETTINGS_API_ERROR_STATUS;

/** A refusal written for the caller: what was wrong and, for bad input, each field's path. */
export class SettingsApiError extends Error {
  readonly status: number;
  constructor(readonly code: SettingsApiErrorCode, message: string, readonly issues?: readonly SettingsIssue[]) {
    super(message);
    this.name = 'SettingsApiError';
    this.status = SETTINGS_API_ERROR_STATUS[code];
  }

  /** A 400 naming every field zod found wrong. */
  static invalid(what: string, error: z.ZodError, prefix = ''): SettingsApiError {
    const issues = error.issues.slice(0, 50).map((i) => ({ path: `${prefix}${i.path.join('.')}` || '(root)', message: i.message }));
    return new SettingsApiError('BAD_REQUEST', `invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
}

/**
 * The router's error handler: its own refusals and the store's (a database that is down answers 503
 * with Retry-After) as `{ status: 'error', code, message, issues? }`; anything else a 500 that says
 * nothing of the internals, never a stack.
 */
export function settingsErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  if (error instanceof SettingsApiError) {
    res.status(error.status).json({ status: 'error', code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) });
    return;
  }
  const fromStore = httpAnswerForStoreError(error);
  if (fromStore) {
    res.status(fromStore.status).set(fromStore.headers).json({ status: 'error', ...fromStore.body });
    return;
  }
  // express.json's own errors: malformed JSON, a body too large.
  const status = (error as { status?: unknown; type?: unknown }).status;
  if (status === 400 || status === 413) {
    res.status(status).json({ status: 'error', code: status === 400 ? 'BAD_REQUEST' : 'PAYLOAD_TOO_LARGE', message: status === 400 ? 'the body is not valid JSON' : 'the body is too large' });
    return;
  }
  res.status(500).json({ status: 'error', code: 'INTERNAL', message: 'the settings API failed; see the server log' });
}
