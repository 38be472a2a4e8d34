/**
 * The API calls a range-split full sync made, added up over its steps (each on whichever worker
 * took it): the sync-run row then records the run's calls, not the finishing worker's share.
 */
export const syncRangeCalls = {
  version: 4,
  name: 'sync-range-calls',
  sql: `
ALTER TABLE cs_sync_range_runs ADD COLUMN api_calls integer NOT NULL DEFAULT 0;
`,
};
