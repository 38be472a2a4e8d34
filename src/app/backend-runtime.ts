import express from 'express';
import type { Logger } from 'pino';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HubSpotGateway } from '../hubspot';
import { PgBossQueue } from '../jobs/drivers/pg-boss-queue';
import type { QueuePolicyOverrides } from '../jobs/job-definitions';
import { syncJobHandlers } from '../jobs/sync-job-handlers';
import { WebhookJobSink } from '../jobs/webhook-job-sink';
import { startWorker, type RunningWorker } from '../jobs/worker';
import { createSettingsRouter } from '../settings/create-settings-router';
import type { BackendOptions } from '../server/create-backend';
import type { Store } from '../store/store';
import { wireBackend, type BackendWiring } from './backend-handlers';
import { engineStateFrom, type EngineState } from './engine-state';
import { portfolioPageFromStore } from './pages/portfolio-page-from-store';

export interface BackendRuntimeOptions {
  gateway: HubSpotGateway;
  store: Store;
  /** The engine state at start (settings and model from the store). */
  state: EngineState;
  logger: Logger;
  /** Where the full-sync job keeps its checkpoint. */
  stateDir: string;
  /** Identifies the portal for the full sync's checkpoint. */
  portalKey: string;
  /** The scheduled full sync (UTC cron); null leaves the schedule unset. */
  fullSyncCron?: string | null;
  /** PostgreSQL URL when the store is on a server (pg-boss opens its own pool there). */
  databaseUrl?: string;
  /** Per-queue overrides of the job policies (the freshness bench sets the debounce to 0 s for its floor). */
  queuePolicies?: QueuePolicyOverrides;
  now?: () => Date;
}

export interface BackendRuntime {
  wiring: BackendWiring;
  /** Spread into `createBackend`: handlers, the durable webhook sink, the settings API and app pages, docs. */
  backend: Pick<BackendOptions, 'handlers' | 'coalescer' | 'viewerRoutes' | 'publicPages'>;
  stop(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Everything the backend serves on top of the store: cards computed with the store's newest
 * settings and model, webhook changes as durable jobs (pg-boss on the same database) run by an
 * in-process worker, the settings API and the app pages behind HubSpot's signature and the viewer
 * check, and the documentation and support pages the app listing links.
 */
export async function startBackendRuntime(options: BackendRuntimeOptions): Promise<BackendRuntime> {
  const { gateway, store, logger } = options;
  // Checked on every card and job (two indexed reads): a settings change is seen by the very next card.
  const engineState = engineStateFrom(store, { ttlMs: 0 });
  const wiring = wireBackend(gateway, options.state.config, logger, { model: options.state.model, plans: options.state.plans, now: options.now, engineState });
  // The Customer health card draws the store's daily snapshots (property history until there are some).
  wiring.deps.snapshots = store.snapshots;
  // My objectives shows the department and company levels from the sync's period statements.
  wiring.deps.statements = store.statements;

  const queue = new PgBossQueue({ connection: options.databaseUrl ? { connectionString: options.databaseUrl } : { database: store.database, engine: store.engine }, policies: options.queuePolicies });
  let worker: RunningWorker | undefined;
  worker = await startWorker({
    queue,
    handlers: syncJobHandlers({ gateway, config: options.state.config, stateDir: options.stateDir, portalKey: options.portalKey, logger, now: options.now, engineState, store, portalContext: wiring.deps.portalContext }),
    fullSyncCron: options.fullSyncCron ?? null,
    logger,
  });
  const sink = new WebhookJobSink(queue, (error, events) => logger.error({ err: error instanceof Error ? error.message : String(error), events }, 'webhook changes could not be queued'));

  const owners = async () => (await wiring.deps.portalContext()).owners;
  const viewerOf = (res: express.Response) => res.locals.viewer as { userId?: number; email?: string; ownerId?: string } | undefined;
  const settings = createSettingsRouter({
    store,
    owners,
    now: options.now,
    callerOf: (_req, res) => {
      const viewer = viewerOf(res);
      return viewer?.userId === undefined ? undefined : { userId: String(viewer.userId), ...(viewer.email ? { email: viewer.email } : {}) };
    },
  });

  // The app pages answer from the store: the viewer from the cached portal context, their scope's company records, no portal read.
  const pages = express.Router();
  pages.get('/portfolio', (_req, res, next) => {
    (async () => {
      const state = await engineState();
      const { answer } = await portfolioPageFromStore({ store, portalContext: wiring.deps.portalContext, state: { ...state, plans: state.plans ?? wiring.deps.plans }, asOf: wiring.deps.now(), userId: viewerOf(res)?.userId });
      res.status(answer.status === 'error' ? (answer.code === 'FORBIDDEN' ? 403 : 500) : 200).json({ ...answer, versions: { settings: state.settingsVersion, model: state.modelVersion } });
    })().catch(next);
  });

  const readme = () => {
    try {
      return readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    } catch {
      return 'cs-health: customer health, churn risk, retention and objectives inside HubSpot.';
    }
  };
  return {
    wiring,
    backend: {
      handlers: wiring.handlers,
      coalescer: sink,
      viewerRoutes: { settings, pages },
      publicPages: {
        '/docs': () => `<!doctype html><meta charset="utf-8"><title>cs-health documentation</title><pre style="white-space:pre-wrap;max-width:100ch">${escapeHtml(readme())}</pre>`,
        '/support': () =>
          '<!doctype html><meta charset="utf-8"><title>cs-health support</title><h1>cs-health support</h1><p>Your portal\'s cs-health is run by your HubSpot admin: ask them first. Admins: the backend\'s health is at <a href="/healthz">/healthz</a>; failed jobs are listed by <code>cs-health worker --dead-letters</code>; the <a href="/docs">documentation</a> explains every figure.</p>',
      },
    },
    async stop() {
      await worker?.stop({ timeoutMs: 30_000 });
      worker = undefined;
    },
  };
}
