import { redactUrlCredentials } from '../redaction/redact-url-credentials';
import { CliError } from './cli-error';
import { EXIT_CODES } from './exit-codes';

const RETRYABLE = new Set(['RATE_LIMITED', 'SERVER_ERROR', 'NETWORK']);

/**
 * Runs HubSpot calls against `baseUrl` and turns the failures a person can act on into one line
 * that says what to do: an unreachable URL names the URL; a transient failure of a resumable run
 * says progress is kept. A refused token (401) keeps HubSpotError's own words; the daily limit has its own exit code.
 */
export async function withHubSpotAt<T>(baseUrl: string, work: () => Promise<T>, options: { resumable?: boolean } = {}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = error as { name?: unknown; code?: unknown; message?: unknown };
    if (failure.name !== 'HubSpotError') throw error;
    const url = redactUrlCredentials(baseUrl);
    if (failure.code === 'NETWORK') {
      // "HubSpot <kind>: network failure (<reason>) (gave up after 5 attempts)": keep the reason and the attempts.
      const reason = /network failure \((.*)\)$/.exec(String(failure.message))?.[1] ?? String(failure.message);
      throw new CliError(`cannot reach HubSpot at ${url} (${reason}): start the sandbox with "cs-health sandbox" or pass the right --base-url`, undefined, 'NETWORK');
    }
    if (failure.code === 'DAILY_LIMIT') {
      const keep = options.resumable ? ' (progress is kept: run the same command again then to resume)' : '';
      throw new CliError(`${String(failure.message)}${keep}`, EXIT_CODES.dailyLimit, 'DAILY_LIMIT');
    }
    if (options.resumable && RETRYABLE.has(String(failure.code))) throw new CliError(`${String(failure.message)} (progress is kept: run the same command again to resume)`, undefined, String(failure.code));
    throw error;
  }
}
