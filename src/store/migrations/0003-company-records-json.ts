/**
 * Company records kept as `json` (their text as written) instead of `jsonb`: they are only ever
 * written and read whole, and reading `jsonb` back as text costs a conversion per row; the app
 * pages read every record of a leader's scope on each load (10,000 companies: about half the read
 * time on either engine).
 */
export const companyRecordsJson = {
  version: 3,
  name: 'company-records-json',
  sql: `
ALTER TABLE cs_company_records ALTER COLUMN customer TYPE json USING customer::json;
`,
};
