import { Command } from 'commander';
import { registerDbCommand } from './commands/db-command';
import { registerSandboxCommand } from './commands/sandbox-command';
import { registerServeCommand } from './commands/serve-command';
import { registerSettingsCommand } from './commands/settings-command';
import { registerSetupCommand } from './commands/setup-command';
import { registerStartCommand } from './commands/start-command';
import { registerSyncCommand } from './commands/sync-command';

/** The `cs-health` command line: each sub-command lives in its own file under `commands/`. */
const program = new Command()
  .name('cs-health')
  .description('Customer Success health, churn risk, retention and objectives for HubSpot portals')
  .showHelpAfterError('(run with --help for usage)');

registerSandboxCommand(program);
registerSetupCommand(program);
registerSyncCommand(program);
registerStartCommand(program);
registerServeCommand(program);
registerDbCommand(program);
registerSettingsCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  // Errors reaching this point are the user's to read: one line, no stack.
  console.error(`cs-health: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
