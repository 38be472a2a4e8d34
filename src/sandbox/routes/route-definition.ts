import type { Request } from 'express';
import type { SandboxStore } from '../store/sandbox-store';

export interface RouteContext {
  store: SandboxStore;
  req: Request;
  /** This request's absolute URL, for HubSpot's `paging.next.link`. */
  url: string;
}

export interface RouteReply {
  status?: number;
  body?: unknown;
}

/**
 * One endpoint: method and express path, the `kind` stats and fault rules are keyed by, and a
 * handler that returns the reply or throws a SandboxError. The README's endpoint list is generated
 * from these definitions.
 */
export interface RouteDefinition {
  method: 'get' | 'post' | 'patch' | 'put';
  path: string;
  kind: string;
  summary: string;
  /** HubSpot's search endpoints have their own per-second budget and no rate-limit headers. */
  search?: boolean;
  handle(context: RouteContext): RouteReply | Promise<RouteReply>;
}

/** Reads a path parameter express has already matched. */
export function param(context: RouteContext, name: string): string {
  const value = context.req.params[name];
  return typeof value === 'string' ? value : '';
}
