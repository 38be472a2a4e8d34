import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { CARD_HANDLERS } from '../../app/backend-handlers';
import { startBackendRuntime } from '../../app/backend-runtime';
import { createHubSpotGateway, describeSetup, ensureCsProperties, PortalContextCache } from '../../hubspot';
import { createLogger } from '../../logging/logger';
import { previewRoutes } from '../../preview/preview-routes';
import { engineStateFrom } from '../../app/engine-state';
import { DEMO_MANAGER_OWNER_IDS, generateDemoPortal } from '../../sandbox/demo/generate-demo-portal';
import { PortInUseError, startSandbox, type RunningSandbox } from '../../sandbox/server';
import { createBackend } from '../../server/create-backend';
import { closeGracefully } from '../../server/graceful-shutdown';
import { runFullSync, type SyncSummary } from '../../sync/full-sync';
import { statementsAfterFullSync } from '../../statements/after-full-sync';
import { CliError } from '../cli-error';
import type { CommandResult } from '../command-runner';
import { listen } from '../listen';
import { cliActor, openEngineSession } from '../engine-session';
import { stopOnSignals } from '../stop-on-signals';
import { createSyncProgress } from '../sync-progress';
import { parseFlags } from '../parse-flags';
import { startFlags, type StartFlags } from './start-flags';

/** The demo CS manager's HubSpot user id (owner 70100's user): admin of the demo's settings. */
const DEMO_ADMIN_USER_ID = '70100';

export interface RunningDemo {
  previewUrl: string;
  sandboxUrl: string;
  sync: SyncSummary;
  stop(): Promise<void>;
}

/**
 * The main job on the bundled sandbox: a demo portal, the cs-health properties, a full sync, then
 * the backend and the local preview of the cards and the app home. Whatever started is stopped
 * again when a later step fails (a busy port), so the process can exit.
 */
export async function startDemo(options: StartFlags, output: { log?: (line: string) => void; progress?: 'bar' | 'lines' | 'silent' } = {}): Promise<RunningDemo> {
  const log = output.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const asOf = new Date();
  const token = 'sandbox-demo-token';
  const sandbox: RunningSandbox = await startSandbox({ port: options.sandboxPort, token, seed: (sink) => void generateDemoPortal({ companies: options.companies, seed: options.seed, asOf }, sink) }).catch((error: unknown) => {
    throw error instanceof PortInUseError ? new CliError(`sandbox port ${error.port} is already in use; pick another with --sandbox-port`, undefined, 'PORT_IN_USE') : error;
  });
  const gateway = createHubSpotGateway({ basePath: sandbox.url, accessToken: token, budget: { perTenSeconds: 10_000, searchPerSecond: 100 } });
  const closers: (() => Promise<void>)[] = [];
  try {
    log(`sandbox portal with ${options.companies} demo companies at ${sandbox.url}`);
    log(describeSetup(await ensureCsProperties(gateway)));
    const state = mkdtempSync(join(tmpdir(), 'cs-health-demo-'));
    // The demo's own store (embedded, in the temporary state folder): its settings name the demo's
    // CS manager (owner and HubSpot user 70100) as manager and admin, for the current quarter.
    const session = await openEngineSession({ stateDir: state, configFile: options.config, now: asOf });
    closers.push(() => session.close());
    const quarter = Math.floor(asOf.getUTCMonth() / 3) * 3;
    const current = await session.store.settings.current();
    await session.store.settings.save(
      {
        engine: current?.document.engine ?? {},
        plans: { period: { start: new Date(Date.UTC(asOf.getUTCFullYear(), quarter, 1)).toISOString(), end: new Date(Date.UTC(asOf.getUTCFullYear(), quarter + 3, 1) - 1).toISOString() }, managers: [...DEMO_MANAGER_OWNER_IDS] },
        admins: [DEMO_ADMIN_USER_ID],
      },
      cliActor(),
      asOf,
    );
    const engine = await engineStateFrom(session.store, { ttlMs: 0 })();
    const progress = createSyncProgress(output.progress ?? (process.stderr.isTTY ? 'bar' : 'lines'));
    const contexts = new PortalContextCache(gateway);
    const summary = await runFullSync({ portalContext: () => contexts.get(), gateway, config: engine.config, checkpointPath: join(state, 'checkpoint.jsonl'), modelPath: join(state, 'model.json'), runKey: 'demo', now: () => asOf, onProgress: (p) => progress.update(p), store: session.store, settingsVersion: engine.settingsVersion }).finally(() => progress.stop());
    log(`synced ${summary.companiesRead} companies in ${summary.apiCallsTotal} API calls; churn risk: ${summary.churnModel.kind === 'fitted' ? `model fitted (AUC ${summary.churnModel.auc?.toFixed(2)})` : summary.churnModel.note}`);
    await statementsAfterFullSync({ store: session.store, context: await contexts.get(), asOf });

    const logger = createLogger({ level: 'warn' });
    const runtime = await startBackendRuntime({ gateway, store: session.store, state: await engineStateFrom(session.store, { ttlMs: 0 })(), logger, stateDir: state, portalKey: 'demo', now: () => asOf });
    closers.push(() => runtime.stop());
    const { wiring } = runtime;
    const app = express();
    app.use(previewRoutes(wiring.deps, session.store));
    // The HubSpot-facing routes, as deployed; locally the preview calls the same handlers directly.
    app.use(createBackend({ clientSecret: process.env.HUBSPOT_CLIENT_SECRET ?? 'local-preview-secret', publicBaseUrl: `http://127.0.0.1:${options.port}`, ...runtime.backend, logger, cards: Object.keys(CARD_HANDLERS) }));
    const server = await listen(app, options.port, '127.0.0.1').catch((error: unknown) => {
      throw error instanceof CliError ? new CliError(`${error.message}; pick another with --port`, undefined, error.code) : error;
    });
    const port = (server.address() as { port: number }).port;
    return {
      previewUrl: `http://127.0.0.1:${port}`,
      sandboxUrl: sandbox.url,
      sync: summary,
      async stop() {
        await closeGracefully(server);
        for (const close of closers.reverse()) await close();
        await gateway.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await gateway.close();
    await sandbox.close();
    throw error;
  }
}

export async function runStart(raw: Record<string, unknown>): Promise<CommandResult> {
  const flags = parseFlags(startFlags, raw);
  const demo = await startDemo(flags, { progress: flags.json ? 'silent' : undefined });
  stopOnSignals(() => demo.stop(), flags.json);
  return {
    figures: { previewUrl: demo.previewUrl, sandboxUrl: demo.sandboxUrl, companiesRead: demo.sync.companiesRead, apiCallsTotal: demo.sync.apiCallsTotal },
    text: `cs-health preview: ${demo.previewUrl}  (portfolio; a company's card at ${demo.previewUrl}/companies/<id>)\npress Ctrl+C to stop`,
  };
}
