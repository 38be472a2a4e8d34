/**
 * A full sync split across workers by company-id range (`src/sync/ranges/`): the run's plan and
 * progress, one row per finished step (so a retried job counts once), and each company's scored
 * result between the read of its range and the write (the compact line the single-worker sync keeps
 * in its on-disk spool; workers on other machines share only the store). Results are keyed by the
 * id as a number so they stream in the order HubSpot's list gives them, which the fit keeps.
 */
export const syncRanges = {
  version: 3,
  name: 'sync-ranges',
  sql: `
CREATE TABLE cs_sync_range_runs (
  sync_run_id integer PRIMARY KEY,
  as_of timestamptz NOT NULL,
  settings_version integer NOT NULL,
  ranges json NOT NULL,
  ranges_read integer NOT NULL DEFAULT 0,
  ranges_written integer NOT NULL DEFAULT 0,
  companies_changed integer NOT NULL DEFAULT 0,
  model_version integer,
  reps json,
  finished_at timestamptz
);

CREATE TABLE cs_sync_range_steps (
  sync_run_id integer NOT NULL REFERENCES cs_sync_range_runs (sync_run_id) ON DELETE CASCADE,
  stage text NOT NULL,
  range_index integer NOT NULL,
  PRIMARY KEY (sync_run_id, stage, range_index)
);

CREATE TABLE cs_sync_range_results (
  sync_run_id integer NOT NULL REFERENCES cs_sync_range_runs (sync_run_id) ON DELETE CASCADE,
  company_number numeric NOT NULL,
  range_index integer NOT NULL,
  result json NOT NULL,
  PRIMARY KEY (sync_run_id, company_number)
);

CREATE INDEX cs_sync_range_results_range ON cs_sync_range_results (sync_run_id, range_index, company_number);
`,
};
