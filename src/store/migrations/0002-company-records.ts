/**
 * The latest reading of each company as the engine reads it (deals, tickets, contacts, answers), so
 * the app pages, the attainment statements and the cards answer from the store instead of reading
 * the portal again. One row per company; `read_at` orders competing writers (an older reading never
 * replaces a newer one).
 */
export const companyRecords = {
  version: 2,
  name: 'company-records',
  sql: `
CREATE TABLE cs_company_records (
  company_id text PRIMARY KEY,
  owner_id text,
  customer jsonb NOT NULL,
  read_at timestamptz NOT NULL
);

CREATE INDEX cs_company_records_owner ON cs_company_records (owner_id, company_id);
CREATE INDEX cs_company_records_read_at ON cs_company_records (read_at);
`,
};
