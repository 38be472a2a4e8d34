import type { z } from 'zod';

/** Every way a backend request can fail, and the HTTP status each answers. */
export const BACKEND_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type BackendErrorCode = keyof typeof BACKEND_ERROR_STATUS;

/** The one error shape the backend answers. `category` mirrors `code` the way HubSpot's own API errors name it. */
export interface BackendErrorBody {
  status: 'error';
  code: BackendErrorCode;
  category: BackendErrorCode;
  message: string;
  issues?: string[];
  correlationId: string;
}

/** A failure the caller should see as is: the message is written for them and never holds a secret. */
export class BackendError extends Error {
  readonly status: number;

  constructor(readonly code: BackendErrorCode, message: string, readonly issues?: string[]) {
    super(message);
    this.name = 'BackendError';
    this.status = BACKEND_ERROR_STATUS[code];
  }

  /** A 400 naming every field zod found wrong, e.g. `object.objectId: must be a numeric HubSpot id`. */
  static invalid(what: string, error: z.ZodError): BackendError {
    const issues = issuesOf(error);
    return new BackendError('BAD_REQUEST', `invalid ${what}: ${issues[0]}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, issues);
  }

  body(correlationId: string): BackendErrorBody {
    return { status: 'error', code: this.code, category: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}), correlationId };
  }
}

/** Field path and message per problem; capped in count and length so a hostile body (a megabyte-long key) cannot make the answer huge. */
export function issuesOf(error: z.ZodError, max = 20): string[] {
  return error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map(String).join('.');
    // Our messages usually name their field already ("recordId is required ..."): do not say it twice.
    return clip(path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message, 300);
  });
}

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
