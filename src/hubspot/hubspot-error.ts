/** Why a HubSpot call failed. Retryable codes are HubSpot's or the network's fault; the others are the caller's. */
export enum HubSpotErrorCode {
  RateLimited = 'RATE_LIMITED',
  DailyLimit = 'DAILY_LIMIT',
  ServerError = 'SERVER_ERROR',
  Network = 'NETWORK',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  BadRequest = 'BAD_REQUEST',
  /** The portal lacks the properties the sync writes: `cs-health setup` has not run. */
  SetupRequired = 'SETUP_REQUIRED',
  Unexpected = 'UNEXPECTED',
}

const RETRYABLE = new Set([HubSpotErrorCode.RateLimited, HubSpotErrorCode.ServerError, HubSpotErrorCode.Network]);

/** The one error the data layer throws: a code, whether retrying can help, and a one-line message. */
export class HubSpotError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: HubSpotErrorCode,
    message: string,
    readonly details: { kind: string; status?: number; policyName?: string; resumeAfter?: Date } = { kind: 'unknown' },
  ) {
    super(message);
    this.name = 'HubSpotError';
    this.retryable = RETRYABLE.has(code);
  }
}

interface ApiFailure {
  code?: unknown;
  body?: unknown;
  type?: unknown;
  message?: unknown;
}

function parseBody(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/** Midnight UTC after `now`: HubSpot's daily budget resets at midnight (portal time zone), never earlier than this for UTC+ portals. */
export function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/** Turns whatever the api-client threw (ApiException, FetchError, a bare Error) into a HubSpotError. */
export function toHubSpotError(error: unknown, kind: string, now: () => Date = () => new Date()): HubSpotError {
  if (error instanceof HubSpotError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as ApiFailure;
  const status = typeof failure.code === 'number' ? failure.code : undefined;
  if (status === undefined) {
    // node-fetch's FetchError (reset, truncated body, refused connection) carries no HTTP status.
    const reason = typeof failure.message === 'string' ? failure.message.split('\n')[0] : String(error);
    return new HubSpotError(HubSpotErrorCode.Network, `HubSpot ${kind}: network failure (${reason})`, { kind });
  }
  const body = parseBody(failure.body);
  const hubspotMessage = typeof body.message === 'string' ? body.message.split('\n')[0] : '';
  const policyName = typeof body.policyName === 'string' ? body.policyName : undefined;
  const suffix = hubspotMessage ? `: ${hubspotMessage}` : '';
  const details = { kind, status, policyName };
  if (status === 429) {
    if (policyName === 'DAILY') {
      const resumeAfter = nextUtcMidnight(now());
      return new HubSpotError(
        HubSpotErrorCode.DailyLimit,
        `HubSpot daily API limit reached; resume after midnight in the portal's time zone (at the earliest ${resumeAfter.toISOString()})`,
        { ...details, resumeAfter },
      );
    }
    return new HubSpotError(HubSpotErrorCode.RateLimited, `HubSpot ${kind}: rate limited (${policyName ?? 'unknown policy'})`, details);
  }
  if (status >= 500) return new HubSpotError(HubSpotErrorCode.ServerError, `HubSpot ${kind}: server error ${status}${suffix}`, details);
  switch (status) {
    case 401:
      return new HubSpotError(HubSpotErrorCode.Unauthorized, 'HubSpot rejected the access token (401): check HUBSPOT_ACCESS_TOKEN', details);
    case 403:
      return new HubSpotError(HubSpotErrorCode.Forbidden, `HubSpot ${kind}: the token lacks a required scope (403)${suffix}`, details);
    case 404:
      return new HubSpotError(HubSpotErrorCode.NotFound, `HubSpot ${kind}: not found (404)${suffix}`, details);
    case 409:
      return new HubSpotError(HubSpotErrorCode.Conflict, `HubSpot ${kind}: conflict (409)${suffix}`, details);
    case 400:
      return new HubSpotError(HubSpotErrorCode.BadRequest, `HubSpot ${kind}: bad request (400)${suffix}`, details);
    default:
      return new HubSpotError(HubSpotErrorCode.Unexpected, `HubSpot ${kind}: unexpected status ${status}${suffix}`, details);
  }
}
