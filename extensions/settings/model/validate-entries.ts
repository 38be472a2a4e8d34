import type { ExceptionalEventBody, ManualCountBody, SettingsIssue, TransitionBody } from '../api/settings-api-types';
import { MANUAL_MEASURES } from './settings-defaults';

// The API's entry schemas (src/settings/settings-api-schemas.ts, fairness-declarations.ts,
// manual-entries.ts) as the page can check them first, at the same paths and with the same words.

const isDate = (v: string) => v !== '' && !Number.isNaN(new Date(v).getTime());

export function eventIssues(body: ExceptionalEventBody): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  if (body.accountIds.length === 0) issues.push({ path: 'accountIds', message: 'accountIds must name at least one account' });
  if (body.ownerIds.length === 0) issues.push({ path: 'ownerIds', message: 'ownerIds must name at least one person' });
  if (body.reason.trim().length < 3) issues.push({ path: 'reason', message: 'reason is required: say what happened' });
  return issues;
}

export function transitionIssues(body: TransitionBody): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  if (body.ownerIds.length === 0) issues.push({ path: 'ownerIds', message: 'ownerIds must name at least one person' });
  if (!isDate(body.from)) issues.push({ path: 'from', message: 'from must be a date' });
  if (!isDate(body.to)) issues.push({ path: 'to', message: 'to must be a date' });
  else if (isDate(body.from) && new Date(body.to) <= new Date(body.from)) issues.push({ path: 'to', message: 'the transition must end after it starts' });
  if (body.reason.trim().length < 3) issues.push({ path: 'reason', message: 'reason is required' });
  return issues;
}

export function manualCountIssues(body: ManualCountBody): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  if (!(MANUAL_MEASURES as string[]).includes(body.measure)) issues.push({ path: 'measure', message: `measure ${JSON.stringify(body.measure)} is not entered by hand; manual measures: ${MANUAL_MEASURES.join(', ')}` });
  if (body.ownerId === '') issues.push({ path: 'ownerId', message: 'ownerId is required' });
  if (!Number.isFinite(body.value) || body.value < 0) issues.push({ path: 'value', message: 'value must be 0 or more' });
  if (!isDate(body.occurredAt)) issues.push({ path: 'occurredAt', message: 'occurredAt must be a date' });
  return issues;
}

/** A comma- or space-separated list of ids, as typed into one field. */
export const idsOf = (text: string) => text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
