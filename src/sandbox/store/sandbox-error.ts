/** Why the sandbox refuses a request; each code maps to HubSpot's status and category. */
export type SandboxErrorCode =
  | 'VALIDATION_ERROR'
  | 'INVALID_AUTHENTICATION'
  | 'OBJECT_NOT_FOUND'
  | 'RESOURCE_NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE';

export interface SandboxErrorDetail {
  message: string;
  in?: string;
  code?: string;
}

/** An error the sandbox answers in HubSpot's error envelope; anything else becomes a bare 500. */
export class SandboxError extends Error {
  constructor(
    readonly code: SandboxErrorCode,
    message: string,
    readonly errors?: SandboxErrorDetail[],
  ) {
    super(message);
    this.name = 'SandboxError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}

const STATUS: Record<SandboxErrorCode, number> = {
  VALIDATION_ERROR: 400,
  INVALID_AUTHENTICATION: 401,
  OBJECT_NOT_FOUND: 404,
  RESOURCE_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
};
