import { CARD_HANDLERS } from '../../app/backend-handlers';
import { startBackendRuntime } from '../../app/backend-runtime';
import { createHubSpotGateway } from '../../hubspot';
import { createLogger } from '../../logging/logger';
import { createBackend } from '../../server/create-backend';
import { closeGracefully } from '../../server/graceful-shutdown';
import { CliError } from '../cli-error';
import type { CommandResult } from '../command-runner';
import { openEngineSession } from '../engine-session';
import { listen } from '../listen';
import { stopOnSignals } from '../stop-on-signals';
import { parseFlags } from '../parse-flags';
import { serveFlags, serveSecrets } from './serve-flags';

/** Starts the backend and returns once it listens; SIGINT/SIGTERM finish requests and pending recomputes, then exit. */
export async function runServe(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const flags = parseFlags(serveFlags, raw);
  const secrets = parseFlags(serveSecrets, env);
  // The store every surface reads (DATABASE_URL, else embedded in <state-dir>/db); --config updates it.
  const session = await openEngineSession({ stateDir: flags.stateDir, configFile: flags.config });
  // With --json, stdout carries only the envelope: the service's JSON log lines go to stderr.
  const logger = createLogger(flags.json ? { destination: process.stderr } : {});
  const gateway = createHubSpotGateway({ basePath: flags.baseUrl, accessToken: secrets.HUBSPOT_ACCESS_TOKEN });
  const runtime = await startBackendRuntime({ gateway, store: session.store, state: session.state, logger, stateDir: flags.stateDir, portalKey: flags.baseUrl, databaseUrl: process.env.DATABASE_URL || undefined, fullSyncCron: '0 3 * * *' });
  const app = createBackend({ clientSecret: secrets.HUBSPOT_CLIENT_SECRET, publicBaseUrl: flags.publicUrl, portalId: flags.portalId, ...runtime.backend, logger, cards: Object.keys(CARD_HANDLERS) });
  const server = await listen(app, flags.port, undefined).catch(async (error: unknown) => {
    await runtime.stop();
    await session.close();
    await gateway.close();
    throw error instanceof CliError ? new CliError(`${error.message}; pick another with --port`, undefined, error.code) : error;
  });
  const port = (server.address() as { port: number }).port;
  logger.info({ port }, 'cs-health backend listening');
  stopOnSignals(async () => {
    await closeGracefully(server);
    await runtime.stop();
    await session.close();
    await gateway.close();
  }, flags.json);
  return { figures: { port, publicUrl: flags.publicUrl }, text: `cs-health backend listening on port ${port}` };
}
