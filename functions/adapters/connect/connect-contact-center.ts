import { createHash } from 'node:crypto';
import {
  type ConnectClient,
  DescribeContactCommand,
  StartTaskContactCommand,
  type StartTaskContactCommandInput,
  StopContactCommand,
  UpdateContactAttributesCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import type { Case } from '../../domain/case';
import { DependencyError } from '../../domain/errors';
import type { ContactCenter, HandOff } from '../../domain/ports';
import type { Staffing } from '../../domain/routing/decision';
import type { QueueLoad } from '../../domain/routing/queue-load';
import type { WaitingCounts } from '../../domain/routing/shed';
import type { CaseTask, CaseTaskItems } from '../dynamodb/case-task-items';
import { toDependencyError } from '../sdk-error';
import { type QueueMetrics, readQueueMetrics } from './connect-staffing';
import { CASE_OUTCOME_ATTRIBUTE, contactAttributesReader } from './contact-attributes';
import { taskAttributes, taskDescription, taskName, taskReferences } from './task-fields';

/** A Connect queue the policy's queue id maps to. */
export interface ConnectQueueRef {
  readonly id: string;
  readonly arn: string;
}

/** Where the Connect adapter sends tasks and how long it trusts a staffing reading. */
export interface ConnectContactCenterConfig {
  readonly instanceId: string;
  /** The task flow that reads queue and priority from the task's attributes. */
  readonly taskFlowId: string;
  /** Policy queue id → Connect queue. */
  readonly queues: Readonly<Record<string, ConnectQueueRef>>;
  /** How long a staffing and waiting reading is reused (GetCurrentMetricData is rate-limited). Default 30 s. */
  readonly staffingTtlMs?: number;
  readonly nowMs?: () => number;
}

// ClientToken is at most 500 characters; a digest keeps long case keys usable and stable.
function clientToken(key: string): string {
  return key.length <= 64 ? key : createHash('sha256').update(key).digest('hex');
}

/**
 * ContactCenter on Amazon Connect, one task per case: the first hand-off starts a task; a follow-up
 * while it waits updates its attributes and priority; once the agent is done, or when the case is sent
 * back to wait while the agent still holds the task (HandOff.requeue: a call-back), a hand-off starts
 * a new task related to the previous one. Which task carries a case lives in CaseTaskItems.
 */
export class ConnectContactCenter implements ContactCenter, QueueLoad {
  private cached?: { at: number; metrics: Promise<QueueMetrics> };

  constructor(
    private readonly client: ConnectClient,
    private readonly config: ConnectContactCenterConfig,
    private readonly tasks: CaseTaskItems,
  ) {}

  async handOff(handOff: HandOff): Promise<{ externalId: string }> {
    const queue = this.config.queues[handOff.queue];
    if (!queue) {
      throw new DependencyError('connect', `queue ${handOff.queue} has no Connect queue configured`, {
        retryable: false,
      });
    }
    let current = await this.tasks.get(handOff.caseNumber);
    // A task an agent holds shows a follow-up to that agent; a case sent back to wait (a call-back)
    // needs a task of its own: the held one's end is then not the case's (settleTask ignores it).
    const live = current?.state === 'queued' || (current?.state === 'with_agent' && !handOff.requeue);
    if (current && live) {
      if (await this.updateTask(current, handOff, queue)) return { externalId: current.contactId };
      // Connect no longer knows the task (expired, or its end event is still on its way): it is over.
      current =
        (await this.tasks.update(current.caseNumber, current.contactId, {
          state: 'ended',
          stateAt: this.nowIso(),
        })) ?? current;
    }
    return this.startTask(handOff, queue, current);
  }

  // A follow-up on a live task: false when Connect does not know the task any more.
  private async updateTask(current: CaseTask, handOff: HandOff, queue: ConnectQueueRef): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateContactAttributesCommand({
          InstanceId: this.config.instanceId,
          InitialContactId: current.contactId,
          Attributes: taskAttributes(handOff, queue),
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name === 'ResourceNotFoundException') return false;
      throw toDependencyError('connect', 'UpdateContactAttributes', error);
    }
    // Waiting: the most urgent contact sets the priority. With an agent: the agent sees the new
    // attributes; routing no longer matters.
    if (current.state === 'queued' && handOff.priority < (current.prioritySent ?? Number.MAX_VALUE))
      await this.setPriority(current, handOff.priority);
    return true;
  }

  /** Stops the case's task while it still waits (the case was resolved or merged elsewhere). */
  async withdraw(caseNumber: string): Promise<void> {
    const task = await this.tasks.get(caseNumber);
    // A task with an agent is the agent's to finish; an ended one has nothing to stop.
    if (task?.state !== 'queued') return;
    try {
      await this.client.send(
        new StopContactCommand({ InstanceId: this.config.instanceId, ContactId: task.contactId }),
      );
    } catch (error) {
      // Already gone in Connect (expired, or its end event is on its way): nothing left to stop.
      if ((error as { name?: string }).name !== 'ContactNotFoundException')
        throw toDependencyError('connect', 'StopContact', error);
    }
    await this.tasks.update(caseNumber, task.contactId, { state: 'ended', stateAt: this.nowIso() }, [
      'queued',
    ]);
  }

  async staffing(): Promise<Staffing> {
    return (await this.metrics()).staffing;
  }

  /** Contacts in queue per policy queue, from the same cached reading as the staffing. */
  async waitingCases(): Promise<WaitingCounts> {
    return (await this.metrics()).waiting;
  }

  // One reading shared by concurrent contacts; a failed one is not kept, so the next contact asks again.
  private metrics(): Promise<QueueMetrics> {
    const now = (this.config.nowMs ?? Date.now)();
    if (this.cached && now - this.cached.at < (this.config.staffingTtlMs ?? 30_000))
      return this.cached.metrics;
    const metrics = readQueueMetrics(this.client, this.config.instanceId, this.config.queues);
    const entry = { at: now, metrics };
    this.cached = entry;
    metrics.catch(() => {
      if (this.cached === entry) this.cached = undefined;
    });
    return metrics;
  }

  private async startTask(
    handOff: HandOff,
    queue: ConnectQueueRef,
    previous: CaseTask | undefined,
  ): Promise<{ externalId: string }> {
    return this.launch(handOff.caseNumber, handOff.queue, handOff.priority, previous, {
      Name: taskName(handOff),
      Description: taskDescription(handOff),
      Attributes: taskAttributes(handOff, queue),
      References: taskReferences(handOff),
    });
  }

  /**
   * Starts a new task for a waiting case whose task `previous` ended without an agent (expired, or
   * stopped by the flow after both queues refused it for 2 hours): same name, description and
   * attributes (without what was said about the ended task), related to the previous one. Counts the unanswered tasks in a row on the new task.
   */
  async restartTask(kase: Case, previous: CaseTask): Promise<{ externalId: string }> {
    const contact = await this.describe(previous.contactId);
    const attributes = await contactAttributesReader(this.client, this.config.instanceId)(previous.contactId);
    // What was said about the ended task (an outcome, the flow's handoff=refused) is not the new one's.
    const { [CASE_OUTCOME_ATTRIBUTE]: _outcome, handoff: _handoff, ...kept } = attributes;
    const queue = this.config.queues[previous.queue];
    // What the task flow routes by comes from the case as it is now, even if Connect forgot the old task.
    const routing = {
      caseNumber: kase.caseNumber,
      priority: String(kase.priority),
      language: kase.language,
      topic: kase.topic,
      contactCount: String(kase.contactCount),
      ...(queue ? { queueId: queue.id, queueArn: queue.arn } : {}),
    };
    return this.launch(
      kase.caseNumber,
      previous.queue,
      kase.priority,
      previous,
      {
        Name: contact?.Name ?? `${kase.caseNumber} · ${kase.topic} · ${kase.language}`,
        Description: contact?.Description ?? `Case ${kase.caseNumber}: its previous task ended unanswered.`,
        Attributes: { ...kept, ...routing },
      },
      (previous.unansweredBefore ?? 0) + 1,
    );
  }

  private async describe(contactId: string) {
    try {
      const out = await this.client.send(
        new DescribeContactCommand({ InstanceId: this.config.instanceId, ContactId: contactId }),
      );
      return out.Contact;
    } catch {
      // Connect may have forgotten it already: the case's own fields name the new task.
      return undefined;
    }
  }

  private async launch(
    caseNumber: string,
    queueName: string,
    priority: number,
    previous: CaseTask | undefined,
    fields: Pick<StartTaskContactCommandInput, 'Name' | 'Description' | 'Attributes' | 'References'>,
    unansweredBefore = 0,
  ): Promise<{ externalId: string }> {
    const generation = (previous?.generation ?? 0) + 1;
    const started = await this.call('StartTaskContact', () =>
      this.client.send(
        new StartTaskContactCommand({
          InstanceId: this.config.instanceId,
          ContactFlowId: this.config.taskFlowId,
          ...fields,
          // Per case and generation: a retried hand-off gets the same task back from Connect.
          ClientToken: clientToken(`${caseNumber}#${generation}`),
          // RelatedContactId, not PreviousContactId: a PreviousContactId chain shares attribute updates
          // (an old task's caseOutcome would leak into the new one) and ends at 12 tasks; related
          // contacts copy the attributes once and have no limit (StartTaskContact API reference).
          ...(previous ? { RelatedContactId: previous.contactId } : {}),
        }),
      ),
    );
    const contactId = started.ContactId;
    if (!contactId) throw new DependencyError('connect', 'StartTaskContact returned no ContactId');
    const now = this.nowIso();
    const task: CaseTask = {
      caseNumber,
      contactId,
      generation,
      state: 'queued',
      enqueuedAt: now,
      stateAt: now,
      queue: queueName,
      ...(unansweredBefore > 0 ? { unansweredBefore } : {}),
    };
    const holder = await this.tasks.start(task);
    if (holder.contactId !== contactId) {
      // Another hand-off of the same case won the race with a later task: ours must not wait too.
      await this.client
        .send(new StopContactCommand({ InstanceId: this.config.instanceId, ContactId: contactId }))
        .catch(() => undefined);
      return { externalId: holder.contactId };
    }
    await this.setPriority(task, priority);
    return { externalId: contactId };
  }

  private async setPriority(task: CaseTask, priority: number): Promise<void> {
    await this.call('UpdateContactRoutingData', () =>
      this.client.send(
        new UpdateContactRoutingDataCommand({
          InstanceId: this.config.instanceId,
          ContactId: task.contactId,
          QueuePriority: priority,
        }),
      ),
    );
    await this.tasks.update(task.caseNumber, task.contactId, { prioritySent: priority });
  }

  private async call<T>(action: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw toDependencyError('connect', action, error);
    }
  }

  private nowIso(): string {
    return new Date((this.config.nowMs ?? Date.now)()).toISOString();
  }
}
