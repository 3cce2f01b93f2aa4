import {
  ConnectClient,
  GetCurrentMetricDataCommand,
  StartTaskContactCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConnectContactCenter } from '../../../functions/adapters/connect/connect-contact-center';
import { DependencyError } from '../../../functions/domain/errors';
import type { HandOff } from '../../../functions/domain/ports';

const connect = mockClient(ConnectClient);
const queues = {
  'fr-team': { id: 'q-fr', arn: 'arn:aws:connect:eu-west-1:111122223333:instance/i-1/queue/q-fr' },
  'global-247': { id: 'q-247', arn: 'arn:aws:connect:eu-west-1:111122223333:instance/i-1/queue/q-247' },
};
const handOff: HandOff = {
  contactId: 'sms:SM0123456789abcdef0123456789abcdef',
  caseNumber: 'CR-7K4M2Q',
  channel: 'sms',
  queue: 'fr-team',
  priority: 2,
  language: 'fr',
  topic: 'arrival_problem',
  urgent: true,
  verified: true,
  bookingRef: '7992739875',
  customerName: 'Camille Martin',
  customerAddress: '+33612345678',
  summary: 'arrival_problem (urgent) via sms: la réception est fermée',
  reasons: ['language fr → fr-team', 'tier gold: +2'],
  receivedAt: '2026-11-22T22:10:00.000Z',
  contactCount: 1,
  emergency: false,
};

function centre(nowMs = () => 0) {
  return new ConnectContactCenter(new ConnectClient({ region: 'eu-west-1' }), {
    instanceId: 'i-1',
    taskFlowId: 'flow-task',
    queues,
    nowMs,
  });
}

describe('ConnectContactCenter', () => {
  beforeEach(() => connect.reset());

  it('starts a task the task flow can route, idempotent by contact id, then sets its priority', async () => {
    // Prepare
    connect.on(StartTaskContactCommand).resolves({ ContactId: 'task-1' });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    // Act
    const result = await centre().handOff(handOff);
    // Assess
    expect(result).toEqual({ externalId: 'task-1' });
    expect(connect).toHaveReceivedCommandWith(StartTaskContactCommand, {
      InstanceId: 'i-1',
      ContactFlowId: 'flow-task',
      ClientToken: handOff.contactId,
      Attributes: expect.objectContaining({
        queueArn: queues['fr-team'].arn,
        priority: '2',
        language: 'fr',
        caseNumber: 'CR-7K4M2Q',
        urgent: 'true',
        customerName: 'Camille Martin',
        customerAddress: '+33612345678',
      }),
      References: expect.objectContaining({
        caseNumber: { Type: 'STRING', Value: 'CR-7K4M2Q' },
        customerAddress: { Type: 'STRING', Value: '+33612345678' },
      }),
    });
    expect(connect).toHaveReceivedCommandWith(UpdateContactRoutingDataCommand, {
      ContactId: 'task-1',
      QueuePriority: 2,
    });
  });

  it('gives an email task the sender’s address as an email reference the agent can answer', async () => {
    connect.on(StartTaskContactCommand).resolves({ ContactId: 'task-3' });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    await centre().handOff({ ...handOff, channel: 'email', customerAddress: 'camille@example.fr' });
    expect(connect).toHaveReceivedCommandWith(StartTaskContactCommand, {
      References: expect.objectContaining({
        customerAddress: { Type: 'EMAIL', Value: 'camille@example.fr' },
      }),
    });
  });

  it('keeps client tokens within Connect’s limit for long message ids, stable across retries', async () => {
    connect.on(StartTaskContactCommand).resolves({ ContactId: 'task-2' });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    const long = { ...handOff, contactId: `email:${'x'.repeat(600)}@mail.example.com` };
    await centre().handOff(long);
    await centre().handOff(long);
    const tokens = connect
      .commandCalls(StartTaskContactCommand)
      .map((c) => c.args[0].input.ClientToken ?? '');
    expect(tokens[0]?.length).toBeLessThanOrEqual(500);
    expect(tokens[0]).toBe(tokens[1]);
  });

  it('turns a throttled StartTaskContact into a retryable DependencyError that keeps the cause', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    connect.on(StartTaskContactCommand).rejects(throttled);
    const error = await centre()
      .handOff(handOff)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ dependency: 'connect', retryable: true, cause: throttled });
  });

  it('refuses a queue that has no Connect queue configured, without calling Connect', async () => {
    const error = await centre()
      .handOff({ ...handOff, queue: 'de-team' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, message: expect.stringMatching(/de-team/) });
    expect(connect.calls()).toHaveLength(0);
  });

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
