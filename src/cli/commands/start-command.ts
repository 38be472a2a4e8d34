import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import express from 'express';
import { z } from 'zod';
import { CARD_HANDLERS, wireBackend } from '../../app/backend-handlers';
import { createHubSpotGateway, describeSetup, ensureCsProperties } from '../../hubspot';
import { createLogger } from '../../logging/logger';
import { previewRoutes } from '../../preview/preview-routes';
import { loadDemoGenerator } from '../../sandbox/demo-seed';
import { DEMO_MANAGER_OWNER_IDS } from '../../sandbox/demo/generate-demo-portal';
import { loadPlans } from '../../domain/objectives/plan-schema';
import { startSandbox } from '../../sandbox/server';
import { createBackend } from '../../server/create-backend';
import { closeGracefully } from '../../server/graceful-shutdown';
import { runFullSync } from '../../sync/full-sync';
import { loadConfigFile } from '../load-config-file';
import { parseFlags } from '../parse-flags';
import { createSyncProgress } from '../sync-progress';

const startFlags = z.object({
  port: z.coerce.number().int().min(0).max(65_535, '--port must be a port number'),
  sandboxPort: z.coerce.number().int().min(0).max(65_535, '--sandbox-port must be a port number'),
  companies: z.coerce.number().int().min(1, '--companies must be at least 1').max(100_000, '--companies must be at most 100000'),
  seed: z.coerce.number().int({ message: '--seed must be a whole number' }),
  config: z.string().optional(),
});

export interface RunningDemo {
  previewUrl: string;
  sandboxUrl: string;
  stop(): Promise<void>;
}

/**
 * The main job on the bundled sandbox: a demo portal, the cs-health properties, a full sync, then
 * the backend and the local preview of the cards and the app home.
 */
export async function startDemo(options: z.infer<typeof startFlags>, output: { log?: (line: string) => void; progress?: 'bar' | 'lines' | 'silent' } = {}): Promise<RunningDemo> {
  const log = output.log ?? console.error;
  const config = loadConfigFile(options.config);
  const generate = loadDemoGenerator();
  const asOf = new Date();
  const token = 'sandbox-demo-token';
  const sandbox = await startSandbox({ port: options.sandboxPort, token, seed: (sink) => generate({ companies: options.companies, seed: options.seed, asOf }, sink) });
  log(`sandbox portal with ${options.companies} demo companies at ${sandbox.url}`);
  const gateway = createHubSpotGateway({ basePath: sandbox.url, accessToken: token, budget: { perTenSeconds: 10_000, searchPerSecond: 100 } });
  log(describeSetup(await ensureCsProperties(gateway)));
  const state = mkdtempSync(join(tmpdir(), 'cs-health-demo-'));
  const progress = createSyncProgress(output.progress ?? (process.stderr.isTTY ? 'bar' : 'lines'));
  const summary = await runFullSync({ gateway, config, checkpointPath: join(state, 'checkpoint.jsonl'), modelPath: join(state, 'model.json'), runKey: 'demo', now: () => asOf, onProgress: (p) => progress.update(p) }).finally(() => progress.stop());
  log(`synced ${summary.companiesRead} companies in ${summary.apiCallsTotal} API calls; churn risk: ${summary.churnModel.kind === 'fitted' ? `model fitted (AUC ${summary.churnModel.auc?.toFixed(2)})` : summary.churnModel.note}`);

  const logger = createLogger({ level: 'warn' });
  // The demo's CS manager sees the team's objectives; the plan period is the current quarter.
  const quarter = Math.floor(asOf.getUTCMonth() / 3) * 3;
  const plans = loadPlans({ period: { start: new Date(Date.UTC(asOf.getUTCFullYear(), quarter, 1)), end: new Date(Date.UTC(asOf.getUTCFullYear(), quarter + 3, 1) - 1) }, managers: DEMO_MANAGER_OWNER_IDS });
  const wiring = wireBackend(gateway, config, logger, { plans });
  const app = express();
  app.use(previewRoutes(wiring.deps));
  // The HubSpot-facing routes, as deployed; locally the preview calls the same handlers directly.
  app.use(createBackend({ clientSecret: process.env.HUBSPOT_CLIENT_SECRET ?? 'local-preview-secret', publicBaseUrl: `http://127.0.0.1:${options.port}`, handlers: wiring.handlers, coalescer: wiring.coalescer, logger, cards: Object.keys(CARD_HANDLERS) }));
  const server = app.listen(options.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new Error(`port ${options.port} is already in use`) : error));
  });
  const port = (server.address() as { port: number }).port;
  return {
    previewUrl: `http://127.0.0.1:${port}`,
    sandboxUrl: sandbox.url,
    async stop() {
      await wiring.coalescer.flush();
      await closeGracefully(server);
      await gateway.close();
      await sandbox.close();
    },
  };
}

/** `cs-health start` (what `npm start` runs). */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the main job on the bundled sandbox: demo portal, setup, full sync, then the local preview of the cards')
    .option('--port <n>', 'preview and backend port', '4020')
    .option('--sandbox-port <n>', 'sandbox portal port', '4010')
    .option('--companies <n>', 'demo companies', '200')
    .option('--seed <n>', 'demo data seed', '42')
    .option('--config <file>', 'engine configuration (JSON)')
    .action(async (raw: Record<string, unknown>) => {
      const demo = await startDemo(parseFlags(startFlags, raw));
      console.log(`cs-health preview: ${demo.previewUrl}  (portfolio; a company's card at ${demo.previewUrl}/companies/<id>)`);
      console.log('press Ctrl+C to stop');
      const stop = () => {
        void demo.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
