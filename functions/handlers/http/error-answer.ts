import { DependencyError, DomainError, NotFoundError, ValidationError } from '../../domain/errors';

/** A request body larger than the limit. */
export class PayloadTooLargeError extends DomainError {
  constructor(readonly limit: number) {
    super('payload_too_large', `request body is larger than the limit of ${describeBytes(limit)}`);
    this.name = 'PayloadTooLargeError';
  }
}

/** "10 MB" for 10 × 1024 × 1024 bytes, else the byte count. */
export function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB (${bytes} bytes)` : `${bytes} bytes`;
}

/** An HTTP answer of the operator and agent APIs: a status and an optional JSON body. */
export interface JsonAnswer {
  readonly status: number;
  readonly body?: unknown;
}

/**
 * Maps an error to the status and body a client can act on (400, 404, 413, 503 for the domain's errors);
 * unexpected errors hide their details (500). Both doors of the agent actions answer through it: the
 * local router and the agent-api Lambda.
 */
export function errorAnswer(error: unknown): JsonAnswer {
  if (error instanceof ValidationError)
    return { status: 400, body: { error: error.message, code: error.code, path: error.path } };
  if (error instanceof NotFoundError)
    return { status: 404, body: { error: error.message, code: error.code } };
  if (error instanceof PayloadTooLargeError)
    return { status: 413, body: { error: error.message, code: error.code } };
  if (error instanceof DependencyError)
    return { status: 503, body: { error: error.message, code: error.code, retryable: error.retryable } };
  if (error instanceof DomainError) return { status: 400, body: { error: error.message, code: error.code } };
  return { status: 500, body: { error: 'internal error', code: 'internal' } };
}
