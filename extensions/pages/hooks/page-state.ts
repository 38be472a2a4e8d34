import type { PageState } from '../../../src/views/pages/portfolio-page-view';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a page draws for the backend's answer (a `CardResponse`): the view, an empty state, or a
 * message a person can read. Anything else, raw JSON or a stack included, becomes a plain error.
 */
export function pageStateOf<T>(body: unknown): PageState<T> {
  if (isRecord(body) && body.status === 'ok' && isRecord(body.view)) return { status: 'ready', view: body.view as T };
  if (isRecord(body) && body.status === 'empty' && typeof body.message === 'string') return { status: 'empty', message: body.message };
  if (isRecord(body) && body.status === 'error' && typeof body.message === 'string') return { status: 'error', message: body.message };
  return { status: 'error', message: 'cs-health answered something the page cannot read. Try again in a moment.' };
}
