import type { ReportEntry, ReportSection } from '../../views/pages/portfolio-page-view';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `heldOutAuc` -> "Held out auc", `sample_size` -> "Sample size". */
export const labelOf = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A scalar as text: numbers to at most 3 decimals, dates as written, nested values as compact JSON. */
export function displayOf(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v) && v.every((x) => !isRecord(x) && !Array.isArray(x))) return v.map(displayOf).join(', ');
  return JSON.stringify(v);
}

function entriesOf(record: Record<string, unknown>, prefix = ''): ReportEntry[] {
  const out: ReportEntry[] = [];
  for (const [key, v] of Object.entries(record)) {
    const label = prefix ? `${prefix} · ${labelOf(key)}` : labelOf(key);
    if (isRecord(v)) out.push(...entriesOf(v, label));
    else out.push({ label, display: displayOf(v) });
  }
  return out;
}

function tableOf(title: string, rows: Record<string, unknown>[]): ReportSection {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { kind: 'table', title, columns: columns.map(labelOf), rows: rows.map((r) => columns.map((c) => displayOf(r[c]))) };
}

/**
 * The churn model's report, whatever fields it holds (it is free-form JSON that the engine may
 * enrich): top-level figures in one section, each nested object as its own section, each list of
 * objects (calibration bins, backtest folds) as a table. Nothing is dropped; unknown shapes are
 * shown as compact JSON rather than hidden.
 */
export function reportSections(report: Record<string, unknown>): ReportSection[] {
  const summary: ReportEntry[] = [];
  const sections: ReportSection[] = [];
  for (const [key, v] of Object.entries(report)) {
    if (Array.isArray(v) && v.length > 0 && v.every(isRecord)) sections.push(tableOf(labelOf(key), v));
    else if (isRecord(v)) {
      const nestedTables = Object.entries(v).filter(([, x]) => Array.isArray(x) && x.length > 0 && x.every(isRecord));
      const plain = Object.fromEntries(Object.entries(v).filter(([, x]) => !(Array.isArray(x) && x.length > 0 && x.every(isRecord))));
      if (Object.keys(plain).length) sections.push({ kind: 'figures', title: labelOf(key), entries: entriesOf(plain) });
      for (const [sub, rows] of nestedTables) sections.push(tableOf(`${labelOf(key)} · ${labelOf(sub)}`, rows as Record<string, unknown>[]));
    } else summary.push({ label: labelOf(key), display: displayOf(v) });
  }
  return summary.length ? [{ kind: 'figures', title: 'Summary', entries: summary }, ...sections] : sections;
}
