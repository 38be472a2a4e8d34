import { EXIT_CODES, type ExitCode } from './exit-codes';

/**
 * A failure the CLI explains itself: the message is the one line a person reads (it names the flag,
 * the file or the URL and what to do), the code is the `error.code` of the `--json` envelope.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT_CODES.failure,
    readonly code: string = exitCode === EXIT_CODES.usage ? 'USAGE' : 'FAILED',
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A wrong command line (exit code 2). */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_CODES.usage, 'USAGE');
}
