import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { redactObject } from '../logging/redact-secrets';
import { BackendError } from './backend-error';
import { CARD_NAME, callerQuerySchema, cardBodySchema, healthOutputFieldsSchema, isCompanyType, workflowActionSchema, type CardCaller, type HealthOutputFields } from './backend-schemas';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignatureV3, type SignatureFailure } from './hubspot-signature-v3';
import { correlationIdOf, requestLogging } from './request-logging';
import { webhookBatchSchema, type WebhookEvent } from './webhook-events';

export type { CardCaller, HealthOutputFields } from './backend-schemas';

/** What a card handler answers; the cards switch on `status`. */
export type CardAnswer = { status: 'ok'; view: unknown } | { status: 'empty'; message: string } | { status: 'error'; code: string; message: string };

/** The application behind the shell, injected: the backend only authenticates, validates and routes. */
export interface BackendHandlers {
  /** A card render or action requested through hubspot.fetch; `caller` comes from the signed query string. */
  card(name: string, input: { recordId: string } & Record<string, unknown>, caller: CardCaller): Promise<CardAnswer>;
  /** The workflow action: recompute one company now; undefined when the company does not exist. */
  recomputeHealth(companyId: string): Promise<HealthOutputFields | undefined>;
}

/** Where webhook events go (the change coalescer); `add` must return at once. */
export interface WebhookSink {
  add(events: readonly WebhookEvent[]): void;
  readonly pending?: number;
}

export interface BackendOptions {
  /** The app's client secret: the key of X-HubSpot-Signature-v3. */
  clientSecret: string;
  /** The public base URL HubSpot calls (https://host[/prefix]); the signature covers it, not the Host header a proxy rewrites. */
  publicBaseUrl: string;
  handlers: BackendHandlers;
  logger: Logger;
  /** Webhook events are handed here; without one the webhook route answers 404. */
  coalescer?: WebhookSink;
  /** When set, requests naming another portal are refused with 403. */
  portalId?: number;
  /** Card names served; when set, any other name answers 404 without reaching the handler. */
  cards?: readonly string[];
  /** HubSpot's own limit for hubspot.fetch is 1 MB. */
  bodyLimit?: string | number;
  now?: () => number;
}

/** The card's error codes as HTTP statuses, so clients and logs see a 4xx for a caller's mistake. */
const CARD_ERROR_STATUS: Record<string, number> = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, UNAVAILABLE: 503, INTERNAL: 500 };

const SIGNATURE_MESSAGES: Record<SignatureFailure, string> = {
  missing: 'the request is not signed by HubSpot (X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required)',
  stale: 'the request signature is older than 5 minutes or dated in the future',
  mismatch: 'the request signature does not match',
};

type BackendRequest = Request & { rawBody?: Buffer; json?: unknown };

/** Drops `__proto__` keys while parsing, so no body can reach an object's prototype further on. */
const parseJson = (text: string): unknown => JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));

/**
 * The express backend HubSpot calls: cards through hubspot.fetch, the workflow action and the
 * webhooks. Each HubSpot route reads the raw body (413 over the limit), checks the v3 signature on
 * it (401), parses JSON (400), validates with zod (400 naming the field), checks the portal (403),
 * and only then calls a handler. Every error answers one JSON shape, never a stack or a secret.
 *
 * Mount it before any body parser: the signature is computed over the raw bytes.
 */
export function createBackend(options: BackendOptions): express.Express {
  const now = options.now ?? Date.now;
  const bodyLimit = options.bodyLimit ?? '1mb';
  const publicBase = options.publicBaseUrl.replace(/\/+$/, '');
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(options.logger));

  const rawBody = express.raw({ type: () => true, limit: bodyLimit });

  const signed: RequestHandler = (req: BackendRequest, _res, next) => {
    req.rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verdict = verifySignatureV3(
      options.clientSecret,
      { method: req.method, url: `${publicBase}${req.originalUrl}`, body: req.rawBody, timestamp: req.header(TIMESTAMP_HEADER), signature: req.header(SIGNATURE_HEADER) },
      now(),
    );
    next(verdict.valid ? undefined : new BackendError('UNAUTHORIZED', SIGNATURE_MESSAGES[verdict.reason]));
  };

  const json: RequestHandler = (req: BackendRequest, _res, next) => {
    const text = req.rawBody?.toString('utf8') ?? '';
    if (text.trim() === '') return next(new BackendError('BAD_REQUEST', 'the body is empty; a JSON body is required'));
    try {
      req.json = parseJson(text);
      next();
    } catch {
      next(new BackendError('BAD_REQUEST', 'the body is not valid JSON'));
    }
  };

  const hubspot = [rawBody, signed, json];

  const samePortal = (portalId: number | undefined) => {
    if (options.portalId !== undefined && portalId !== undefined && portalId !== options.portalId) {
      throw new BackendError('FORBIDDEN', 'this backend serves another HubSpot portal');
    }
  };

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', pendingChanges: options.coalescer?.pending ?? 0 });
  });

  app.post('/hubspot/cards/:card', ...hubspot, async (req: BackendRequest, res: Response) => {
    const card = String(req.params.card);
    if (!CARD_NAME.test(card) || (options.cards && !options.cards.includes(card))) throw new BackendError('NOT_FOUND', 'no such card');
    const query = callerQuerySchema.safeParse(req.query);
    if (!query.success) throw BackendError.invalid('request context', query.error);
    samePortal(query.data.portalId);
    const body = cardBodySchema.safeParse(req.json);
    if (!body.success) throw BackendError.invalid('card request', body.error);
    const caller: CardCaller = { userId: query.data.userId, email: query.data.userEmail, portalId: query.data.portalId, appId: query.data.appId };
    const answer = await options.handlers.card(card, body.data, caller);
    const status = answer.status === 'error' ? (CARD_ERROR_STATUS[answer.code] ?? 500) : 200;
    res.status(status).json(answer.status === 'error' ? { ...answer, correlationId: correlationIdOf(res) } : answer);
  });

  app.post('/hubspot/workflow-actions/recompute-health', ...hubspot, async (req: BackendRequest, res: Response) => {
    const body = workflowActionSchema.safeParse(req.json);
    if (!body.success) throw BackendError.invalid('workflow action request', body.error);
    samePortal(body.data.origin.portalId);
    if (!isCompanyType(body.data.object.objectType)) throw new BackendError('BAD_REQUEST', 'object.objectType: the action runs on companies (COMPANY)');
    const outputFields = await options.handlers.recomputeHealth(body.data.object.objectId);
    if (!outputFields) throw new BackendError('NOT_FOUND', `company ${body.data.object.objectId} was not found`);
    const checked = healthOutputFieldsSchema.safeParse(outputFields);
    if (!checked.success) throw new Error(`recomputeHealth answered fields workflows cannot use: ${checked.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
    res.json({ outputFields: checked.data });
  });

  app.post('/hubspot/webhooks', ...hubspot, (req: BackendRequest, res: Response) => {
    if (!options.coalescer) throw new BackendError('NOT_FOUND', 'webhooks are not enabled on this backend');
    const events = webhookBatchSchema.safeParse(req.json);
    if (!events.success) throw BackendError.invalid('webhook batch', events.error);
    for (const event of events.data) samePortal(event.portalId);
    options.coalescer.add(events.data);
    // HubSpot retries slow answers: acknowledge at once, recompute in the background.
    res.status(200).json({ status: 'ok', accepted: events.data.length });
  });

  app.use((_req, _res, next) => next(new BackendError('NOT_FOUND', 'no such route')));

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const correlationId = correlationIdOf(res);
    const known = toBackendError(error, bodyLimit);
    if (known) {
      options.logger.warn({ correlationId, path: req.path, status: known.status, code: known.code, issues: known.issues?.length }, known.message);
      return res.status(known.status).json(known.body(correlationId));
    }
    // The client secret is scrubbed here too: the injected logger may not know it.
    options.logger.error({ correlationId, path: req.path, err: redactObject(error, [options.clientSecret]) }, 'request failed');
    const internal = new BackendError('INTERNAL', 'the request failed on our side; it has been logged');
    res.status(internal.status).json(internal.body(correlationId));
  });
  return app;
}

/** Our own errors and body-parser's (too large, aborted, bad encoding) as answers; anything else is a 500. */
function toBackendError(error: unknown, bodyLimit: string | number): BackendError | undefined {
  if (error instanceof BackendError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large' || status === 413) return new BackendError('PAYLOAD_TOO_LARGE', `the body is larger than ${bodyLimit}`);
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) return new BackendError('BAD_REQUEST', 'the request body could not be read');
  return undefined;
}
