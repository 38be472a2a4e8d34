import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { redactObject } from '../logging/redact-secrets';

/** The id a request is known by in the logs and in its error answer, so support can find one from the other. */
export const correlationIdOf = (res: Response): string => {
  res.locals.correlationId ??= randomUUID();
  return res.locals.correlationId as string;
};

/**
 * One log line per request once it is answered: method, path (never the query, which holds the
 * viewer's email), status, duration and headers. Headers are redacted here as well as by the
 * logger, so the backend keeps signatures out of logs even with a logger that does not redact.
 */
export function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const correlationId = correlationIdOf(res);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { correlationId, req: { method: req.method, path: req.path, headers: redactObject(req.headers) }, res: { status: res.statusCode }, ms: Math.round(ms * 10) / 10 },
        'request answered',
      );
    });
    next();
  };
}
