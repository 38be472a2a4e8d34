import type { Command } from 'commander';
import { runCommand } from '../command-runner';
import { DEFAULTS, JSON_FLAG_HELP } from '../defaults';

/** `cs-health serve`: the backend HubSpot calls (workflow action, webhooks, hubspot.fetch). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the backend HubSpot calls: the workflow action, the webhooks and card requests (signature-checked)')
    .option('--port <n>', 'port to listen on', DEFAULTS.servePort)
    .option('--base-url <url>', 'HubSpot API base URL', 'https://api.hubapi.com')
    .requiredOption('--public-url <url>', 'the public https URL of this backend, as HubSpot calls it')
    .option('--portal-id <id>', 'refuse requests for any other portal')
    .option('--config <file>', 'engine configuration (JSON; the README lists its defaults)')
    .option('--state-dir <dir>', 'where the last full sync left its fitted churn model', DEFAULTS.stateDir)
    .option('--json', JSON_FLAG_HELP)
    .addHelpText('after', '\nHUBSPOT_ACCESS_TOKEN (private app token) and HUBSPOT_CLIENT_SECRET (signs HubSpot\'s requests) must be set.')
    .action((raw: Record<string, unknown>) =>
      runCommand('serve', raw.json === true, async () => {
        // Flags are validated, and the work loaded, on use, so `--help` does not pay for express and the HubSpot client.
        const { runServe } = require('./serve-action') as typeof import('./serve-action');
        return runServe(raw, process.env);
      }),
    );
}
