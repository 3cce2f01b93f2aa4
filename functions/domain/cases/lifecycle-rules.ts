import type { Case, CaseEvent } from '../case';
import type { Channel } from '../contact';
import type { CaseLifecycleFields, LifecycleStatus } from './lifecycle-types';

/** Something that happens to a case: from a guest, an agent, Connect/TaskRouter events or the scheduler. */
export type CaseAction =
  | { readonly type: 'contact_received'; readonly contactId?: string | undefined; readonly channel?: Channel }
  | { readonly type: 'queued' }
  | { readonly type: 'take' }
  | { readonly type: 'connect' }
  | { readonly type: 'reply'; readonly messageId?: string | undefined; readonly text?: string | undefined }
  | { readonly type: 'callback'; readonly text: string; readonly messageId?: string | undefined }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'pending' }
  | { readonly type: 'resolve' }
  | { readonly type: 'reopen' }
  | { readonly type: 'close' }
  | { readonly type: 'merge'; readonly into: string }
  /** A supervisor should look at the case (e.g. its tasks keep ending unanswered); status unchanged. */
  | { readonly type: 'flag'; readonly reason: string };

/** The name of an action. */
export type CaseActionType = CaseAction['type'];

/** Why a transition was refused; the doors turn these into 409 answers. */
export type RefusalReason =
  | 'case_merged'
  | 'case_closed'
  | 'new_case_needed'
  | 'not_permitted'
  | 'not_allowed'
  | 'already_with_agent'
  | 'already_resolved'
  | 'close_not_due'
  | 'self_merge'
  | 'invalid_time';

/** A transition that did not happen: the case is unchanged. */
export interface Refusal {
  readonly ok: false;
  readonly reason: RefusalReason;
  readonly action: CaseActionType;
  readonly status: LifecycleStatus;
  /** For new_case_needed: the case the new one should link. */
  readonly linkedTo?: string | undefined;
}

/** A transition that happened: the case after it, and what to append to its timeline. */
export interface Transitioned<T> {
  readonly ok: true;
  readonly case: T;
  readonly events: readonly CaseEvent[];
}

/** What transition() reads and writes of a case; a full Case fits. */
export type LifecycleCase = Pick<Case, 'caseNumber' | 'status' | 'openedAt' | 'updatedAt' | 'contactCount'> &
  Partial<Pick<Case, 'queue' | 'priority'>> &
  CaseLifecycleFields;

type ActorKind = 'agent' | 'system' | 'guest';
const ACTIVE: readonly LifecycleStatus[] = ['new', 'waiting', 'with_agent', 'pending_guest'];

/** Who may perform each action. */
export const ACTION_ACTORS: Readonly<Record<CaseActionType, readonly ActorKind[]>> = {
  contact_received: ['guest'],
  queued: ['system'],
  take: ['agent'],
  connect: ['agent'],
  reply: ['agent'],
  // An agent asks for it (the number takes no text), or a caller takes the callback offered in the queue.
  callback: ['agent', 'guest'],
  note: ['agent'],
  pending: ['agent'],
  resolve: ['agent', 'system'],
  reopen: ['agent', 'guest', 'system'],
  close: ['system'],
  merge: ['system'],
  flag: ['system'],
};

/** The statuses each action may start from (merged and closed are handled before this table). */
export const ACTION_FROM: Readonly<Record<CaseActionType, readonly LifecycleStatus[]>> = {
  contact_received: [...ACTIVE, 'resolved'],
  queued: ['new'],
  take: ['new', 'waiting'],
  connect: ACTIVE,
  reply: ACTIVE,
  callback: ACTIVE,
  note: [...ACTIVE, 'resolved', 'closed'],
  pending: ['with_agent'],
  resolve: ACTIVE,
  reopen: ['resolved'],
  close: ['resolved'],
  merge: [...ACTIVE, 'resolved'],
  flag: ACTIVE,
};

/** The timeline event type each action writes. */
export const ACTION_EVENT: Readonly<Record<CaseActionType, CaseEvent['type']>> = {
  contact_received: 'contact',
  queued: 'queued',
  take: 'taken',
  connect: 'connected',
  reply: 'replied',
  callback: 'callback_requested',
  note: 'note',
  pending: 'pending',
  resolve: 'resolved',
  reopen: 'reopened',
  close: 'closed',
  merge: 'merged',
  flag: 'flagged',
};
