import type { Case } from '../case';
import { lifecycleStatus } from './follow-up';
import type { CaseAction } from './lifecycle-rules';
import type { CaseActor } from './lifecycle-types';

/**
 * What the contact centre reports about the work item carrying a case (an Amazon Connect task, a
 * TaskRouter task), in our words. Adapters translate their events into these; one mapping below
 * decides what each does to the case, for every contact centre.
 */
export type AgentTaskEvent =
  | { readonly kind: 'agent_connected'; readonly agentId: string }
  | {
      readonly kind: 'task_finished';
      /** The agent who worked it; none when it ended unanswered (withdrawn, expired). */
      readonly agentId?: string | undefined;
      /** What the agent said the case is now (the task's `caseOutcome`); none means resolved. */
      readonly outcome?: string | undefined;
    };

/** Outcomes an agent may leave on a finished task. */
export const CASE_OUTCOMES = ['resolved', 'pending_guest'] as const;

/** A case outcome an agent may set. */
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** The case action an event calls for, or why it calls for none. */
export type AgentTaskMove =
  | { readonly move: true; readonly action: CaseAction; readonly who: CaseActor; readonly warning?: string }
  | { readonly move: false; readonly why: string };

/**
 * The case action for a contact-centre event: an agent connected takes the case (first response);
 * a finished task resolves it unless the agent left `pending_guest`; a task that ended without an
 * agent moves nothing (the case still waits; its next hand-off starts a new task).
 */
export function caseMoveFor(event: AgentTaskEvent): AgentTaskMove {
  if (event.kind === 'agent_connected')
    return { move: true, action: { type: 'connect' }, who: { kind: 'agent', id: event.agentId } };
  if (!event.agentId) return { move: false, why: 'task ended without an agent' };
  const who: CaseActor = { kind: 'agent', id: event.agentId };
  const outcome = event.outcome?.trim().toLowerCase();
  if (outcome === 'pending_guest') return { move: true, action: { type: 'pending' }, who };
  if (!outcome || outcome === 'resolved') return { move: true, action: { type: 'resolve' }, who };
  // An outcome we do not know (a typo in a flow) must not leave the case with an agent who left:
  // resolving is what "done" means, and the warning names the value so it can be fixed.
  return {
    move: true,
    action: { type: 'resolve' },
    who,
    warning: `unknown caseOutcome "${event.outcome}" read as resolved (known: ${CASE_OUTCOMES.join(', ')})`,
  };
}

/**
 * How many tasks of a case may end unanswered in a row before a supervisor is asked to look instead
 * of another task being started: a task Connect expires (7 days) comes back twice, 21 days in all; a
 * task the flow stops at once (both queues refuse it) does not loop.
 */
export const UNANSWERED_TASKS_BEFORE_SUPERVISOR = 3;

/** What a case needs once a task carrying it ended without an agent. */
export type UnansweredTaskNext =
  | { readonly next: 'nothing'; readonly why: string }
  | { readonly next: 'new_task' }
  | { readonly next: 'supervisor'; readonly reason: string };

/**
 * A case must not wait without a waiting entry: when its task ends unanswered and the case still
 * waits, it gets a new task linked to the previous one, where the contact centre can start one
 * (`canStartTask`: a Connect task can be started again; a caller who hung up cannot be queued again)
 * and fewer than UNANSWERED_TASKS_BEFORE_SUPERVISOR tasks ended so in a row (`endedInARow`, this one
 * included); otherwise it is flagged for a supervisor. A case that moved on (an agent took it another
 * way, it was resolved) needs nothing, nor does a call that ended because its caller took the callback
 * (a `callback_requested` no agent has answered yet): the case waits to be called.
 */
export function afterUnansweredTask(
  kase: (Pick<Case, 'status'> & Partial<Pick<Case, 'timeline'>>) | undefined,
  endedInARow: number,
  canStartTask: boolean,
): UnansweredTaskNext {
  if (!kase) return { next: 'nothing', why: 'no such case' };
  const status = lifecycleStatus(kase.status);
  if (status !== 'waiting' && status !== 'new') return { next: 'nothing', why: `case is ${status}` };
  // A caller who took the callback left the queue on purpose: the case waits in its entry to be called.
  if (!canStartTask && awaitsCallback(kase.timeline ?? []))
    return { next: 'nothing', why: 'the caller asked to be called back' };
  if (!canStartTask) return { next: 'supervisor', reason: 'the call ended before an agent answered' };
  if (endedInARow >= UNANSWERED_TASKS_BEFORE_SUPERVISOR)
    return { next: 'supervisor', reason: `${endedInARow} tasks in a row ended without an agent` };
  return { next: 'new_task' };
}

// Whether the latest call-back asked for is still to be made: no agent has answered the case since.
function awaitsCallback(timeline: Case['timeline']): boolean {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const type = timeline[i]?.type;
    if (type === 'callback_requested') return true;
    if (type === 'connected' || type === 'taken' || type === 'replied') return false;
  }
  return false;
}
