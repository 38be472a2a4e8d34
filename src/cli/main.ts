import { createProgram, runProgram } from './cli-program';
import { registerDbCommand } from './commands/db-command';
import { registerSandboxCommand } from './commands/sandbox-command';
import { registerServeCommand } from './commands/serve-command';
import { registerSettingsCommand } from './commands/settings-command';
import { registerSetupCommand } from './commands/setup-command';
import { registerStartCommand } from './commands/start-command';
import { registerSyncCommand } from './commands/sync-command';
import { registerWorkerCommand } from './commands/worker-command';

/**
 * The `cs-health` command line: each command registers its flags from its own file under
 * `commands/` and loads its work only when it runs, so `--help` and `--version` start fast.
 * One registration line per command.
 */
const program = createProgram(process.argv);

registerSandboxCommand(program);
registerSetupCommand(program);
registerSyncCommand(program);
registerStartCommand(program);
registerServeCommand(program);
registerWorkerCommand(program);
registerDbCommand(program);
registerSettingsCommand(program);

void runProgram(program, process.argv);
