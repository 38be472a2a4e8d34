import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { FaultInjector, type FaultOptions, type InjectedFault } from '../faults/fault-injector';
import { errorBody, sendError } from '../responses/error-response';
import { SandboxError } from '../store/sandbox-error';
import { listenWithTimeouts } from '../../server/server-timeouts';
import type { RouteDefinition } from '../routes/route-definition';
import { CONTROL_ROUTES, HUBSPOT_ROUTES } from '../routes/route-table';
import type { SandboxStore } from '../store/sandbox-store';
import { RateLimiter, rateLimitBody, type RateLimitOptions } from './rate-limiter';

export interface SandboxAppOptions {
  store: SandboxStore;
  token?: string;
  rateLimits?: RateLimitOptions;
  faults?: FaultOptions;
  /** True once shutdown began: answers then ask clients to close their keep-alive connections. */
  isClosing(): boolean;
}

const BODY_LIMIT = '5mb';

/**
 * The express app: per HubSpot route, in order, auth -> rate limit -> fault injection -> JSON body
 * -> handler, so a refused or faulted request never reaches the store. Every answer is JSON in
 * HubSpot's envelope; nothing ever prints a stack.
 */
export function createSandboxApp(options: SandboxAppOptions): express.Express {
  const { store } = options;
  const limiter = new RateLimiter(options.rateLimits);
  const injector = options.faults ? new FaultInjector(options.faults) : undefined;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'extended');

  app.use((_req, res, next) => {
    if (options.isClosing()) res.setHeader('Connection', 'close');
    next();
  });

  store.onReset(() => limiter.reset());

  const json = express.json({ limit: BODY_LIMIT, type: () => true });

  const handler = (route: RouteDefinition) => async (req: Request, res: Response) => {
    try {
      const reply = await route.handle({ store, req, url: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}` });
      res.status(reply.status ?? 200).json(reply.body ?? {});
    } catch (error) {
      sendError(res, error);
    }
  };

  for (const route of CONTROL_ROUTES) app[route.method](route.path, json, handler(route));

  for (const route of HUBSPOT_ROUTES) {
    const counted = (_req: Request, res: Response, next: NextFunction) => {
      res.on('finish', () => store.stats.record(route.kind, res.statusCode));
      res.on('close', () => {
        if (!res.writableFinished) store.stats.record(route.kind, 0);
      });
      next();
    };
    const authenticated = (req: Request, res: Response, next: NextFunction) => {
      if (options.token === undefined) return next();
      const header = req.get('authorization') ?? '';
      if (header === `Bearer ${options.token}`) return next();
      res.status(401).json(
        errorBody(
          'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
          'INVALID_AUTHENTICATION',
        ),
      );
    };
    const limited = (req: Request, res: Response, next: NextFunction) => {
      const token = (req.get('authorization') ?? 'anonymous').replace(/^Bearer\s+/i, '');
      const decision = limiter.check(token, route.search === true);
      res.set(decision.headers);
      if (!decision.refusedBy) return next();
      res.status(429).json(rateLimitBody(decision.refusedBy, randomUUID()));
    };
    const faulted = async (req: Request, res: Response, next: NextFunction) => {
      if (!injector) return next();
      const decision = injector.decide(route.kind);
      if (decision.latencyMs > 0) {
        store.stats.recordFault(route.kind, 'latency');
        await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
      }
      if (!decision.fault) return next();
      store.stats.recordFault(route.kind, decision.fault);
      injectFault(decision.fault, req, res, next);
    };
    app[route.method](route.path, counted, authenticated, limited, faulted, json, handler(route));
  }

  app.use((req: Request, res: Response) => {
    res.status(404).json(errorBody(`Unable to route ${req.method} ${req.path}: not an endpoint this sandbox implements.`, 'OBJECT_NOT_FOUND'));
  });

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed') {
      res.status(400).json(
        errorBody(`Invalid input JSON: ${(error as Error).message}`, 'VALIDATION_ERROR', [{ message: 'the body is not valid JSON', in: 'body', code: 'INVALID_JSON' }]),
      );
      return;
    }
    if (type === 'entity.too.large') {
      res.status(413).json(errorBody(`The request body is larger than ${BODY_LIMIT}.`, 'VALIDATION_ERROR', [{ message: 'body too large', in: 'body' }]));
      return;
    }
    // body-parser's own refusals (an encoding it cannot decode, a body that fails to decompress,
    // a charset it does not know) are the client's fault: their 4xx, never a 500. The size cap
    // above applies to the decoded body.
    const status = (error as { status?: unknown }).status;
    if (!(error instanceof SandboxError) && typeof status === 'number' && status >= 400 && status < 500) {
      const message = type === 'encoding.unsupported' ? 'The Content-Encoding of the request is not supported.' : 'The request body could not be decoded.';
      res.status(status).json(errorBody(message, 'VALIDATION_ERROR', [{ message, in: 'body', code: typeof type === 'string' ? type.toUpperCase().replace(/\W/g, '_') : 'UNREADABLE_BODY' }]));
      return;
    }
    sendError(res, error);
  });

  // The same server timeouts as the backend: a client trickling a body cannot hold a connection.
  return listenWithTimeouts(app);
}

function injectFault(fault: InjectedFault, req: Request, res: Response, next: NextFunction): void {
  switch (fault) {
    case 'rate_limit_ten_secondly':
      res.status(429).json(rateLimitBody('TEN_SECONDLY_ROLLING', randomUUID()));
      return;
    case 'rate_limit_daily':
      res.status(429).json(rateLimitBody('DAILY', randomUUID()));
      return;
    case 'status_500':
      res.status(500).json(errorBody('internal error (injected by the sandbox)', 'INTERNAL_ERROR'));
      return;
    case 'status_502':
      res.status(502).json(errorBody('bad gateway (injected by the sandbox)', 'BAD_GATEWAY'));
      return;
    case 'status_503':
      res.status(503).json(errorBody('service unavailable (injected by the sandbox)', 'SERVICE_UNAVAILABLE'));
      return;
    case 'reset':
      req.socket.destroy();
      return;
    case 'truncated':
      // The write applies; only the answer is lost half-way, as when a connection drops mid-response.
      res.json = ((body: unknown) => {
        const text = JSON.stringify(body);
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Content-Length', String(Buffer.byteLength(text)));
        res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
        return res;
      }) as Response['json'];
      next();
      return;
  }
}
