import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Owner } from '../domain/customer';
import type { Actor, SettingsDocument, Store } from '../store/store';
import { ownerOfCaller, requireAdmin, requireManagerOf } from './settings-access';
import { SettingsApiError, settingsErrorHandler } from './settings-api-error';
import { callerSchema, entriesQuerySchema, exceptionalEventBodySchema, manualCountBodySchema, putSettingsSchema, transitionBodySchema, type Caller } from './settings-api-schemas';

export interface SettingsRouterOptions {
  store: Pick<Store, 'settings' | 'entries'>;
  /** The caller the backend already verified from HubSpot's request signature; undefined when none. */
  callerOf: (req: Request, res: Response) => Caller | undefined;
  /** HubSpot's owners (id, user id, email, teams): who the caller is and whom they manage. */
  owners: () => Promise<readonly Owner[]>;
  now?: () => Date;
  /** Largest accepted body; a settings document with plans is a few kilobytes. */
  bodyLimit?: string;
}

type Handler = (req: Request, res: Response, caller: { userId: string; email?: string }) => Promise<void>;

/**
 * The settings API, for the app's settings page and the CLI's remote use:
 * - `GET /settings`: the current document, its version and the history of changes (any known caller);
 * - `PUT /settings`: a new document (admins only), refused whole with each bad path;
 * - `POST /entries/exceptional-events | transitions | manual-counts`: a manager's declarations for
 *   their team, stamped with the caller and the time;
 * - `POST /entries/exceptional-events/:id/approve`: an admin (not the declarer) approves an event;
 * - `GET /entries`: the declarations about the caller and the people they manage.
 * Not mounted here: the backend mounts it behind its signature check.
 */
export function createSettingsRouter(options: SettingsRouterOptions): Router {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const router = express.Router();
  router.use(express.json({ limit: options.bodyLimit ?? '256kb' }));

  const route = (handler: Handler): RequestHandler => (req: Request, res: Response, next: NextFunction) => {
    const raw = options.callerOf(req, res);
    if (raw === undefined) return next(new SettingsApiError('UNAUTHORIZED', 'this request carries no verified HubSpot user'));
    const caller = callerSchema.safeParse(raw);
    if (!caller.success) return next(SettingsApiError.invalid('caller', caller.error, 'caller.'));
    handler(req, res, caller.data).catch(next);
  };
  const authorOf = (caller: { userId: string; email?: string }): Actor => ({ kind: 'user', id: caller.userId, ...(caller.email ? { email: caller.email } : {}) });
  const who = (caller: { userId: string; email?: string }) => caller.email ?? `hubspot-user:${caller.userId}`;
  const body = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, req: Request, what: string): T => {
    const parsed = schema.safeParse(req.body ?? {});
    if (!parsed.success) throw SettingsApiError.invalid(what, parsed.error);
    return parsed.data;
  };

  router.get('/settings', route(async (_req, res) => {
    const [current, history] = [await store.settings.current(), await store.settings.history(50)];
    res.json({
      version: current?.version ?? 0,
      document: current?.document ?? ({ engine: {} } satisfies SettingsDocument),
      ...(current ? { author: current.author, createdAt: current.createdAt.toISOString() } : {}),
      history: history.map((v) => ({ version: v.version, author: v.author, createdAt: v.createdAt.toISOString(), changes: v.changes })),
    });
  }));

  router.put('/settings', route(async (req, res, caller) => {
    const input = body(putSettingsSchema, req, 'settings change');
    const current = await store.settings.current();
    requireAdmin(caller, current);
    if (input.expectedVersion !== undefined && input.expectedVersion !== (current?.version ?? 0)) {
      throw new SettingsApiError('CONFLICT', `the settings changed since you opened them (you edited version ${input.expectedVersion}, the current one is ${current?.version ?? 0}); reload and apply your change again`);
    }
    const admins = (input.document as { admins?: unknown } | null)?.admins;
    if (!Array.isArray(admins) || admins.length === 0) {
      throw new SettingsApiError('BAD_REQUEST', 'invalid settings change: admins: keep at least one admin, or nobody could change the settings again from HubSpot', [{ path: 'admins', message: 'keep at least one admin' }]);
    }
    const saved = await store.settings.save(input.document as SettingsDocument, authorOf(caller), now());
    res.json({ version: saved.version, createdAt: saved.createdAt.toISOString(), changes: saved.changes });
  }));

  router.post('/entries/exceptional-events', route(async (req, res, caller) => {
    const input = body(exceptionalEventBodySchema, req, 'exceptional event');
    requireManagerOf(caller, input.ownerIds, await options.owners(), await store.settings.current());
    const stored = await store.entries.addExceptionalEvent({ ...input, declaredBy: who(caller), declaredAt: now() });
    res.status(201).json(stored);
  }));

  // Four eyes: an admin other than the manager who declared it approves an exclusion.
  router.post('/entries/exceptional-events/:id/approve', route(async (req, res, caller) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id < 1) throw new SettingsApiError('BAD_REQUEST', 'id must be an event number', [{ path: 'id', message: 'must be an event number' }]);
    requireAdmin(caller, await store.settings.current(), 'approve exceptional events');
    const event = (await store.entries.list()).events.find((e) => e.id === id);
    if (event && event.declaredBy === who(caller)) throw new SettingsApiError('FORBIDDEN', 'an event is approved by someone other than who declared it');
    res.json(await store.entries.approveExceptionalEvent(id, { approvedBy: who(caller), approvedAt: now() }));
  }));

  router.post('/entries/transitions', route(async (req, res, caller) => {
    const input = body(transitionBodySchema, req, 'transition');
    requireManagerOf(caller, input.ownerIds, await options.owners(), await store.settings.current());
    res.status(201).json(await store.entries.addTransition({ ...input, declaredBy: who(caller), declaredAt: now() }));
  }));

  router.post('/entries/manual-counts', route(async (req, res, caller) => {
    const input = body(manualCountBodySchema, req, 'manual count');
    requireManagerOf(caller, [input.ownerId], await options.owners(), await store.settings.current());
    res.status(201).json(await store.entries.addManualEntry({ ...input, enteredBy: who(caller), enteredAt: now() }));
  }));

  router.get('/entries', route(async (req, res, caller) => {
    const query = entriesQuerySchema.safeParse(req.query);
    if (!query.success) throw SettingsApiError.invalid('query', query.error);
    const owners = await options.owners();
    const me = ownerOfCaller(caller, owners);
    if (!me) throw new SettingsApiError('FORBIDDEN', 'you are not a HubSpot owner known to cs-health');
    const current = await store.settings.current();
    const visible = owners.filter((o) => {
      if (o.id === me.id) return true;
      try {
        requireManagerOf(caller, [o.id], owners, current);
        return true;
      } catch {
        return false;
      }
    });
    res.json(await store.entries.list({ ownerIds: visible.map((o) => o.id), from: query.data.from, to: query.data.to }));
  }));

  router.use(settingsErrorHandler);
  return router;
}
