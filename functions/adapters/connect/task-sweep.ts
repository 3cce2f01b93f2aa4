import {
  type ConnectClient,
  DescribeContactCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import { connectRoutingData } from '../../domain/cases/connect-routing';
import { waitingDueAt } from '../../domain/cases/escalation';
import type { RoutingPolicy } from '../../domain/routing/policy-schema';
import type { CaseLifecycleStore } from '../../domain/store-ports';
import type { CaseTask } from '../dynamodb/case-task-items';
import { toDependencyError } from '../sdk-error';
import { agentConnected, settleTask, type TaskEventDeps, type TaskEventResult } from './task-event-sync';

/** What the scheduled sweep needs besides following events. */
export interface TaskSweepDeps extends TaskEventDeps {
  readonly client: ConnectClient;
  readonly cases: Pick<CaseLifecycleStore, 'getCase'>;
  readonly policy: RoutingPolicy;
}

// Every key sorts before this one: "all open tasks" on the index.
const AFTER_EVERY_KEY = '~';
/** The name of the escalation pass's cursor (kept between runs). */
export const ESCALATION_SWEEP = 'escalation';

/** How one run reads: tasks per page, and whether its time is up (checked before each page). */
export interface SweepPaging {
  readonly pageSize: number;
  readonly timeUp: () => boolean;
}

/**
 * Contact events are delivered best effort: a task whose state nobody told us about for
 * `staleMinutes` is asked about with DescribeContact, and the case moved as the event would have.
 * A task Connect no longer knows is settled as over. Pages through every stale task, oldest first,
 * until none is left or the run's time is up: a checked task is either settled (off the open list) or
 * stamped as learned now (to the back of the list), so the next run starts with those not checked yet
 * and none waits behind the others for ever.
 */
export async function reconcileTasks(
  deps: TaskSweepDeps,
  now: Date,
  staleMinutes: number,
  paging: SweepPaging,
): Promise<TaskEventResult[]> {
  const before = new Date(now.getTime() - staleMinutes * 60_000).toISOString();
  const results: TaskEventResult[] = [];
  let cursor: string | undefined;
  do {
    if (paging.timeUp()) break;
    const page = await deps.tasks.listOpenPage(before, paging.pageSize, cursor);
    for (const task of page.tasks) results.push(await reconcile(deps, task, now));
    cursor = page.next;
  } while (cursor);
  return results;
}

async function reconcile(deps: TaskSweepDeps, task: CaseTask, now: Date): Promise<TaskEventResult> {
  let contact: Awaited<ReturnType<typeof describe>>;
  try {
    contact = await describe(deps, task.contactId);
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException')
      throw toDependencyError('connect', 'DescribeContact', error);
    return settleTask(deps, task.caseNumber, task.contactId, now);
  }
  const agentId = contact?.AgentInfo?.Id;
  const connectedAt = contact?.AgentInfo?.ConnectedToAgentTimestamp;
  const disconnectedAt = contact?.DisconnectTimestamp;
  if (task.state === 'queued' && agentId && connectedAt) {
    const moved = await agentConnected(deps, task.caseNumber, task.contactId, agentId, connectedAt);
    if (!disconnectedAt) return moved;
  }
  // Over, and the agent's after-contact work too (or there was no agent): settle as COMPLETED would.
  if (disconnectedAt && (!connectedAt || contact?.AgentInfo?.AfterContactWorkEndTimestamp)) {
    const at = contact?.AgentInfo?.AfterContactWorkEndTimestamp ?? disconnectedAt;
    return settleTask(deps, task.caseNumber, task.contactId, at, connectedAt ? agentId : undefined);
  }
  await deps.tasks.update(task.caseNumber, task.contactId, { stateAt: now.toISOString() });
  return { outcome: 'recorded', caseNumber: task.caseNumber };
}

async function describe(deps: TaskSweepDeps, contactId: string) {
  const out = await deps.client.send(
    new DescribeContactCommand({ InstanceId: deps.instanceId, ContactId: contactId }),
  );
  return out.Contact;
}

/** What escalation did to one waiting task. */
export interface Escalated {
  readonly caseNumber: string;
  readonly queuePriority?: number;
  readonly queueTimeAdjustmentSeconds?: number;
}

/**
 * Keeps each waiting task's Connect routing in the waiting order (docs/cases.md, "The same order in
 * Amazon Connect"): QueuePriority raised to the case's effective priority when escalation made it
 * more urgent (never lowered), and the routing-age adjustment sent once per task and due time. Two
 * requests, as UpdateContactRoutingData takes one of the two values per request. Pages through every
 * open task; a run whose time is up keeps its place (a cursor item) and the next run goes on from
 * there, starting over once the end is reached, so every open task is looked at in turn.
 */
export async function escalateWaitingTasks(
  deps: TaskSweepDeps,
  now: Date,
  paging: SweepPaging,
): Promise<Escalated[]> {
  const done: Escalated[] = [];
  let cursor = await deps.tasks.sweepCursor(ESCALATION_SWEEP);
  const startedAt = cursor;
  do {
    if (paging.timeUp()) break;
    const page = await deps.tasks.listOpenPage(AFTER_EVERY_KEY, paging.pageSize, cursor);
    for (const task of page.tasks) {
      const sent = await escalate(deps, task, now);
      if (sent) done.push(sent);
    }
    cursor = page.next;
  } while (cursor);
  if (cursor !== startedAt) await deps.tasks.saveSweepCursor(ESCALATION_SWEEP, cursor);
  return done;
}

async function escalate(deps: TaskSweepDeps, task: CaseTask, now: Date): Promise<Escalated | undefined> {
  if (task.state !== 'queued') return undefined;
  const kase = await deps.cases.getCase(task.caseNumber);
  if (!kase) return undefined;
  const entry = {
    caseNumber: kase.caseNumber,
    priority: kase.priority,
    topic: kase.topic,
    dueAt: waitingDueAt(kase),
    waitingSince: task.enqueuedAt,
  };
  const routing = connectRoutingData(entry, new Date(task.enqueuedAt), now, deps.policy);
  let sent: Escalated = { caseNumber: task.caseNumber };
  if (routing.queuePriority < (task.prioritySent ?? Number.MAX_VALUE)) {
    await route(deps, task, { QueuePriority: routing.queuePriority });
    await deps.tasks.update(task.caseNumber, task.contactId, { prioritySent: routing.queuePriority });
    sent = { ...sent, queuePriority: routing.queuePriority };
  }
  if (task.adjustedForDue !== entry.dueAt) {
    await route(deps, task, { QueueTimeAdjustmentSeconds: routing.queueTimeAdjustmentSeconds });
    await deps.tasks.update(task.caseNumber, task.contactId, { adjustedForDue: entry.dueAt });
    sent = { ...sent, queueTimeAdjustmentSeconds: routing.queueTimeAdjustmentSeconds };
  }
  return Object.keys(sent).length > 1 ? sent : undefined;
}

async function route(
  deps: TaskSweepDeps,
  task: CaseTask,
  value: { QueuePriority: number } | { QueueTimeAdjustmentSeconds: number },
): Promise<void> {
  try {
    await deps.client.send(
      new UpdateContactRoutingDataCommand({
        InstanceId: deps.instanceId,
        ContactId: task.contactId,
        ...value,
      }),
    );
  } catch (error) {
    throw toDependencyError('connect', 'UpdateContactRoutingData', error);
  }
}
