import type { Case } from '../../domain/case';
import { type AgentTaskEvent, afterUnansweredTask } from '../../domain/cases/agent-task-events';
import type { CaseLifecycleStore } from '../../domain/store-ports';
import type { FormParams } from '../../handlers/http/form';
import { singleValues } from '../../handlers/http/form';
import { flagForSupervisor, type MoveCase, move, type TaskEventResult } from '../connect/task-event-sync';
import type { CaseTaskItems } from '../dynamodb/case-task-items';

/**
 * TaskRouter event callbacks (the Workspace's EventCallbackUrl, form POST, signed like every Twilio
 * webhook). Per Twilio's "TaskRouter Events reference": EventType, AccountSid, WorkspaceSid,
 * ResourceType, ResourceSid and Timestamp on every event; Task events add TaskSid and TaskAttributes
 * (JSON), Reservation events the Task and Worker fields (WorkerSid, …). Our voice tasks carry
 * `caseNumber` in their attributes (functions/handlers/voice/twilio-answer.ts).
 */
const FIELDS = [
  'EventType',
  'Sid',
  'ResourceSid',
  'Timestamp',
  'TaskSid',
  'TaskAttributes',
  'WorkerSid',
  'TaskCanceledReason',
];
/**
 * The events followed: a reservation accepted (a worker took the call) and the two ends of a Task's
 * life, completed and canceled ("Lifecycle of a Task: Task state"). workflow.timeout and
 * task-queue.timeout are steps on the way to one of those ends, not ends themselves.
 */
const FOLLOWED = new Set(['reservation.accepted', 'task.completed', 'task.canceled']);

/** What following TaskRouter needs. */
export interface TaskRouterDeps {
  readonly tasks: Pick<CaseTaskItems, 'claimEvent' | 'releaseEvent'>;
  readonly cases: Pick<CaseLifecycleStore, 'getCase'>;
  readonly moveCase: MoveCase;
}

function eventTime(timestamp: string | undefined): Date | undefined {
  if (!timestamp) return undefined;
  // Epoch seconds in TaskRouter's callbacks; ISO 8601 accepted too.
  const at = /^\d+(\.\d+)?$/.test(timestamp) ? new Date(Number(timestamp) * 1000) : new Date(timestamp);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function caseNumberOf(attributes: string | undefined): { caseNumber?: string; outcome?: string } {
  try {
    const parsed = JSON.parse(attributes ?? '{}') as Record<string, unknown>;
    return {
      ...(typeof parsed.caseNumber === 'string' && parsed.caseNumber
        ? { caseNumber: parsed.caseNumber }
        : {}),
      ...(typeof parsed.caseOutcome === 'string' ? { outcome: parsed.caseOutcome } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * Follows one (already verified) TaskRouter event: `reservation.accepted` puts the task's case with
 * the worker; `task.completed` settles it as the agent left it (`caseOutcome` in the task attributes,
 * else resolved). A task that ended without a worker (`task.canceled`: the caller hung up, or the
 * task timed out of its workflow) leaves a waiting case with no entry and a caller no longer on the
 * line: the case is flagged for a supervisor (afterUnansweredTask). Other event types and tasks
 * without a case are ignored; idempotent by event Sid.
 */
export async function followTaskRouterEvent(
  deps: TaskRouterDeps,
  params: FormParams,
): Promise<TaskEventResult> {
  const p = singleValues(params, FIELDS);
  if (!p.EventType || !FOLLOWED.has(p.EventType))
    return { outcome: 'ignored', why: `event type ${p.EventType ?? '(none)'}` };
  const { caseNumber, outcome } = caseNumberOf(p.TaskAttributes);
  if (!caseNumber) return { outcome: 'ignored', why: 'task without a caseNumber attribute' };
  const at = eventTime(p.Timestamp);
  if (!at) return { outcome: 'ignored', why: `unreadable Timestamp ${JSON.stringify(p.Timestamp ?? '')}` };
  // Sid names the event; without one, the event's type, resource and time identify it.
  const eventId = p.Sid ?? `${p.EventType}:${p.ResourceSid ?? p.TaskSid ?? ''}:${p.Timestamp}`;
  if (!(await deps.tasks.claimEvent('twilio', eventId, at)))
    return { outcome: 'duplicate', why: `event ${eventId} applied already` };
  try {
    let event: AgentTaskEvent;
    if (p.EventType === 'reservation.accepted') {
      if (!p.WorkerSid) return { outcome: 'ignored', why: 'reservation.accepted without WorkerSid' };
      event = { kind: 'agent_connected', agentId: p.WorkerSid };
    } else {
      // Task events carry no worker: the agent is the one the case is with.
      const kase = await deps.cases.getCase(caseNumber);
      const agentId = p.WorkerSid ?? (p.EventType === 'task.completed' ? kase?.agentId : undefined);
      if (!agentId) return await unanswered(deps, caseNumber, kase, p.TaskCanceledReason, at);
      event = { kind: 'task_finished', agentId, outcome };
    }
    return await move(deps, caseNumber, event, at);
  } catch (error) {
    await deps.tasks.releaseEvent('twilio', eventId);
    throw error;
  }
}

async function unanswered(
  deps: TaskRouterDeps,
  caseNumber: string,
  kase: Case | undefined,
  canceledReason: string | undefined,
  at: Date,
): Promise<TaskEventResult> {
  const next = afterUnansweredTask(kase, 1, false);
  if (next.next !== 'supervisor') return { outcome: 'recorded', caseNumber };
  const reason = canceledReason ? `${next.reason} (TaskRouter: ${canceledReason})` : next.reason;
  return flagForSupervisor(deps, caseNumber, reason, at);
}
