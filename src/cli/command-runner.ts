import { redactUrlCredentials } from '../redaction/redact-url-credentials';
import { describeFailure, redactOutput } from './describe-failure';
import { EXIT_CODES } from './exit-codes';

/** What a command hands back: its figures (for `--json`) and the text a person reads. */
export interface CommandResult {
  figures: Record<string, unknown>;
  text?: string;
  /** The run finished but did not succeed (e.g. HubSpot rejected writes): `ok: false`, exit code 1. */
  failure?: string;
}

/**
 * The one `--json` shape of every command: `command`, `ok`, the command's figures, `durationMs`,
 * and on failure `error: { message, code }`. Commands that keep running (sandbox, serve, start)
 * print it once, when they are ready.
 */
export interface Envelope {
  command: string;
  ok: boolean;
  durationMs: number;
  error?: { message: string; code: string };
  [figure: string]: unknown;
}

export function envelope(command: string, ok: boolean, figures: Record<string, unknown>, durationMs: number, error?: Envelope['error']): Envelope {
  // command and ok first for a reader; a figure can never overwrite the envelope's own fields.
  return Object.assign({ command, ok }, figures, { command, ok, durationMs }, error ? { error } : {});
}

/** Prints an envelope as one JSON line on stdout, with credentials and secrets removed. */
export function printEnvelope(value: Envelope): void {
  process.stdout.write(`${redactOutput(JSON.stringify(value))}\n`);
}

/**
 * Runs a command's body and reports it in one place: text or the envelope, the exit code (see
 * exit-codes.ts), one line on stderr for a failure, never a stack. A thrown failure ends the
 * process at once, since a half-started command may hold servers open.
 */
export async function runCommand(command: string, json: boolean, body: () => Promise<CommandResult>): Promise<void> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let result: CommandResult;
  try {
    result = await body();
  } catch (error) {
    const failure = describeFailure(error);
    if (json) printEnvelope(envelope(command, false, {}, elapsed(), { message: failure.message, code: failure.code }));
    else process.stderr.write(`cs-health: ${failure.message}\n`);
    process.exit(failure.exitCode);
  }
  if (json) printEnvelope(envelope(command, !result.failure, result.figures, elapsed(), result.failure ? { message: redactOutput(result.failure), code: 'FAILED' } : undefined));
  // The text is the command's own words (a sandbox's usage hint quotes its token on purpose); only URL credentials go.
  else if (result.text) process.stdout.write(`${redactUrlCredentials(result.text)}\n`);
  if (result.failure) {
    if (!json) process.stderr.write(`cs-health: ${redactOutput(result.failure)}\n`);
    process.exitCode = EXIT_CODES.failure;
  }
}
