/**
 * Every default of the command line, in one place; commander prints each one once in `--help`
 * ("(default: …)"), so descriptions never repeat them.
 */
export const DEFAULTS = {
  /** The local sandbox portal `cs-health sandbox` serves. */
  baseUrl: 'http://127.0.0.1:4010',
  sandboxPort: '4010',
  previewPort: '4020',
  servePort: '8080',
  host: '127.0.0.1',
  stateDir: '.cs-health',
  companies: '200',
  seed: '42',
  tier: 'professional',
} as const;

/** The `--json` flag's help, the same on every command. */
export const JSON_FLAG_HELP = 'print one JSON envelope on stdout: command, ok, the figures, durationMs, error';

/** Where the token comes from, for the commands that call HubSpot. */
export const TOKEN_HELP = '\nThe token comes from HUBSPOT_ACCESS_TOKEN (a private app access token for a real portal; the sandbox takes any).';
