import type { HandOff } from '../../domain/ports';

// Priority is 1 = first; zero-padded so the string sort of the sort key is the numeric sort.
const PRIORITY_DIGITS = 3;

/** Partition of one queue's waiting list. */
export const queuePartition = (queue: string): string => `QUEUE#${queue}`;

/** Prefix shared by every waiting-list partition (Scan filter for `listAll`). */
export const QUEUE_PREFIX = 'QUEUE#';

/** Orders a waiting list by priority, then arrival, then contact id (for equal arrival times). */
export function entrySortKey(handOff: Pick<HandOff, 'priority' | 'receivedAt' | 'contactId'>): string {
  const priority = String(Math.max(0, Math.trunc(handOff.priority))).padStart(PRIORITY_DIGITS, '0');
  return `P${priority}#${handOff.receivedAt}#${handOff.contactId}`;
}

/** The marker that makes `handOff` idempotent by contact id. */
export const handOffMarkerKey = (contactId: string) => ({ pk: `HANDOFF#${contactId}`, sk: 'HANDOFF' });
