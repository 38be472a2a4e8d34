import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { CARD_HANDLERS, wireBackend } from '../../app/backend-handlers';
import { createHubSpotGateway } from '../../hubspot';
import { createLogger } from '../../logging/logger';
import { createBackend } from '../../server/create-backend';
import { closeGracefully } from '../../server/graceful-shutdown';
import { loadChurnModel } from '../../sync/model-store';
import { loadConfigFile } from '../load-config-file';
import { parseFlags } from '../parse-flags';

const serveFlags = z.object({
  port: z.coerce.number().int().min(0).max(65_535, '--port must be a port number'),
  baseUrl: z.url({ message: '--base-url must be a URL' }),
  publicUrl: z.url({ message: '--public-url must be the https URL HubSpot calls' }),
  portalId: z.coerce.number().int().positive('--portal-id must be the HubSpot portal id').optional(),
  config: z.string().optional(),
  stateDir: z.string().min(1),
});

const secrets = z.object({
  HUBSPOT_ACCESS_TOKEN: z.string({ error: 'HUBSPOT_ACCESS_TOKEN is not set (the private app access token)' }).min(1),
  HUBSPOT_CLIENT_SECRET: z.string({ error: 'HUBSPOT_CLIENT_SECRET is not set (the app client secret that signs requests)' }).min(1),
});

/** `cs-health serve`: the backend HubSpot calls (workflow action, webhooks, hubspot.fetch). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the backend HubSpot calls: the workflow action, the webhooks and card requests (signature-checked)')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--base-url <url>', 'HubSpot API base URL', 'https://api.hubapi.com')
    .requiredOption('--public-url <url>', 'the public https URL of this backend, as HubSpot calls it')
    .option('--portal-id <id>', 'refuse requests for any other portal')
    .option('--config <file>', 'engine configuration (JSON)')
    .option('--state-dir <dir>', 'where the last full sync left its fitted churn model', '.cs-health')
    .action(async (raw: Record<string, unknown>) => {
      const flags = { data: parseFlags(serveFlags, raw) };
      const env = { data: parseFlags(secrets, process.env) };
      const logger = createLogger();
      const gateway = createHubSpotGateway({ basePath: flags.data.baseUrl, accessToken: env.data.HUBSPOT_ACCESS_TOKEN });
      const wiring = wireBackend(gateway, loadConfigFile(flags.data.config), logger, { model: loadChurnModel(join(flags.data.stateDir, 'churn-model.json')) });
      const app = createBackend({ clientSecret: env.data.HUBSPOT_CLIENT_SECRET, publicBaseUrl: flags.data.publicUrl, portalId: flags.data.portalId, handlers: wiring.handlers, coalescer: wiring.coalescer, logger, cards: Object.keys(CARD_HANDLERS) });
      const server = app.listen(flags.data.port);
      server.once('error', (error: NodeJS.ErrnoException) => {
        console.error(`cs-health: ${error.code === 'EADDRINUSE' ? `port ${flags.data.port} is already in use` : error.message}`);
        process.exit(1);
      });
      server.once('listening', () => logger.info({ port: flags.data.port }, 'cs-health backend listening'));
      const stop = async () => {
        // Finish in-flight requests and the pending recomputes, then exit.
        await closeGracefully(server);
        await wiring.coalescer.flush();
        await gateway.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop());
      process.once('SIGINT', () => void stop());
    });
}
