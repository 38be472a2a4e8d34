import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { SandboxErrorCode, SandboxErrorDetail } from '../store/sandbox-error';
import { SandboxError } from '../store/sandbox-error';

/** HubSpot's error envelope: `status`, `message`, `correlationId`, `category`, optional `errors`. */
export interface HubSpotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: string;
  errors?: SandboxErrorDetail[];
}

const CATEGORY: Record<SandboxErrorCode, string> = {
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  INVALID_AUTHENTICATION: 'INVALID_AUTHENTICATION',
  OBJECT_NOT_FOUND: 'OBJECT_NOT_FOUND',
  RESOURCE_NOT_FOUND: 'OBJECT_NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'VALIDATION_ERROR',
};

export function errorBody(message: string, category: string, errors?: SandboxErrorDetail[]): HubSpotErrorBody {
  return { status: 'error', message, correlationId: randomUUID(), category, ...(errors && errors.length > 0 ? { errors } : {}) };
}

/** Answers any thrown value: a {@link SandboxError} in HubSpot's shape, anything else as a bare 500 (never a stack). */
export function sendError(res: Response, error: unknown): void {
  if (error instanceof SandboxError) {
    res.status(error.status).json(errorBody(error.message, CATEGORY[error.code], error.errors));
    return;
  }
  res.status(500).json(errorBody('internal error', 'INTERNAL_ERROR'));
}
