import pino, { type Logger } from 'pino';
import { REDACTED, redactObject, redactText } from './redact-secrets';

export { redactObject, redactText } from './redact-secrets';

/** Paths pino censors itself, before our own pass (belt and braces for the usual request shapes). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hubspot-signature"]',
  'req.headers["x-hubspot-signature-v3"]',
  'headers.authorization',
  'headers["x-hubspot-signature"]',
  'headers["x-hubspot-signature-v3"]',
  'accessToken',
  'clientSecret',
  'token',
  'PRIVATE_APP_ACCESS_TOKEN',
  '*.accessToken',
  '*.clientSecret',
  '*.token',
  '*.PRIVATE_APP_ACCESS_TOKEN',
];

export interface LoggerOptions {
  level?: string;
  destination?: NodeJS.WritableStream;
  /**
   * Secrets this process holds (access token, client secret): removed from every log line even
   * where neither their key nor their shape gives them away.
   */
  secrets?: readonly (string | undefined)[];
}

/**
 * The service logger: JSON lines; secrets censored by key at any depth, by shape in any string
 * (`pat-…` tokens, bearer values) and by value for the secrets this process was given.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const known = [process.env.PRIVATE_APP_ACCESS_TOKEN, process.env.HUBSPOT_ACCESS_TOKEN, process.env.HUBSPOT_CLIENT_SECRET, ...(options.secrets ?? [])].filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= 6,
  );
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactText(arg, known) : arg)) as Parameters<typeof method>);
        },
      },
      formatters: { log: (object) => redactObject(object, known) as Record<string, unknown> },
    },
    (options.destination ?? process.stdout) as pino.DestinationStream,
  );
}
