/** Base class of every error the domain raises on purpose; doors turn these into clear answers. */
export class DomainError extends Error {
  /** A stable machine-readable code, e.g. "invalid_booking_reference". */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DomainError';
    this.code = code;
  }
}

/** Input that breaks a rule of the domain (bad reference, bad import row, …). */
export class ValidationError extends DomainError {
  /** Where in the input the problem is, e.g. "queues.fr-team.hours.mon[0].open". */
  readonly path: string;

  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super('validation_failed', path ? `${path}: ${message}` : message, options);
    this.name = 'ValidationError';
    this.path = path;
  }
}

/** Something looked up by key that does not exist. */
export class NotFoundError extends DomainError {
  constructor(what: string, key: string) {
    super('not_found', `${what} ${key} not found`);
    this.name = 'NotFoundError';
  }
}

/** An outside system (database, contact centre, mail) failed; adapters wrap SDK errors in this. */
export class DependencyError extends DomainError {
  /** Which dependency failed, e.g. "dynamodb", "connect", "ses". */
  readonly dependency: string;
  /** Whether trying again later may succeed. */
  readonly retryable: boolean;

  constructor(dependency: string, message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super('dependency_failed', `${dependency}: ${message}`, { cause: options.cause });
    this.name = 'DependencyError';
    this.dependency = dependency;
    this.retryable = options.retryable ?? true;
  }
}
