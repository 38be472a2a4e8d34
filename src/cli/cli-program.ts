import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { envelope, printEnvelope } from './command-runner';
import { describeFailure } from './describe-failure';
import { EXIT_CODES } from './exit-codes';

/**
 * The `cs-health` program before its commands are registered. Usage errors are caught (exit code
 * 2); with `--json` anywhere on the line commander's own error text is held back and the failure
 * comes out as the envelope instead, so stdout stays one JSON document.
 */
export function createProgram(argv: readonly string[]): Command {
  const json = argv.includes('--json');
  return new Command()
    .name('cs-health')
    .description('Customer Success health, churn risk, retention and objectives for HubSpot portals')
    .version(version, '-v, --version', 'print the version and exit')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => (json ? undefined : process.stderr.write(text)) });
}

/** Parses the command line and runs the chosen command; maps commander's refusals to exit code 2. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  const started = performance.now();
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (!(error instanceof CommanderError)) {
      const failure = describeFailure(error);
      process.stderr.write(`cs-health: ${failure.message}\n`);
      process.exitCode = failure.exitCode;
      return;
    }
    // --help and --version end through exitOverride too, with exit code 0.
    if (error.exitCode === 0) return;
    if (argv.includes('--json')) {
      const command = argv.slice(2).find((arg) => !arg.startsWith('-')) ?? '';
      const message = error.code === 'commander.help' ? 'no command given; run cs-health --help' : error.message.replace(/^error: /, '');
      printEnvelope(envelope(command, false, {}, Math.round(performance.now() - started), { message, code: 'USAGE' }));
    }
    process.exitCode = EXIT_CODES.usage;
  }
}
