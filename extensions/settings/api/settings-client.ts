import { apiResultOf, unreachable, type ApiResult } from './api-result';
import type { EntriesAnswer, ExceptionalEventBody, ManualCountBody, SavedSettings, SettingsAnswer, SettingsDocument, StoredEventJson, StoredManualJson, StoredTransitionJson, TransitionBody } from './settings-api-types';

/** One HTTP call: `hubspot.fetch` in HubSpot (signed, with the user), plain `fetch` in tests. */
export type Send = (path: string, init: { method: 'GET' | 'PUT' | 'POST'; body?: Record<string, unknown> }) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface SettingsClient {
  load(): Promise<ApiResult<SettingsAnswer>>;
  save(document: SettingsDocument, expectedVersion: number): Promise<ApiResult<SavedSettings>>;
  entries(): Promise<ApiResult<EntriesAnswer>>;
  declareEvent(body: ExceptionalEventBody): Promise<ApiResult<StoredEventJson>>;
  declareTransition(body: TransitionBody): Promise<ApiResult<StoredTransitionJson>>;
  enterCount(body: ManualCountBody): Promise<ApiResult<StoredManualJson>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSettings = (b: unknown): b is SettingsAnswer => isRecord(b) && typeof b.version === 'number' && isRecord(b.document) && Array.isArray(b.history);
const isSaved = (b: unknown): b is SavedSettings => isRecord(b) && typeof b.version === 'number' && isRecord(b.changes);
const isEntries = (b: unknown): b is EntriesAnswer => isRecord(b) && Array.isArray(b.events) && Array.isArray(b.transitions) && Array.isArray(b.manual);
const isStored = <T>(b: unknown): b is T => isRecord(b) && typeof b.id === 'number';

/** The settings API's routes (`createSettingsRouter`), each answer read into an `ApiResult`. */
export function createSettingsClient(send: Send): SettingsClient {
  const call = async <T>(path: string, init: Parameters<Send>[1], isData: (b: unknown) => b is T): Promise<ApiResult<T>> => {
    try {
      const response = await send(path, init);
      return apiResultOf(response.status, await response.json().catch(() => undefined), isData);
    } catch {
      return unreachable<T>();
    }
  };
  return {
    load: () => call('/settings', { method: 'GET' }, isSettings),
    save: (document, expectedVersion) => call('/settings', { method: 'PUT', body: { document: document as unknown as Record<string, unknown>, expectedVersion } }, isSaved),
    entries: () => call('/entries', { method: 'GET' }, isEntries),
    declareEvent: (body) => call('/entries/exceptional-events', { method: 'POST', body: { ...body } }, isStored<StoredEventJson>),
    declareTransition: (body) => call('/entries/transitions', { method: 'POST', body: { ...body } }, isStored<StoredTransitionJson>),
    enterCount: (body) => call('/entries/manual-counts', { method: 'POST', body: { ...body } }, isStored<StoredManualJson>),
  };
}
