import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type StoreOptions } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';

/** The PostgreSQL server the server suite runs on: `CS_HEALTH_TEST_DATABASE_URL`, else the local default. */
export const POSTGRES_TEST_URL = process.env.CS_HEALTH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: boolean | undefined;

/**
 * Whether the server answers, asked once per test file. Synchronous (a child process with a short
 * connect timeout) because jest decides which suites exist before anything async can run.
 */
export function postgresReachable(): boolean {
  if (reachable === undefined) {
    const probe = "const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1],connectionTimeoutMillis:1500});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))";
    try {
      execFileSync(process.execPath, ['-e', probe, POSTGRES_TEST_URL], { stdio: 'ignore', timeout: 5000 });
      reachable = true;
    } catch {
      reachable = false;
    }
  }
  // CI starts PostgreSQL before the tests: there a skip would hide a broken server suite.
  if (!reachable && process.env.CS_HEALTH_REQUIRE_SERVERS) throw new Error(`PostgreSQL store suite required (CS_HEALTH_REQUIRE_SERVERS) but no server answers at ${POSTGRES_TEST_URL}`);
  return reachable;
}

/** A fresh database on the server for one test file, and how to drop it afterwards. */
export async function freshPostgresDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cs_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_TEST_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_TEST_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface EngineUnderTest {
  name: 'pglite' | 'postgres';
  /** Opens a store on a new, empty database; `dispose` closes it and drops the database. */
  open(): Promise<{ store: Store; options: StoreOptions; dispose: () => Promise<void> }>;
}

const pglite: EngineUnderTest = {
  name: 'pglite',
  async open() {
    const store = await openStore({ memory: true });
    return { store, options: { memory: true }, dispose: () => store.close() };
  },
};

const postgres: EngineUnderTest = {
  name: 'postgres',
  async open() {
    const db = await freshPostgresDatabase('store');
    const store = await openStore({ databaseUrl: db.url });
    return {
      store,
      options: { databaseUrl: db.url },
      async dispose() {
        await store.close();
        await db.drop();
      },
    };
  },
};

/** PGlite always; PostgreSQL when a server answers, else one console line saying the suite was skipped. */
export function enginesUnderTest(): EngineUnderTest[] {
  if (postgresReachable()) return [pglite, postgres];
  console.log(`skipped: PostgreSQL store suite (no server at ${POSTGRES_TEST_URL.replace(/:[^:@/]*@/, ':***@')})`);
  return [pglite];
}

/** Empties every cs-health table between tests, keeping the schema. */
export async function emptyTables(store: Store): Promise<void> {
  await store.database.exec(
    'TRUNCATE cs_settings_versions, cs_model_versions, cs_exceptional_events, cs_transitions, cs_manual_entries, cs_statement_versions, cs_company_snapshots, cs_sync_runs, cs_company_records RESTART IDENTITY',
  );
}

/**
 * Runs the same tests on every engine under test, each with its own fresh database opened once
 * for the file and emptied before each test.
 */
export function describeOnEveryEngine(title: string, body: (context: { store: () => Store; engine: EngineUnderTest; options: () => StoreOptions }) => void): void {
  describe.each(enginesUnderTest().map((e) => [e.name, e] as const))(`${title} (%s)`, (_name, engine) => {
    let opened: Awaited<ReturnType<EngineUnderTest['open']>> | undefined;
    beforeAll(async () => {
      opened = await engine.open();
    });
    afterAll(async () => {
      await opened?.dispose();
    });
    beforeEach(async () => {
      await emptyTables(opened!.store);
    });
    body({ store: () => opened!.store, engine, options: () => opened!.options });
  });
}
