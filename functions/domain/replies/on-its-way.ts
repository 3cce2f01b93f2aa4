import type { DeliveryStatus } from '../outbound/messenger';

/**
 * Whether the guest will get (or has got) a message deliver was handed: taken by the provider or the
 * door, or pending a retry. Suppressed, refused, failed and undelivered messages never reach them.
 */
export function isOnItsWay(status: DeliveryStatus): boolean {
  return !['suppressed', 'refused', 'failed', 'undelivered'].includes(status);
}
