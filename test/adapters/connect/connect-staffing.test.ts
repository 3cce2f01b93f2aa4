import { ConnectClient, GetCurrentMetricDataCommand } from '@aws-sdk/client-connect';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConnectContactCenter } from '../../../functions/adapters/connect/connect-contact-center';
import { CaseTaskItems } from '../../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../../functions/adapters/dynamodb/table-client';

const connect = mockClient(ConnectClient);
const queues = {
  'fr-team': { id: 'q-fr', arn: 'arn:aws:connect:eu-west-1:111122223333:instance/i-1/queue/q-fr' },
  'global-247': { id: 'q-247', arn: 'arn:aws:connect:eu-west-1:111122223333:instance/i-1/queue/q-247' },
};
// Reading staffing never touches the case-task items, so they sit on a table nothing calls.
const unusedTasks = new CaseTaskItems(
  new TableClient(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' })), 'unused'),
);

function centre(nowMs = () => Date.parse('2026-11-22T22:10:05.000Z')) {
  return new ConnectContactCenter(
    new ConnectClient({ region: 'eu-west-1' }),
    { instanceId: 'i-1', taskFlowId: 'flow-task', queues, nowMs },
    unusedTasks,
  );
}

describe('ConnectContactCenter staffing', () => {
  beforeEach(() => connect.reset());

  it('reads staffed agents per policy queue, counting a queue missing from the answer as empty', async () => {
    // Prepare
    connect.on(GetCurrentMetricDataCommand).resolves({
      MetricResults: [
        {
          Dimensions: { Queue: { Id: 'q-fr' } },
          Collections: [{ Metric: { Name: 'AGENTS_STAFFED' }, Value: 3 }],
        },
      ],
    });
    // Act
    const staffing = await centre().staffing();
    // Assess
    expect(staffing).toEqual({ 'fr-team': 3, 'global-247': 0 });
    expect(connect).toHaveReceivedCommandWith(GetCurrentMetricDataCommand, {
      Groupings: ['QUEUE'],
      Filters: expect.objectContaining({ Queues: ['q-fr', 'q-247'] }),
    });
  });

  it('reads the contacts in queue in the same request, for load shedding', async () => {
    // Prepare
    connect.on(GetCurrentMetricDataCommand).resolves({
      MetricResults: [
        {
          Dimensions: { Queue: { Id: 'q-fr' } },
          Collections: [
            { Metric: { Name: 'AGENTS_STAFFED' }, Value: 2 },
            { Metric: { Name: 'CONTACTS_IN_QUEUE' }, Value: 57 },
          ],
        },
      ],
    });
    const c = centre();
    // Act
    const [staffing, waiting] = await Promise.all([c.staffing(), c.waitingCases()]);
    // Assess: one GetCurrentMetricData answers both
    expect(staffing).toEqual({ 'fr-team': 2, 'global-247': 0 });
    expect(waiting).toEqual({ 'fr-team': 57, 'global-247': 0 });
    expect(connect.commandCalls(GetCurrentMetricDataCommand)).toHaveLength(1);
    expect(connect).toHaveReceivedCommandWith(GetCurrentMetricDataCommand, {
      CurrentMetrics: [
        { Name: 'AGENTS_STAFFED', Unit: 'COUNT' },
        { Name: 'CONTACTS_IN_QUEUE', Unit: 'COUNT' },
      ],
    });
  });

  it('keeps no failed reading: the next contact asks Connect again', async () => {
    // Prepare
    connect
      .on(GetCurrentMetricDataCommand)
      .rejectsOnce(new Error('Throttled'))
      .resolves({ MetricResults: [] });
    const c = centre();
    // Act
    const failed = await c.waitingCases().catch((error: Error) => error.name);
    const next = await c.waitingCases();
    // Assess
    expect(failed).toBe('DependencyError');
    expect(next).toEqual({ 'fr-team': 0, 'global-247': 0 });
  });

  it('reuses a staffing reading for 30 seconds, then asks again', async () => {
    let now = 0;
    connect.on(GetCurrentMetricDataCommand).resolves({ MetricResults: [] });
    const c = centre(() => now);
    await c.staffing();
    now = 29_000;
    await c.staffing();
    expect(connect.commandCalls(GetCurrentMetricDataCommand)).toHaveLength(1);
    now = 31_000;
    await c.staffing();
    expect(connect.commandCalls(GetCurrentMetricDataCommand)).toHaveLength(2);
  });

  it('follows pagination when there are many queues', async () => {
    connect
      .on(GetCurrentMetricDataCommand)
      .resolvesOnce({
        NextToken: 'page-2',
        MetricResults: [
          {
            Dimensions: { Queue: { Id: 'q-fr' } },
            Collections: [{ Metric: { Name: 'AGENTS_STAFFED' }, Value: 1 }],
          },
        ],
      })
      .resolvesOnce({
        MetricResults: [
          {
            Dimensions: { Queue: { Id: 'q-247' } },
            Collections: [{ Metric: { Name: 'AGENTS_STAFFED' }, Value: 5 }],
          },
        ],
      });
    expect(await centre().staffing()).toEqual({ 'fr-team': 1, 'global-247': 5 });
  });
});
