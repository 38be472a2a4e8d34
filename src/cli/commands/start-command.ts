import type { Command } from 'commander';
import { runCommand } from '../command-runner';
import { DEFAULTS, JSON_FLAG_HELP } from '../defaults';

/** `cs-health start` (what `npm start` runs). */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the main job on the bundled sandbox: demo portal, setup, full sync, then the local preview of the cards')
    .option('--port <n>', 'preview and backend port', DEFAULTS.previewPort)
    .option('--sandbox-port <n>', 'sandbox portal port', DEFAULTS.sandboxPort)
    .option('--companies <n>', 'demo companies', DEFAULTS.companies)
    .option('--seed <n>', 'demo data seed', DEFAULTS.seed)
    .option('--config <file>', 'engine configuration (JSON; the README lists its defaults)')
    .option('--json', JSON_FLAG_HELP)
    .action((raw: Record<string, unknown>) =>
      runCommand('start', raw.json === true, async () => {
        // Flags are validated, and the work loaded, on use, so `--help` does not pay for the sandbox, the sync and the preview.
        const { runStart } = require('./start-action') as typeof import('./start-action');
        return runStart(raw);
      }),
    );
}
