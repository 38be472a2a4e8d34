import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { redactObject } from '../logging/redact-secrets';
import { BackendError } from './backend-error';
import { CARD_NAME, EXECUTION_STATE, VIEWER_BODY_KEYS, VIEWER_QUERY_KEYS, callerQuerySchema, cardBodySchema, healthOutputFieldsSchema, isCompanyType, workflowActionSchema, type CardCaller, type HealthOutputFields } from './backend-schemas';
import { SIGNATURE_V2_HEADER, SIGNATURE_VERSION_HEADER, verifySignatureV2 } from './hubspot-signature-v2';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignatureV3, type SignatureFailure } from './hubspot-signature-v3';
import { correlationIdOf, requestLogging } from './request-logging';
import { listenWithTimeouts, type ServerTimeouts } from './server-timeouts';
import { webhookBatchSchema, type WebhookEvent } from './webhook-events';

export type { CardCaller, HealthOutputFields } from './backend-schemas';

/** What a card handler answers; the cards switch on `status`. */
export type CardAnswer = { status: 'ok'; view: unknown; versions?: { settings: number; model: number | null } } | { status: 'empty'; message: string } | { status: 'error'; code: string; message: string };

/** Who a signed card request says is looking, before it is checked against the portal's owners. */
export interface ViewerClaim {
  userId?: number;
  email?: string;
  portalId?: number;
}

/** The verdict on a claim: the owner it names, or why it is refused (401 names nobody, 403 names someone who may not look, 503 the owners could not be read). */
export type ViewerVerdict = { ok: true; ownerId: string } | { ok: false; status: 401 | 403 | 503; reason: string };

/** What recomputing one company for the workflow action came to. */
export type RecomputeOutcome =
  | { status: 'ok'; fields: HealthOutputFields }
  | { status: 'not_found' }
  /** `retryable`: HubSpot was busy or unreachable, trying later can help; otherwise it refused (a token, a write). */
  | { status: 'failed'; message: string; retryable: boolean };

/** The application behind the shell, injected: the backend only authenticates, validates and routes. */
export interface BackendHandlers {
  /** Checks that the signed userId and userEmail name one HubSpot owner of the portal. */
  identify(claim: ViewerClaim): Promise<ViewerVerdict>;
  /** A card render or action requested through hubspot.fetch; `caller` comes from the signed query string, its `ownerId` from {@link identify}. */
  card(name: string, input: { recordId: string } & Record<string, unknown>, caller: CardCaller & { ownerId: string }): Promise<CardAnswer>;
  /** The workflow action: recompute one company now. */
  recomputeHealth(companyId: string): Promise<RecomputeOutcome>;
}

/** Where webhook events go (the change coalescer); `add` must return at once. */
export interface WebhookSink {
  add(events: readonly WebhookEvent[]): void | Promise<unknown>;
  readonly pending?: number;
  /** Companies whose writes HubSpot kept refusing after every retry: listed, never silently dropped. */
  readonly failedCompanies?: readonly { id: string; message: string; attempts: number }[];
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
  /**
   * Routers served behind the same checks as a card (signature, portal, a viewer HubSpot vouched
   * for), mounted under `/hubspot/<path>`; the verified viewer is `res.locals.viewer` and a JSON body
   * is already parsed into `req.body`. The settings API and the app pages use this.
   */
  viewerRoutes?: Record<string, express.Router>;
  /** Public pages the app listing links (documentation and support): path -> HTML. */
  publicPages?: Record<string, () => string>;
  /** Server timeouts applied when the app is started with `app.listen` (defaults in server-timeouts.ts: a slow body is cut within 30 s). */
  timeouts?: Partial<ServerTimeouts>;
  now?: () => number;
}

/** The card's error codes as HTTP statuses, so clients and logs see a 4xx for a caller's mistake (a Map: codes are looked up, never inherited). */
const CARD_ERROR_STATUS = new Map<string, number>([['BAD_REQUEST', 400], ['FORBIDDEN', 403], ['NOT_FOUND', 404], ['UNAVAILABLE', 503], ['INTERNAL', 500]]);

const SIGNATURE_MESSAGES: Record<SignatureFailure, string> = {
  missing: 'the request is not signed by HubSpot (X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required)',
  stale: 'the request signature is older than 5 minutes or dated in the future',
  mismatch: 'the request signature does not match',
};

/** HubSpot retries a workflow action answered 429 or 5xx; this says when. */
const RETRY_AFTER_SECONDS = 60;

type BackendRequest = Request & { rawBody?: Buffer; json?: unknown };

/** Drops `__proto__` keys while parsing, so no body can reach an object's prototype further on. */
const parseJson = (text: string): unknown => JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The express backend HubSpot calls: cards through hubspot.fetch, the workflow action and the
 * webhooks. Each HubSpot route refuses a compressed body (415: HubSpot sends plain JSON, and a
 * decompression bomb must not run before the signature is checked), reads the raw body (413 over
 * the limit), checks the v3 signature on it (401), parses JSON (400), validates with zod (400
 * naming the field), checks the portal (403), and only then calls a handler. A card request also
 * needs a viewer: the signed `userId` and `userEmail` must name one owner of the portal (401/403).
 * Every error answers one JSON shape, never a stack or a secret.
 *
 * Mount it before any body parser: the signature is computed over the raw bytes. `app.listen`
 * starts it with server timeouts, so a slow client is cut within 30 s.
 */
export function createBackend(options: BackendOptions): express.Express {
  const now = options.now ?? Date.now;
  const bodyLimit = options.bodyLimit ?? '1mb';
  const publicBase = options.publicBaseUrl.replace(/\/+$/, '');
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(options.logger));

  const plainBody: RequestHandler = (req, _res, next) => {
    const encoding = (req.header('content-encoding') ?? 'identity').trim().toLowerCase();
    next(encoding === 'identity' || encoding === '' ? undefined : new BackendError('UNSUPPORTED_MEDIA_TYPE', `Content-Encoding ${encoding.slice(0, 40)} is not accepted: HubSpot sends uncompressed JSON`));
  };
  // inflate: false as well: body-parser would otherwise decompress before the signature is checked.
  const rawBody = express.raw({ type: () => true, limit: bodyLimit, inflate: false });

  /**
   * v3 wherever HubSpot sends it (hubspot.fetch, webhooks, workflow actions on the developer
   * platform). `acceptV2`: the workflow action also takes a v2 signature when no v3 came, because
   * HubSpot's custom action guide documents v2 for action requests.
   */
  const signedWith = (acceptV2: boolean): RequestHandler => (req: BackendRequest, _res, next) => {
    req.rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const url = `${publicBase}${req.originalUrl}`;
    const v3Sent = req.header(SIGNATURE_HEADER) !== undefined || req.header(TIMESTAMP_HEADER) !== undefined;
    const verdict =
      acceptV2 && !v3Sent && req.header(SIGNATURE_VERSION_HEADER) !== undefined
        ? verifySignatureV2(options.clientSecret, { method: req.method, url, body: req.rawBody, signature: req.header(SIGNATURE_V2_HEADER), version: req.header(SIGNATURE_VERSION_HEADER) })
        : verifySignatureV3(options.clientSecret, { method: req.method, url, body: req.rawBody, timestamp: req.header(TIMESTAMP_HEADER), signature: req.header(SIGNATURE_HEADER) }, now());
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

  const hubspot = [plainBody, rawBody, signedWith(false), json];
  const workflowAction = [plainBody, rawBody, signedWith(true), json];

  const samePortal = (portalId: number | undefined) => {
    if (options.portalId !== undefined && portalId !== undefined && portalId !== options.portalId) {
      throw new BackendError('FORBIDDEN', 'this backend serves another HubSpot portal');
    }
  };

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', pendingChanges: options.coalescer?.pending ?? 0, failedCompanies: options.coalescer?.failedCompanies?.length ?? 0 });
  });

  app.post('/hubspot/cards/:card', ...hubspot, async (req: BackendRequest, res: Response) => {
    const card = String(req.params.card);
    if (!CARD_NAME.test(card) || (options.cards && !options.cards.includes(card))) throw new BackendError('NOT_FOUND', 'no such card');
    const claim = viewerClaim(req, samePortal);
    const body = cardBodySchema.safeParse(req.json);
    if (!body.success) throw BackendError.invalid('card request', body.error);
    const verdict = await options.handlers.identify(claim);
    if (!verdict.ok) throw new BackendError(verdict.status === 401 ? 'UNAUTHORIZED' : verdict.status === 403 ? 'FORBIDDEN' : 'UNAVAILABLE', verdict.reason);
    const viewer = { ...claim, ownerId: verdict.ownerId };
    const answer = await options.handlers.card(card, body.data, viewer);
    const status = answer.status === 'error' ? (CARD_ERROR_STATUS.get(answer.code) ?? 500) : 200;
    res.status(status).json(answer.status === 'error' ? { ...answer, category: answer.code, correlationId: correlationIdOf(res) } : answer);
  });

  for (const [path, html] of Object.entries(options.publicPages ?? {})) {
    app.get(path, (_req, res) => {
      res.type('html').send(html());
    });
  }

  // Settings API and app pages: signed like a card, then the viewer checked the same way.
  const optionalJson: RequestHandler = (req: BackendRequest, _res, next) => {
    const text = req.rawBody?.toString('utf8') ?? '';
    if (text.trim() === '') {
      req.json = undefined;
      req.body = {};
      return next();
    }
    try {
      req.json = parseJson(text);
      req.body = req.json;
      next();
    } catch {
      next(new BackendError('BAD_REQUEST', 'the body is not valid JSON'));
    }
  };
  const verifiedViewer: RequestHandler = (req: BackendRequest, res, next) => {
    (async () => {
      const claim = viewerClaim(req, samePortal);
      const verdict = await options.handlers.identify(claim);
      if (!verdict.ok) throw new BackendError(verdict.status === 401 ? 'UNAUTHORIZED' : verdict.status === 403 ? 'FORBIDDEN' : 'UNAVAILABLE', verdict.reason);
      res.locals.viewer = { ...claim, ownerId: verdict.ownerId };
    })().then(() => next(), next);
  };
  for (const [path, router] of Object.entries(options.viewerRoutes ?? {})) {
    app.use(`/hubspot/${path}`, plainBody, rawBody, signedWith(false), optionalJson, verifiedViewer, router);
  }

  app.post('/hubspot/workflow-actions/recompute-health', ...workflowAction, async (req: BackendRequest, res: Response) => {
    const body = workflowActionSchema.safeParse(req.json);
    if (!body.success) throw BackendError.invalid('workflow action request', body.error);
    samePortal(body.data.origin.portalId);
    if (!isCompanyType(body.data.object.objectType)) throw new BackendError('BAD_REQUEST', 'object.objectType: the action runs on companies (COMPANY)');
    const companyId = body.data.object.objectId;
    const outcome = await options.handlers.recomputeHealth(companyId);
    if (outcome.status === 'not_found') throw new BackendError('NOT_FOUND', `company ${companyId} was not found`);
    if (outcome.status === 'failed') {
      options.logger.warn({ correlationId: correlationIdOf(res), companyId, retryable: outcome.retryable }, `workflow action failed: ${outcome.message}`);
      // HubSpot retries 429 and 5xx answers; a refusal that retrying cannot fix is reported in the
      // workflow history through the execution state, with the reason as an output field.
      if (outcome.retryable) throw new BackendError('UNAVAILABLE', `${outcome.message}; HubSpot will retry the action`);
      res.json({ outputFields: { hs_execution_state: EXECUTION_STATE.failContinue, error: outcome.message } });
      return;
    }
    const checked = healthOutputFieldsSchema.safeParse(outcome.fields);
    if (!checked.success) throw new Error(`recomputeHealth answered fields workflows cannot use: ${checked.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
    res.json({ outputFields: { ...checked.data, hs_execution_state: EXECUTION_STATE.success } });
  });

  app.post('/hubspot/webhooks', ...hubspot, async (req: BackendRequest, res: Response) => {
    if (!options.coalescer) throw new BackendError('NOT_FOUND', 'webhooks are not enabled on this backend');
    const events = webhookBatchSchema.safeParse(req.json);
    if (!events.success) throw BackendError.invalid('webhook batch', events.error);
    for (const event of events.data) samePortal(event.portalId);
    try {
      // A durable sink (the job queue) stores the batch before the answer; an in-memory one returns at once.
      await options.coalescer.add(events.data);
    } catch (error) {
      // Not stored: 503 makes HubSpot deliver the batch again (its webhooks retry 5xx answers).
      if ((error as { httpStatus?: unknown }).httpStatus === 503) throw new BackendError('UNAVAILABLE', 'the job queue cannot store the changes right now; HubSpot will deliver them again');
      throw error;
    }
    // HubSpot retries slow answers: acknowledge once stored, recompute in the background.
    res.status(200).json({ status: 'ok', accepted: events.data.length });
  });

  app.use((_req, _res, next) => next(new BackendError('NOT_FOUND', 'no such route')));

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const correlationId = correlationIdOf(res);
    const known = toBackendError(error, bodyLimit);
    if (known) {
      options.logger.warn({ correlationId, path: req.path, status: known.status, code: known.code, issues: known.issues?.length }, known.message);
      if (known.code === 'UNAVAILABLE') res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return res.status(known.status).json(known.body(correlationId));
    }
    // The client secret is scrubbed here too: the injected logger may not know it.
    options.logger.error({ correlationId, path: req.path, err: redactObject(error, [options.clientSecret]) }, 'request failed');
    const internal = new BackendError('INTERNAL', 'the request failed on our side; it has been logged');
    res.status(internal.status).json(internal.body(correlationId));
  });
  return listenWithTimeouts(app, options.timeouts);
}

/**
 * Who a card request says is looking, only from what hubspot.fetch appends to the signed URL: each
 * of userId, userEmail, portalId at most once (a second value could name someone else), none in
 * the body, and the portal this backend serves. `identify` then checks that userId and userEmail
 * name one owner of it.
 */
function viewerClaim(req: BackendRequest, samePortal: (portalId: number | undefined) => void): CardCaller {
  const query = req.query as Record<string, unknown>;
  for (const key of VIEWER_QUERY_KEYS) {
    if (Object.hasOwn(query, key) && typeof query[key] !== 'string') throw new BackendError('FORBIDDEN', `${key} appears more than once in the request; the viewer must be named once, by HubSpot`);
  }
  const parsed = callerQuerySchema.safeParse(query);
  if (!parsed.success) throw BackendError.invalid('request context', parsed.error);
  const { userId, userEmail, portalId, appId } = parsed.data;
  if (portalId === undefined) throw new BackendError('UNAUTHORIZED', 'the request names no portalId (hubspot.fetch appends it)');
  samePortal(portalId);
  if (isPlainObject(req.json)) {
    const named = VIEWER_BODY_KEYS.find((key) => Object.hasOwn(req.json as object, key));
    if (named) throw new BackendError('FORBIDDEN', `the body names a viewer (${named}); the viewer comes only from HubSpot's signed request`);
  }
  return { userId, email: userEmail, portalId, appId };
}

/** Our own errors and body-parser's (too large, aborted, bad encoding) as answers; anything else is a 500. */
function toBackendError(error: unknown, bodyLimit: string | number): BackendError | undefined {
  if (error instanceof BackendError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  // The store (settings, model) or the job queue is down: 503 with Retry-After, so HubSpot and the cards try again.
  const { code: storeCode } = error as { code?: unknown };
  if (storeCode === 'STORE_UNAVAILABLE' || storeCode === 'SCHEMA_MISMATCH' || (error as { httpStatus?: unknown }).httpStatus === 503) return new BackendError('UNAVAILABLE', 'cs-health cannot reach its database right now; try again in a moment');
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large' || status === 413) return new BackendError('PAYLOAD_TOO_LARGE', `the body is larger than ${bodyLimit}`);
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) return new BackendError('BAD_REQUEST', 'the request body could not be read');
  return undefined;
}
