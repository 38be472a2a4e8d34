import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { CardViewer } from '../app/card-request';
import type { CardResponse } from '../views/card-response';
import { webhookEventSchema, type ChangeCoalescer } from './change-coalescer';
import { verifySignatureV3 } from './hubspot-signature-v3';

export interface BackendHandlers {
  /** A card render or action requested through hubspot.fetch. */
  card(name: string, input: unknown, viewer: CardViewer): Promise<CardResponse<unknown>>;
  /** The workflow action: recompute one company now and return the fields workflows branch on. */
  recomputeHealth(companyId: string): Promise<{ score: number; band: string; churn_risk: string } | undefined>;
}

export interface BackendOptions {
  clientSecret: string;
  /** The public https base URL HubSpot calls (the signature covers it, not the Host header seen behind a proxy). */
  publicBaseUrl: string;
  /** When set, requests for another portal are refused. */
  portalId?: number;
  handlers: BackendHandlers;
  coalescer: ChangeCoalescer;
  logger: Logger;
  bodyLimit?: string;
  now?: () => number;
  cards: readonly string[];
}

type RawRequest = Request & { rawBody?: string };

/** The card's own error codes as HTTP statuses, so clients and logs see a 4xx for a bad request. */
const CARD_ERROR_STATUS = { BAD_REQUEST: 400, NOT_FOUND: 404, FORBIDDEN: 403, UNAVAILABLE: 503, INTERNAL: 500 } as const;

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly issues?: string[]) {
    super(message);
  }
}

const workflowActionSchema = z
  .object({
    callbackId: z.string().min(1),
    object: z.object({ objectId: z.union([z.number(), z.string()]).transform(String).refine((id) => /^\d{1,19}$/.test(id), { message: 'object.objectId must be a numeric id' }), objectType: z.string() }),
    origin: z.object({ portalId: z.coerce.number() }).loose().optional(),
    inputFields: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

const issuesOf = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);

/**
 * The express backend HubSpot calls: cards through hubspot.fetch, the workflow action and the
 * webhooks. Every HubSpot route checks X-HubSpot-Signature-v3 on the raw body before anything else;
 * every body is validated; errors answer one JSON shape and never a stack or a secret.
 */
export function createBackend(options: BackendOptions): express.Express {
  const now = options.now ?? Date.now;
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: options.bodyLimit ?? '1mb', type: () => true, verify: (req, _res, buf) => ((req as RawRequest).rawBody = buf.toString('utf8')) }));

  const signed = (req: RawRequest, _res: Response, next: NextFunction) => {
    const verdict = verifySignatureV3(
      options.clientSecret,
      {
        method: req.method,
        url: `${options.publicBaseUrl.replace(/\/$/, '')}${req.originalUrl}`,
        body: req.rawBody ?? '',
        timestamp: req.header('x-hubspot-request-timestamp'),
        signature: req.header('x-hubspot-signature-v3'),
      },
      now(),
    );
    if (!verdict.valid) return next(new HttpError(401, 'UNAUTHORIZED', { missing: 'the request is not signed by HubSpot', stale: 'the request signature is older than 5 minutes', mismatch: 'the request signature does not match' }[verdict.reason]));
    next();
  };

  const samePortal = (portalId: number | undefined) => {
    if (options.portalId !== undefined && portalId !== undefined && portalId !== options.portalId) throw new HttpError(403, 'FORBIDDEN', 'this backend serves another HubSpot portal');
  };

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', pendingChanges: options.coalescer.pending });
  });

  app.post('/hubspot/cards/:card', signed, async (req, res, next) => {
    try {
      const card = String(req.params.card);
      if (!options.cards.includes(card)) throw new HttpError(404, 'NOT_FOUND', `unknown card "${card}"`);
      const query = z.object({ userId: z.coerce.number().optional(), userEmail: z.string().optional(), portalId: z.coerce.number().optional() }).safeParse(req.query);
      if (!query.success) throw new HttpError(400, 'BAD_REQUEST', 'invalid request context', issuesOf(query.error));
      samePortal(query.data.portalId);
      const answer = await options.handlers.card(card, req.body, { userId: query.data.userId, email: query.data.userEmail, portalId: query.data.portalId });
      res.status(answer.status === 'error' ? CARD_ERROR_STATUS[answer.code] : 200).json(answer);
    } catch (error) {
      next(error);
    }
  });

  app.post('/hubspot/workflow-actions/recompute-health', signed, async (req, res, next) => {
    try {
      const body = workflowActionSchema.safeParse(req.body);
      if (!body.success) throw new HttpError(400, 'BAD_REQUEST', 'invalid workflow action request', issuesOf(body.error));
      samePortal(body.data.origin?.portalId);
      if (!/^(COMPANY|0-2|companies)$/i.test(body.data.object.objectType)) throw new HttpError(400, 'BAD_REQUEST', 'object.objectType: the action runs on companies');
      const outputFields = await options.handlers.recomputeHealth(body.data.object.objectId);
      if (!outputFields) throw new HttpError(404, 'NOT_FOUND', `company ${body.data.object.objectId} was not found`);
      res.json({ outputFields });
    } catch (error) {
      next(error);
    }
  });

  app.post('/hubspot/webhooks', signed, (req, res, next) => {
    const events = z.array(webhookEventSchema).max(1000).safeParse(req.body);
    if (!events.success) return next(new HttpError(400, 'BAD_REQUEST', 'invalid webhook batch', issuesOf(events.error)));
    try {
      for (const event of events.data) samePortal(event.portalId);
    } catch (error) {
      return next(error);
    }
    options.coalescer.add(events.data);
    // HubSpot retries slow answers: acknowledge at once, recompute in the background.
    res.status(204).end();
  });

  app.use((_req, _res, next) => next(new HttpError(404, 'NOT_FOUND', 'no such route')));

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const correlationId = randomUUID();
    let http: HttpError;
    if (error instanceof HttpError) http = error;
    else if (isBodyError(error, 'entity.parse.failed')) http = new HttpError(400, 'BAD_REQUEST', 'the body is not valid JSON');
    else if (isBodyError(error, 'entity.too.large')) http = new HttpError(413, 'PAYLOAD_TOO_LARGE', `the body is larger than ${options.bodyLimit ?? '1mb'}`);
    else {
      options.logger.error({ correlationId, path: req.path, err: error instanceof Error ? { message: error.message } : String(error) }, 'request failed');
      http = new HttpError(500, 'INTERNAL', 'the request failed; it has been logged');
    }
    if (http.status < 500) options.logger.warn({ correlationId, path: req.path, status: http.status, code: http.code }, http.message);
    res.status(http.status).json({ status: 'error', code: http.code, message: http.message, ...(http.issues ? { issues: http.issues } : {}), correlationId });
  });
  return app;
}

const isBodyError = (error: unknown, type: string) => typeof error === 'object' && error !== null && (error as { type?: string }).type === type;
