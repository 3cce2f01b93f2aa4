import { DependencyError } from '../domain/errors';

const RETRYABLE_NAMES = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalServiceException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'LimitExceededException',
  'TimeoutError',
  'ECONNREFUSED',
  'ECONNRESET',
]);

/** Turns whatever an AWS SDK call threw into the domain's DependencyError, keeping it as `cause`. */
export function toDependencyError(dependency: string, action: string, error: unknown): DependencyError {
  if (error instanceof DependencyError) return error;
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  const name = e?.name ?? e?.code ?? 'Error';
  const status = e?.$metadata?.httpStatusCode;
  const retryable =
    e?.$retryable !== undefined ||
    RETRYABLE_NAMES.has(name) ||
    (e?.code !== undefined && RETRYABLE_NAMES.has(e.code)) ||
    (status !== undefined && status >= 500);
  return new DependencyError(dependency, `${action} failed: ${name}: ${e?.message ?? String(error)}`, {
    cause: error,
    retryable,
  });
}
