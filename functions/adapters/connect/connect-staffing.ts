import {
  type ConnectClient,
  GetCurrentMetricDataCommand,
  type GetCurrentMetricDataCommandOutput,
} from '@aws-sdk/client-connect';
import type { Staffing } from '../../domain/routing/decision';
import { toDependencyError } from '../sdk-error';
import type { ConnectQueueRef } from './connect-contact-center';

/** Agents staffed per policy queue, read with GetCurrentMetricData (every page). */
export async function readStaffing(
  client: ConnectClient,
  instanceId: string,
  queues: Readonly<Record<string, ConnectQueueRef>>,
): Promise<Staffing> {
  const byConnectId = new Map(Object.entries(queues).map(([policyId, q]) => [q.id, policyId]));
  // Queues with nobody logged in may be left out of the answer, so every queue starts at zero.
  const staffing: Record<string, number> = Object.fromEntries([...byConnectId.values()].map((id) => [id, 0]));
  let nextToken: string | undefined;
  do {
    let page: GetCurrentMetricDataCommandOutput;
    try {
      page = await client.send(
        new GetCurrentMetricDataCommand({
          InstanceId: instanceId,
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
