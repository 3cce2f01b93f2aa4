import type { Case } from '../case';
import type { ContactRecord } from '../ports';
import { type ApplyActionDeps, type ApplyActionResult, applyCaseAction } from './apply-action';
import type { WaitingCase } from './escalation';
import type { RefusalReason } from './lifecycle-rules';
import type { WaitingEntry } from './waiting-entry';

/** Port: a waiting list an agent takes cases from (the local runtime's; Connect routes by itself). */
export interface WaitingQueue {
  /** Removes and answers the first case of the queue in serving order; undefined when it is empty. */
  take(queue: string): Promise<WaitingEntry | undefined>;
}

/** A waiting case as the queue listing shows it: what orders it, its queue, due times and contacts. */
export interface ListedWaitingCase extends WaitingCase {
  readonly queue: string;
  readonly contactCount: number;
  readonly firstResponseDueAt?: string | undefined;
  readonly resolutionDueAt?: string | undefined;
}

/** Port: every waiting list by queue (the local lists; in AWS, the Connect tasks still queued). */
export interface WaitingLists {
  listAll(): Promise<Readonly<Record<string, readonly ListedWaitingCase[]>>>;
}

/** What taking a case needs besides the lifecycle. */
export interface TakeDeps extends ApplyActionDeps {
  readonly queues: WaitingQueue;
  readonly contactsOf: (caseNumber: string) => Promise<ContactRecord[]>;
}

// Each stale entry is removed by the take that finds it, so this only bounds a queue of stale entries.
const MAX_STALE = 50;

/**
 * An agent takes the next case of a queue, one case per take, with its contacts. An entry whose case
 * no longer waits (settled or taken elsewhere while the entry was left behind) is dropped and the next
 * one taken; undefined when nothing waits.
 */
export async function takeNextCase(
  deps: TakeDeps,
  queue: string,
  agentId: string,
  at: Date,
): Promise<{ case: Case; contacts: ContactRecord[] } | undefined> {
  for (let i = 0; i < MAX_STALE; i++) {
    const entry = await deps.queues.take(queue);
    if (!entry) return undefined;
    const taken = await applyCaseAction(
      deps,
      entry.caseNumber,
      { type: 'take' },
      { kind: 'agent', id: agentId },
      at,
    );
    if (taken.ok) return { case: taken.case, contacts: await deps.contactsOf(entry.caseNumber) };
  }
  return undefined;
}

const REFUSAL_TEXT: Readonly<Record<RefusalReason | 'not_found', string>> = {
  case_merged: 'the case was merged into another one; act on that case',
  case_closed: 'the case is closed; only internal notes can be added',
  new_case_needed: 'the case was settled too long ago; a new case is needed',
  not_permitted: 'this action is not for an agent',
  not_allowed: 'the case is not in a status that allows this action',
  already_with_agent: 'the case is already with an agent',
  already_resolved: 'the case is already resolved',
  close_not_due: 'the case has not been resolved long enough to close',
  self_merge: 'a case cannot be merged into itself',
  invalid_time: 'the time is not valid for this case',
  not_found: 'no such case',
};

/** A refused action in words an operator understands, naming the case's status. */
export function refusalText(result: Exclude<ApplyActionResult, { ok: true }>): string {
  const base = REFUSAL_TEXT[result.reason];
  return 'status' in result ? `${result.action} refused: ${base} (status ${result.status})` : base;
}
