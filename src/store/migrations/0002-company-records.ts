/**
 * The latest reading of each company as the engine reads it (deals, tickets, contacts, answers), so
 * the app pages, the attainment statements and the cards answer from the store instead of reading
 * the portal again. One row per company; `read_at` orders competing writers (an older reading never
 * replaces a newer one). The customer is `json` (its text as written), not `jsonb`: records are only
 * written and read whole, and reading `jsonb` back as text costs a conversion per row (half the read
 * time of a leader's 10,000-company page on either engine).
 */
export const companyRecords = {
  version: 2,
  name: 'company-records',
  sql: `
CREATE TABLE cs_company_records (
  company_id text PRIMARY KEY,
  owner_id text,
  customer json NOT NULL,
  read_at timestamptz NOT NULL
);

CREATE INDEX cs_company_records_owner ON cs_company_records (owner_id, company_id);
CREATE INDEX cs_company_records_read_at ON cs_company_records (read_at);
`,
};
