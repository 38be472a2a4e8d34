import type { Command } from 'commander';
import { runCommand } from '../command-runner';
import { DEFAULTS, JSON_FLAG_HELP, TOKEN_HELP } from '../defaults';

/** `cs-health setup`: creates the customer_success property group and properties, idempotently. */
export function registerSetupCommand(program: Command): void {
  program
    .command('setup')
    .description('create the cs-health properties (group customer_success) on companies and deals; safe to run twice')
    .option('--base-url <url>', 'HubSpot API base URL', DEFAULTS.baseUrl)
    .option('--json', JSON_FLAG_HELP)
    .addHelpText('after', TOKEN_HELP)
    .action((raw: Record<string, unknown>) =>
      runCommand('setup', raw.json === true, async () => {
        // Flags are validated, and the work loaded, on use, so `--help` does not pay for the HubSpot client.
        const { runSetup } = require('./setup-action') as typeof import('./setup-action');
        return runSetup(raw);
      }),
    );
}
