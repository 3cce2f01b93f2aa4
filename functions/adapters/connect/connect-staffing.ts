import {
  type ConnectClient,
  GetCurrentMetricDataCommand,
  type GetCurrentMetricDataCommandOutput,
} from '@aws-sdk/client-connect';
import type { Staffing } from '../../domain/routing/decision';
import type { WaitingCounts } from '../../domain/routing/shed';
import { toDependencyError } from '../sdk-error';
import type { ConnectQueueRef } from './connect-contact-center';

/** One reading of the policy queues in Connect: agents staffed and contacts waiting, per policy queue id. */
export interface QueueMetrics {
  readonly staffing: Staffing;
  /** CONTACTS_IN_QUEUE: the calls and case tasks waiting, the load shedding's count. */
  readonly waiting: WaitingCounts;
}

const METRICS = ['AGENTS_STAFFED', 'CONTACTS_IN_QUEUE'] as const;

/**
 * Agents staffed and contacts in queue per policy queue, read with one GetCurrentMetricData (every
 * page): both are current metrics of unit COUNT (Connect API reference, GetCurrentMetricData), so the
 * waiting count costs no request beyond the staffing reading.
 */
export async function readQueueMetrics(
  client: ConnectClient,
  instanceId: string,
  queues: Readonly<Record<string, ConnectQueueRef>>,
): Promise<QueueMetrics> {
  const byConnectId = new Map(Object.entries(queues).map(([policyId, q]) => [q.id, policyId]));
  // Queues with nobody logged in or waiting may be left out of the answer, so every queue starts at zero.
  const zeros = () => Object.fromEntries([...byConnectId.values()].map((id) => [id, 0]));
  const staffing: Record<string, number> = zeros();
  const waiting: Record<string, number> = zeros();
  let nextToken: string | undefined;
  do {
    let page: GetCurrentMetricDataCommandOutput;
    try {
      page = await client.send(
        new GetCurrentMetricDataCommand({
          InstanceId: instanceId,
          Filters: { Queues: [...byConnectId.keys()], Channels: ['VOICE', 'TASK'] },
          Groupings: ['QUEUE'],
          CurrentMetrics: METRICS.map((Name) => ({ Name, Unit: 'COUNT' })),
          NextToken: nextToken,
        }),
      );
    } catch (error) {
      throw toDependencyError('connect', 'GetCurrentMetricData', error);
    }
    for (const row of page.MetricResults ?? []) {
      const policyId = byConnectId.get(row.Dimensions?.Queue?.Id ?? '');
      if (!policyId) continue;
      const value = (name: string) => row.Collections?.find((c) => c.Metric?.Name === name)?.Value ?? 0;
      staffing[policyId] = (staffing[policyId] ?? 0) + value('AGENTS_STAFFED');
      waiting[policyId] = (waiting[policyId] ?? 0) + value('CONTACTS_IN_QUEUE');
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return { staffing, waiting };
}
