import { redactText } from '../logging/redact-secrets';
import { redactUrlCredentials } from '../redaction/redact-url-credentials';
import { CliError } from './cli-error';
import { EXIT_CODES, type ExitCode } from './exit-codes';

export interface Failure {
  message: string;
  /** The `error.code` of the `--json` envelope. */
  code: string;
  exitCode: ExitCode;
}

/** Removes credentials in URLs and secret-looking values (tokens) from anything the CLI prints. */
export function redactOutput(text: string): string {
  return redactText(redactUrlCredentials(text));
}

/**
 * What the user reads, the envelope's code and the exit code for anything a command threw.
 * HubSpot errors are recognised by name and code so `--help` never loads the HubSpot client.
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof CliError) return { message: redactOutput(error.message), code: error.code, exitCode: error.exitCode };
  const named = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; code?: unknown; message?: unknown };
  const message = redactOutput(typeof named.message === 'string' ? named.message.split('\n')[0] : String(error));
  if (named.name === 'HubSpotError' && typeof named.code === 'string') {
    return { message, code: named.code, exitCode: named.code === 'DAILY_LIMIT' ? EXIT_CODES.dailyLimit : EXIT_CODES.failure };
  }
  if (named.name === 'ConfigError') return { message, code: 'CONFIG', exitCode: EXIT_CODES.usage };
  return { message, code: 'FAILED', exitCode: EXIT_CODES.failure };
}
