import { createHash } from 'node:crypto';
import {
  type ConnectClient,
  GetCurrentMetricDataCommand,
  type GetCurrentMetricDataCommandOutput,
  StartTaskContactCommand,
  StopContactCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import { DependencyError } from '../../domain/errors';
import type { ContactCenter, HandOff } from '../../domain/ports';
import type { Staffing } from '../../domain/routing/decision';
import { toDependencyError } from '../sdk-error';
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
  /** How long a staffing reading is reused (GetCurrentMetricData is rate-limited). Default 30 s. */
  readonly staffingTtlMs?: number;
  readonly nowMs?: () => number;
  /** The Connect task currently waiting for a case, if any (kept by whoever records the case's task). */
  readonly taskOfCase?: (caseNumber: string) => Promise<string | undefined>;
}

// ClientToken is at most 500 characters; a digest keeps long message ids usable and stable.
function clientToken(contactId: string): string {
  return contactId.length <= 64 ? contactId : createHash('sha256').update(contactId).digest('hex');
}

/** ContactCenter on Amazon Connect: tasks via StartTaskContact, priority via UpdateContactRoutingData. */
export class ConnectContactCenter implements ContactCenter {
  private cached?: { at: number; staffing: Staffing };

  constructor(
    private readonly client: ConnectClient,
    private readonly config: ConnectContactCenterConfig,
  ) {}

  async handOff(handOff: HandOff): Promise<{ externalId: string }> {
    const queue = this.config.queues[handOff.queue];
    if (!queue) {
      throw new DependencyError('connect', `queue ${handOff.queue} has no Connect queue configured`, {
        retryable: false,
      });
    }
    let contactId: string | undefined;
    try {
      const started = await this.client.send(
        new StartTaskContactCommand({
          InstanceId: this.config.instanceId,
          ContactFlowId: this.config.taskFlowId,
          Name: taskName(handOff),
          Description: taskDescription(handOff),
          Attributes: taskAttributes(handOff, queue),
          References: taskReferences(handOff),
          ClientToken: clientToken(handOff.contactId),
        }),
      );
      contactId = started.ContactId;
    } catch (error) {
      throw toDependencyError('connect', 'StartTaskContact', error);
    }
    if (!contactId) throw new DependencyError('connect', 'StartTaskContact returned no ContactId');
    try {
      await this.client.send(
        new UpdateContactRoutingDataCommand({
          InstanceId: this.config.instanceId,
          ContactId: contactId,
          QueuePriority: handOff.priority,
        }),
      );
    } catch (error) {
      throw toDependencyError('connect', 'UpdateContactRoutingData', error);
    }
    return { externalId: contactId };
  }

  // StopContact: "Chat and task contacts can be terminated in any state" (Connect API reference).
  async withdraw(caseNumber: string): Promise<void> {
    const taskId = await this.config.taskOfCase?.(caseNumber);
    if (!taskId) return;
    try {
      await this.client.send(
        new StopContactCommand({ InstanceId: this.config.instanceId, ContactId: taskId }),
      );
    } catch (error) {
      throw toDependencyError('connect', 'StopContact', error);
    }
  }

  async staffing(): Promise<Staffing> {
    const now = (this.config.nowMs ?? Date.now)();
    if (this.cached && now - this.cached.at < (this.config.staffingTtlMs ?? 30_000))
      return this.cached.staffing;
    const staffing = await this.readStaffing();
    this.cached = { at: now, staffing };
    return staffing;
  }

  private async readStaffing(): Promise<Staffing> {
    const byConnectId = new Map(Object.entries(this.config.queues).map(([policyId, q]) => [q.id, policyId]));
    // Queues with nobody logged in may be left out of the answer, so every queue starts at zero.
    const staffing: Record<string, number> = Object.fromEntries(
      [...byConnectId.values()].map((id) => [id, 0]),
    );
    let nextToken: string | undefined;
    do {
      let page: GetCurrentMetricDataCommandOutput;
      try {
        page = await this.client.send(
          new GetCurrentMetricDataCommand({
            InstanceId: this.config.instanceId,
            Filters: { Queues: [...byConnectId.keys()], Channels: ['VOICE', 'TASK'] },
            Groupings: ['QUEUE'],
            CurrentMetrics: [{ Name: 'AGENTS_STAFFED', Unit: 'COUNT' }],
            NextToken: nextToken,
          }),
        );
      } catch (error) {
        throw toDependencyError('connect', 'GetCurrentMetricData', error);
      }
      for (const row of page.MetricResults ?? []) {
        const policyId = byConnectId.get(row.Dimensions?.Queue?.Id ?? '');
        const value = row.Collections?.find((c) => c.Metric?.Name === 'AGENTS_STAFFED')?.Value ?? 0;
        if (policyId) staffing[policyId] = (staffing[policyId] ?? 0) + value;
      }
      nextToken = page.NextToken;
    } while (nextToken);
    return staffing;
  }
}
