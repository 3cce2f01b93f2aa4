import type { Case } from '../../domain/case';
import { type AgentTaskEvent, afterUnansweredTask, caseMoveFor } from '../../domain/cases/agent-task-events';
import type { CaseAction } from '../../domain/cases/lifecycle-rules';
import type { CaseActor } from '../../domain/cases/lifecycle-types';
import type { CaseLifecycleStore } from '../../domain/store-ports';
import type { CaseTask, CaseTaskItems } from '../dynamodb/case-task-items';
import { CASE_OUTCOME_ATTRIBUTE } from './contact-attributes';
import { agentIdFromArn, type ConnectContactEvent, instanceIdFromArn } from './contact-event';

/** Applies one case action (the case lifecycle use case); a refusal is an answer, not a failure. */
export type MoveCase = (
  caseNumber: string,
  action: CaseAction,
  who: CaseActor,
  at: Date,
) => Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }>;

/** What following Connect's events needs. */
export interface TaskEventDeps {
  readonly instanceId: string;
  readonly tasks: CaseTaskItems;
  /** The task's user-defined contact attributes (GetContactAttributes): where `caseOutcome` is. */
  readonly attributes: (contactId: string) => Promise<Readonly<Record<string, string>>>;
  readonly moveCase: MoveCase;
  readonly cases: Pick<CaseLifecycleStore, 'getCase'>;
  /** Starts a new task for a waiting case whose task ended unanswered (ConnectContactCenter.restartTask). */
  readonly restartTask: (kase: Case, previous: CaseTask) => Promise<{ externalId: string }>;
}

/** What one event did, for the log and the tests. */
export type TaskEventResult =
  | {
      readonly outcome: 'moved' | 'refused' | 'requeued' | 'flagged';
      readonly caseNumber: string;
      readonly detail: string;
    }
  | { readonly outcome: 'recorded'; readonly caseNumber: string }
  | { readonly outcome: 'ignored' | 'duplicate'; readonly why: string };

/** The event types that move a case; every other type is ignored (Connect adds new ones over time). */
const FOLLOWED = new Set(['CONNECTED_TO_AGENT', 'DISCONNECTED', 'COMPLETED']);

/**
 * Follows one Connect contact event: CONNECTED_TO_AGENT puts the case with that agent; DISCONNECTED
 * notes that the task is over but waits for COMPLETED, which comes after the agent's after-contact
 * work (where the agent may set `caseOutcome`); COMPLETED settles the case. Idempotent by event id;
 * events about other instances, other contacts or older tasks of a case are ignored.
 */
export async function followContactEvent(
  deps: TaskEventDeps,
  event: ConnectContactEvent,
): Promise<TaskEventResult> {
  if (!FOLLOWED.has(event.eventType)) return { outcome: 'ignored', why: `event type ${event.eventType}` };
  const instance = instanceIdFromArn(event.instanceArn);
  if (instance && instance !== deps.instanceId) return { outcome: 'ignored', why: 'another instance' };
  const ref = await deps.tasks.findByContact(event.contactId);
  if (!ref) return { outcome: 'ignored', why: 'not one of our tasks' };
  if (!(await deps.tasks.claimEvent('connect', event.eventId, new Date(event.time))))
    return { outcome: 'duplicate', why: `event ${event.eventId} applied already` };
  try {
    return await apply(deps, event, ref.caseNumber);
  } catch (error) {
    await deps.tasks.releaseEvent('connect', event.eventId);
    throw error;
  }
}

async function apply(
  deps: TaskEventDeps,
  event: ConnectContactEvent,
  caseNumber: string,
): Promise<TaskEventResult> {
  const at = new Date(event.time);
  const eventAgent = event.agentArn ? agentIdFromArn(event.agentArn) : undefined;
  if (event.eventType === 'CONNECTED_TO_AGENT') {
    if (!eventAgent) return { outcome: 'ignored', why: 'CONNECTED_TO_AGENT without agentInfo' };
    return agentConnected(deps, caseNumber, event.contactId, eventAgent, at);
  }
  if (event.eventType === 'DISCONNECTED') {
    const task = await deps.tasks.update(
      caseNumber,
      event.contactId,
      { state: 'disconnected', stateAt: event.time, agentId: eventAgent },
      ['queued', 'with_agent'],
    );
    return task ? { outcome: 'recorded', caseNumber } : { outcome: 'ignored', why: 'task already over' };
  }
  return settleTask(deps, caseNumber, event.contactId, at, eventAgent);
}

/** Puts the case with the agent its task `contactId` reached (the event, or the reconciliation). */
export async function agentConnected(
  deps: TaskEventDeps,
  caseNumber: string,
  contactId: string,
  agentId: string,
  at: Date,
): Promise<TaskEventResult> {
  const task = await deps.tasks.update(
    caseNumber,
    contactId,
    { state: 'with_agent', stateAt: at.toISOString(), agentId },
    ['queued', 'with_agent'],
  );
  if (!task) return { outcome: 'ignored', why: 'not the case’s current task, or already over' };
  return move(deps, caseNumber, { kind: 'agent_connected', agentId }, at);
}

/**
 * Ends the case's task `contactId` and moves the case as its agent left it (COMPLETED, or the
 * reconciliation finding the task over). Exported for the reconciliation.
 */
export async function settleTask(
  deps: TaskEventDeps,
  caseNumber: string,
  contactId: string,
  at: Date,
  agentId?: string,
): Promise<TaskEventResult> {
  const before = await deps.tasks.get(caseNumber);
  if (before?.contactId !== contactId || before.state === 'ended')
    return { outcome: 'ignored', why: 'not the case’s current task, or already settled' };
  const agent = agentId ?? before.agentId;
  const outcome = agent ? (await deps.attributes(contactId))[CASE_OUTCOME_ATTRIBUTE] : undefined;
  // The case moves first: if ending the task then fails, the redelivered event moves it again (a
  // refusal such as already_resolved) and ends the task; the other order could lose the move.
  const moved = await move(deps, caseNumber, { kind: 'task_finished', agentId: agent, outcome }, at);
  await deps.tasks.update(caseNumber, contactId, { state: 'ended', stateAt: at.toISOString() }, [
    'queued',
    'with_agent',
    'disconnected',
  ]);
  return agent ? moved : unanswered(deps, before, at);
}

/**
 * A task that ended without an agent leaves no waiting entry: a case still waiting gets a new task
 * related to it, or after too many such tasks in a row a supervisor flag (afterUnansweredTask).
 */
async function unanswered(deps: TaskEventDeps, task: CaseTask, at: Date): Promise<TaskEventResult> {
  const kase = await deps.cases.getCase(task.caseNumber);
  const next = afterUnansweredTask(kase, (task.unansweredBefore ?? 0) + 1, true);
  if (next.next === 'nothing' || !kase) return { outcome: 'recorded', caseNumber: task.caseNumber };
  if (next.next === 'new_task') {
    const started = await deps.restartTask(kase, task);
    return { outcome: 'requeued', caseNumber: task.caseNumber, detail: `new task ${started.externalId}` };
  }
  return flagForSupervisor(deps, task.caseNumber, next.reason, at);
}

/** Flags a case for a supervisor (a timeline event by the system; the case keeps its status). */
export async function flagForSupervisor(
  deps: Pick<TaskEventDeps, 'moveCase'>,
  caseNumber: string,
  reason: string,
  at: Date,
): Promise<TaskEventResult> {
  const result = await deps.moveCase(caseNumber, { type: 'flag', reason }, 'system', at);
  return result.ok
    ? { outcome: 'flagged', caseNumber, detail: reason }
    : { outcome: 'refused', caseNumber, detail: `flag: ${result.reason}` };
}

/** Moves a case as a contact-centre event calls for (caseMoveFor), for Connect and TaskRouter alike. */
export async function move(
  deps: Pick<TaskEventDeps, 'moveCase'>,
  caseNumber: string,
  event: AgentTaskEvent,
  at: Date,
): Promise<TaskEventResult> {
  const decided = caseMoveFor(event);
  if (!decided.move) return { outcome: 'recorded', caseNumber };
  const result = await deps.moveCase(caseNumber, decided.action, decided.who, at);
  const detail = decided.warning ? `${decided.action.type} (${decided.warning})` : decided.action.type;
  return result.ok
    ? { outcome: 'moved', caseNumber, detail }
    : { outcome: 'refused', caseNumber, detail: `${detail}: ${result.reason}` };
}
