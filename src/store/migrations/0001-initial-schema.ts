/**
 * The first schema: settings and model versions, manager entries, statement versions, daily company
 * snapshots and sync runs. Append-only where history matters (settings, models, statements).
 * Dates are `timestamptz` (UTC instants); a snapshot's day is a `date` (a UTC calendar day).
 */
export const initialSchema = {
  version: 1,
  name: 'initial-schema',
  sql: `
CREATE TABLE cs_settings_versions (
  version integer PRIMARY KEY,
  document jsonb NOT NULL,
  author_kind text NOT NULL CHECK (author_kind IN ('user', 'cli', 'system')),
  author_id text NOT NULL,
  author_email text,
  created_at timestamptz NOT NULL,
  changes jsonb NOT NULL
);

CREATE TABLE cs_model_versions (
  version integer PRIMARY KEY,
  model jsonb NOT NULL,
  report jsonb NOT NULL,
  fitted_at timestamptz NOT NULL,
  settings_version integer NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cs_exceptional_events (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_ids jsonb NOT NULL,
  owner_ids jsonb NOT NULL,
  reason text NOT NULL,
  declared_by text NOT NULL,
  declared_at timestamptz NOT NULL,
  approved_by text,
  approved_at timestamptz,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cs_transitions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_ids jsonb NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  reason text NOT NULL,
  declared_by text NOT NULL,
  declared_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);

CREATE TABLE cs_manual_entries (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  measure text NOT NULL,
  owner_id text NOT NULL,
  value double precision NOT NULL CHECK (value >= 0),
  occurred_at timestamptz NOT NULL,
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL,
  note text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cs_manual_entries_owner ON cs_manual_entries (owner_id, occurred_at);

CREATE TABLE cs_statement_versions (
  owner_id text NOT NULL,
  period_key text NOT NULL,
  version integer NOT NULL,
  body jsonb NOT NULL,
  computed_at timestamptz NOT NULL,
  locked_at timestamptz,
  difference jsonb,
  settings_version integer NOT NULL,
  PRIMARY KEY (owner_id, period_key, version)
);
CREATE INDEX cs_statement_versions_period ON cs_statement_versions (period_key);

-- One row per company and UTC day. The primary key (company_id, day) is also the index a
-- company's history reads; the day index serves "every company on one day".
CREATE TABLE cs_company_snapshots (
  company_id text NOT NULL,
  day date NOT NULL,
  score double precision,
  band text,
  risk_level text,
  risk_score double precision,
  components jsonb NOT NULL,
  override jsonb,
  settings_version integer NOT NULL,
  model_version integer,
  PRIMARY KEY (company_id, day)
);
CREATE INDEX cs_company_snapshots_day ON cs_company_snapshots (day);

CREATE TABLE cs_sync_runs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('full', 'incremental', 'dry-run')),
  as_of timestamptz NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  outcome text NOT NULL CHECK (outcome IN ('running', 'ok', 'partial', 'failed')),
  api_calls integer,
  companies_changed integer,
  settings_version integer,
  model_version integer,
  summary jsonb
);
CREATE INDEX cs_sync_runs_started ON cs_sync_runs (started_at DESC);
`,
} as const;
