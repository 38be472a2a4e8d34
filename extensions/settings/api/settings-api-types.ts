import type { Actor, SettingsDocument, SettingsIssue } from '../../../src/store/store';

// The settings API's answers as JSON (dates are ISO strings on the wire). Types only from `src/`:
// the HubSpot build copies `extensions/` alone, so nothing here may import `src/` at run time.

export type { Actor, SettingsDocument, SettingsIssue };

export interface HistoryEntry {
  version: number;
  author: Actor;
  createdAt: string;
  changes: Record<string, { old: unknown; new: unknown }>;
}

/** GET /settings */
export interface SettingsAnswer {
  version: number;
  document: SettingsDocument;
  author?: Actor;
  createdAt?: string;
  history: HistoryEntry[];
}

/** PUT /settings */
export interface SavedSettings {
  version: number;
  createdAt: string;
  changes: HistoryEntry['changes'];
}

export interface StoredEventJson {
  id: number;
  accountIds: string[];
  ownerIds: string[];
  reason: string;
  declaredBy: string;
  declaredAt: string;
  approvedBy?: string;
  approvedAt?: string;
}
export interface StoredTransitionJson {
  id: number;
  ownerIds: string[];
  from: string;
  to: string;
  reason: string;
  declaredBy: string;
  declaredAt: string;
}
export interface StoredManualJson {
  id: number;
  measure: string;
  ownerId: string;
  value: number;
  occurredAt: string;
  enteredBy: string;
  enteredAt: string;
  note?: string;
}

/** GET /entries */
export interface EntriesAnswer {
  events: StoredEventJson[];
  transitions: StoredTransitionJson[];
  manual: StoredManualJson[];
}

/** The request bodies, as the API's zod schemas (`src/settings/settings-api-schemas.ts`) accept them. */
export interface ExceptionalEventBody {
  accountIds: string[];
  ownerIds: string[];
  reason: string;
}
export interface TransitionBody {
  ownerIds: string[];
  from: string;
  to: string;
  reason: string;
}
export interface ManualCountBody {
  measure: string;
  ownerId: string;
  value: number;
  occurredAt: string;
  note?: string;
}
