import type { CompanyRecord, CompanyRecordFilter, CompanyRecordRepository, SettingsIssue, SqlDatabase } from '../store';
import { StoreInputError } from '../store-errors';
import { customerFromJson, customerToJson } from './customer-json';
import { isValidDate } from './input-checks';

/**
 * Rows per INSERT: one JSON parameter each. Small, because the embedded engine's WASM memory grows
 * to the largest statement it parses and never shrinks: a 10,000-company sync into PGlite peaked at
 * 500 MB writing 1,000 records a statement and 443 MB writing 100 (PostgreSQL does not care).
 */
const CHUNK = 100;
const DEFAULT_PAGE = 1_000;

interface RecordRow {
  company_id: string;
  owner_id: string | null;
  customer: string;
  read_at: Date | string;
}

const toRecord = (r: RecordRow): CompanyRecord => ({ companyId: r.company_id, ownerId: r.owner_id, customer: customerFromJson(r.customer), readAt: new Date(r.read_at) });

// `customer::text` so the Dates are restored (the drivers would hand back plain objects).
const COLUMNS = 'company_id, owner_id, customer::text AS customer, read_at';

function checkRecords(records: readonly { customer: { id?: unknown; ownerId?: unknown }; readAt: unknown }[]): void {
  const issues: SettingsIssue[] = [];
  records.forEach((r, i) => {
    if (typeof r.customer?.id !== 'string' || r.customer.id === '') issues.push({ path: `records.${i}.customer.id`, message: 'customer.id is required' });
    if (r.customer?.ownerId !== undefined && typeof r.customer.ownerId !== 'string') issues.push({ path: `records.${i}.customer.ownerId`, message: 'customer.ownerId must be a string when present' });
    if (!isValidDate(r.readAt)) issues.push({ path: `records.${i}.readAt`, message: 'readAt must be a valid date' });
  });
  if (issues.length) throw new StoreInputError(issues);
}

/** The owner filter as SQL: none, or `owner_id = ANY($n)` (an empty list matches nothing), with or without the unowned. */
const ownerClause = (filter: CompanyRecordFilter | undefined, param: number) =>
  filter?.ownerIds ? { sql: `AND (owner_id = ANY($${param}::text[])${filter.includeUnowned ? ' OR owner_id IS NULL' : ''})`, params: [[...filter.ownerIds]] } : { sql: '', params: [] as unknown[] };

/**
 * Company records: upserted in chunks of one INSERT ... SELECT FROM json_to_recordset each (one
 * parameter per chunk, the same on both engines), read back in keyset pages by company id, so a
 * 100,000-company portal is never one result set.
 */
export function sqlCompanyRecordRepository(db: SqlDatabase): CompanyRecordRepository {
  return {
    async write(records) {
      checkRecords(records);
      // The last reading of a company within one call wins; sorted so concurrent writers lock rows in one order.
      const unique = [...new Map(records.map((r) => [r.customer.id, r])).values()].sort((a, b) => (a.customer.id < b.customer.id ? -1 : a.customer.id > b.customer.id ? 1 : 0));
      await db.transaction(async (tx) => {
        for (let start = 0; start < unique.length; start += CHUNK) {
          const chunk = unique.slice(start, start + CHUNK).map((r) => `{"company_id":${JSON.stringify(r.customer.id)},"owner_id":${JSON.stringify(r.customer.ownerId ?? null)},"read_at":${JSON.stringify(r.readAt.toISOString())},"customer":${customerToJson(r.customer)}}`);
          await tx.query(
            `INSERT INTO cs_company_records (company_id, owner_id, customer, read_at)
             SELECT company_id, owner_id, customer, read_at
             FROM json_to_recordset($1::json) AS r(company_id text, owner_id text, customer json, read_at timestamptz)
             ON CONFLICT (company_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, customer = EXCLUDED.customer, read_at = EXCLUDED.read_at
             WHERE cs_company_records.read_at <= EXCLUDED.read_at`,
            [`[${chunk.join(',')}]`],
          );
        }
      });
    },
    async get(companyId) {
      const [row] = await db.query<RecordRow>(`SELECT ${COLUMNS} FROM cs_company_records WHERE company_id = $1`, [companyId]);
      return row ? toRecord(row) : undefined;
    },
    async getMany(companyIds) {
      if (companyIds.length === 0) return new Map();
      const rows = await db.query<RecordRow>(`SELECT ${COLUMNS} FROM cs_company_records WHERE company_id = ANY($1::text[])`, [[...new Set(companyIds)]]);
      return new Map(rows.map((row) => [row.company_id, toRecord(row)]));
    },
    async *pages(filter, pageSize = DEFAULT_PAGE) {
      if (!Number.isInteger(pageSize) || pageSize < 1) throw new StoreInputError([{ path: 'pageSize', message: 'pageSize must be a whole number from 1' }]);
      const owners = ownerClause(filter, 3);
      let after = '';
      for (;;) {
        const rows = await db.query<RecordRow>(`SELECT ${COLUMNS} FROM cs_company_records WHERE company_id > $1 ${owners.sql} ORDER BY company_id LIMIT $2`, [after, pageSize, ...owners.params]);
        if (rows.length === 0) return;
        yield rows.map(toRecord);
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1].company_id;
      }
    },
    async count(filter) {
      const owners = ownerClause(filter, 1);
      const [row] = await db.query<{ n: string | number }>(`SELECT COUNT(*) AS n FROM cs_company_records WHERE TRUE ${owners.sql}`, owners.params);
      return Number(row?.n ?? 0);
    },
    async removeNotReadSince(since) {
      if (!isValidDate(since)) throw new StoreInputError([{ path: 'since', message: 'since must be a valid date' }]);
      const rows = await db.query<{ company_id: string }>('DELETE FROM cs_company_records WHERE read_at < $1 RETURNING company_id', [since]);
      return rows.length;
    },
  };
}
