import { join } from 'node:path';
import { PgBossQueue } from '../jobs/drivers/pg-boss-queue';
import type { QueuePolicyOverrides } from '../jobs/job-definitions';
import { PortalJobQueue } from '../jobs/portal-job-queue';
import { DEFAULT_DATA_DIR, openStore, type StoreOptions } from '../store/open-store';
import type { Store } from '../store/store';
import { queueSchemaOf, storeSchemaOf, type PortalId } from './portal-id';

/**
 * Where the portals' data lives. Each portal's data stays its own:
 *
 * - on a PostgreSQL server (`databaseUrl`), a **schema per portal** in the one database:
 *   `cs_portal_<id>` for the store, reached through `search_path` set when each connection starts,
 *   and `cs_jobs_<id>` for its queue. Chosen over a database per portal because it needs one
 *   connection string, one set of grants and no CREATE DATABASE right (which managed PostgreSQL
 *   services often withhold); a new portal is a `CREATE SCHEMA IF NOT EXISTS` at start, one is
 *   removed with `DROP SCHEMA … CASCADE`, and `pg_dump -n` still backs one up alone. A
 *   connection that starts in one portal's schema cannot name another's tables by accident: the
 *   store's SQL is unqualified.
 * - on embedded PGlite (`dataDir`), a **data folder per portal** (`<dataDir>/portals/<id>`),
 *   holding that portal's store and queue; `memory` keeps each in memory (tests).
 */
export interface PortalStorage {
  databaseUrl?: string;
  dataDir?: string;
  memory?: boolean;
  /** Connections per portal on PostgreSQL, shared by its store and its queue (default 4). */
  poolSize?: number;
}

export interface PortalQueueOptions {
  policies?: QueuePolicyOverrides;
  pollingIntervalSeconds?: number;
  /** Whether this process sends the cron jobs it is due (workers do; producers need not). */
  runSchedules?: boolean;
}

/** The store options of one portal. */
export function portalStoreOptions(portalId: PortalId, storage: PortalStorage): StoreOptions {
  if (storage.databaseUrl) return { databaseUrl: storage.databaseUrl, schema: storeSchemaOf(portalId), poolSize: storage.poolSize ?? 4 };
  if (storage.memory) return { memory: true };
  return { dataDir: join(storage.dataDir ?? DEFAULT_DATA_DIR, 'portals', portalId) };
}

/**
 * Opens one portal's store (migrated) and its queue on the same engine: on PostgreSQL the queue
 * shares the store's pool (so N portals hold N small pools, not 2N); on PGlite, the portal's own
 * database. The queue stamps and checks the portal id of every job.
 */
export async function openPortalStorage(portalId: PortalId, storage: PortalStorage, queueOptions: PortalQueueOptions = {}): Promise<{ store: Store; queue: PortalJobQueue }> {
  const store = await openStore(portalStoreOptions(portalId, storage));
  const queue = new PgBossQueue({
    connection: { database: store.database, engine: store.engine },
    schema: queueSchemaOf(portalId),
    policies: queueOptions.policies,
    pollingIntervalSeconds: queueOptions.pollingIntervalSeconds,
    runSchedules: queueOptions.runSchedules,
  });
  return { store, queue: new PortalJobQueue(queue, portalId) };
}
