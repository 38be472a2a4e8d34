/** HubSpot's DateInput value (month from 0) from a `YYYY-MM-DD` or ISO string, read in UTC. */
export function toBaseDate(value: unknown): { year: number; month: number; date: number } | null {
  if (typeof value !== 'string' || value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
}

/** `YYYY-MM-DD` from HubSpot's DateInput value; '' when cleared. */
export function fromBaseDate(value: { year: number; month: number; date: number } | null | undefined): string {
  if (!value) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.year}-${pad(value.month + 1)}-${pad(value.date)}`;
}

/** `2026-11-20 10:00 UTC`: every time on the page in UTC, as the store keeps it. */
export function utcStamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
