import { DependencyError } from '../../domain/errors';
import { toDependencyError as sdkToDependencyError } from '../sdk-error';

/** Whether DynamoDB refused a conditional write: the designed "someone else was first" outcome. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';
}

/** Wraps anything a DynamoDB call threw into the domain's DependencyError (throttling is retryable). */
export function toDependencyError(error: unknown, action: string): DependencyError {
  return sdkToDependencyError('dynamodb', action, error);
}

/** A retryable DependencyError for when we stop retrying contention or throttling ourselves. */
export function gaveUp(action: string, reason: string): DependencyError {
  return new DependencyError('dynamodb', `${action} failed: ${reason}`, { retryable: true });
}
