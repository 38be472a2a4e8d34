import type { SettingsIssue } from './settings-api-types';

/** Why a call failed, in the words the page shows; `invalid` carries each bad field's path. */
export type ApiFailureKind = 'invalid' | 'conflict' | 'forbidden' | 'unauthorized' | 'unavailable' | 'error';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; kind: ApiFailureKind; message: string; issues: SettingsIssue[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const KIND_BY_STATUS: Record<number, ApiFailureKind> = { 400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 409: 'conflict', 503: 'unavailable' };

const issuesOf = (body: Record<string, unknown>): SettingsIssue[] =>
  Array.isArray(body.issues) ? body.issues.filter((i): i is SettingsIssue => isRecord(i) && typeof i.path === 'string' && typeof i.message === 'string') : [];

/**
 * The page's reading of an answer: the data on 2xx; otherwise the API's `{ status: 'error', code,
 * message, issues? }` turned into a failure the page can place (issues by path, a 409 as a stale
 * edit). Anything else, raw HTML or a stack included, becomes a plain message.
 */
export function apiResultOf<T>(status: number, body: unknown, isData: (body: unknown) => body is T): ApiResult<T> {
  if (status >= 200 && status < 300 && isData(body)) return { ok: true, data: body };
  if (status >= 400 && isRecord(body) && body.status === 'error' && typeof body.message === 'string') {
    const kind = KIND_BY_STATUS[status] ?? 'error';
    const message = kind === 'conflict' ? 'Someone else saved the settings after you opened them. Reload to see their change, then apply yours again.' : body.message;
    return { ok: false, kind, message, issues: issuesOf(body) };
  }
  return { ok: false, kind: 'error', message: 'cs-health answered something the settings page cannot read. Try again in a moment.', issues: [] };
}

export const unreachable = <T>(): ApiResult<T> => ({ ok: false, kind: 'error', message: 'The settings page could not reach cs-health. Try again in a moment.', issues: [] });
