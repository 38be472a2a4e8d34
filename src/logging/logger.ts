import pino, { type Logger } from 'pino';

/** Header and field names whose values are secrets: replaced before anything is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-hubspot-signature"]',
  'req.headers["x-hubspot-signature-v3"]',
  'headers.authorization',
  'headers["x-hubspot-signature-v3"]',
  '*.accessToken',
  '*.clientSecret',
  '*.token',
  '*.PRIVATE_APP_ACCESS_TOKEN',
  'accessToken',
  'clientSecret',
  'token',
];

/** HubSpot private app tokens (pat-<region>-<uuid>) and bearer values, wherever they appear in a message. */
const SECRET_PATTERN = /(pat-[a-z0-9]+-[0-9a-f-]{8,})|(Bearer\s+[A-Za-z0-9._~+/=-]+)/gi;

export const redactSecrets = (text: string): string => text.replace(SECRET_PATTERN, '[redacted]');

/**
 * The service logger: JSON lines, secrets redacted by path and by pattern, so a token never reaches
 * a log even inside an error message.
 */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg)) as Parameters<typeof method>);
        },
      },
      formatters: { log: (object) => JSON.parse(redactSecrets(JSON.stringify(object))) },
    },
    (options.destination ?? process.stdout) as pino.DestinationStream,
  );
}
