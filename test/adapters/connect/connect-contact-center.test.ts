import {
  ConnectClient,
  StartTaskContactCommand,
  StopContactCommand,
  UpdateContactAttributesCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectContactCenter } from '../../../functions/adapters/connect/connect-contact-center';
import { CaseTaskItems } from '../../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../../functions/adapters/dynamodb/table-client';
import { DependencyError } from '../../../functions/domain/errors';
import type { HandOff } from '../../../functions/domain/ports';
import { unique } from '../../integration/builders';
import { type Dynalite, startDynalite } from '../../support/dynalite';

const connect = mockClient(ConnectClient);
const queues = {
  'fr-team': { id: 'q-fr', arn: 'arn:aws:connect:eu-west-1:111122223333:instance/i-1/queue/q-fr' },
  'global-247': { id: 'q-247', arn: 'arn:aws:connect:eu-west-1:111122223333:instance/i-1/queue/q-247' },
};
const camille: HandOff = {
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

let db: Dynalite;
let tasks: CaseTaskItems;
// Each test works its own case, so tests sharing one dynalite never see each other's tasks.
let handOff: HandOff;

function centre(nowMs = () => Date.parse('2026-11-22T22:10:05.000Z')) {
  return new ConnectContactCenter(
    new ConnectClient({ region: 'eu-west-1' }),
    { instanceId: 'i-1', taskFlowId: 'flow-task', queues, nowMs },
    tasks,
  );
}

beforeAll(async () => {
  db = await startDynalite();
  tasks = new CaseTaskItems(new TableClient(db.documentClient, db.tables.main));
});
afterAll(async () => db.stop());

describe('ConnectContactCenter', () => {
  beforeEach(() => {
    connect.reset();
    handOff = { ...camille, caseNumber: unique('CR-') };
  });

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
      ClientToken: `${handOff.caseNumber}#1`,
      Attributes: expect.objectContaining({
        queueArn: queues['fr-team'].arn,
        priority: '2',
        language: 'fr',
        caseNumber: handOff.caseNumber,
        urgent: 'true',
        customerName: 'Camille Martin',
        customerAddress: '+33612345678',
      }),
      References: expect.objectContaining({
        caseNumber: { Type: 'STRING', Value: handOff.caseNumber },
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

  it('retries a start whose task was never recorded with the same client token, so Connect dedupes it', async () => {
    // Prepare: the first start fails after Connect may have created the task
    connect
      .on(StartTaskContactCommand)
      .rejectsOnce(new Error('socket hang up'))
      .resolves({ ContactId: 'task-2' });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    // Act
    await centre()
      .handOff(handOff)
      .catch(() => undefined);
    await centre().handOff(handOff);
    // Assess
    const tokens = connect.commandCalls(StartTaskContactCommand).map((c) => c.args[0].input.ClientToken);
    expect(tokens).toEqual([`${handOff.caseNumber}#1`, `${handOff.caseNumber}#1`]);
  });

  it('keeps client tokens within Connect’s limit for long case keys', async () => {
    connect.on(StartTaskContactCommand).resolves({ ContactId: 'task-2' });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    await centre().handOff({ ...handOff, caseNumber: `CR-${'x'.repeat(600)}` });
    const token = connect.commandCalls(StartTaskContactCommand)[0]?.args[0].input.ClientToken ?? '';
    expect(token.length).toBeGreaterThan(0);
    expect(token.length).toBeLessThanOrEqual(500);
  });

  it('updates the waiting task of a case on a follow-up instead of starting another', async () => {
    // Prepare
    connect.on(StartTaskContactCommand).resolves({ ContactId: 'task-w' });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    connect.on(UpdateContactAttributesCommand).resolves({});
    await centre().handOff({ ...handOff, priority: 3 });
    // Act: a more urgent follow-up, then a less urgent one
    const first = await centre().handOff({
      ...handOff,
      contactCount: 2,
      contactId: 'sms:SM2',
      priority: 2,
      summary: 'toujours fermé',
    });
    await centre().handOff({ ...handOff, contactId: 'sms:SM3', priority: 4 });
    // Assess
    expect(first).toEqual({ externalId: 'task-w' });
    expect(connect.commandCalls(StartTaskContactCommand)).toHaveLength(1);
    expect(connect).toHaveReceivedCommandWith(UpdateContactAttributesCommand, {
      InstanceId: 'i-1',
      InitialContactId: 'task-w',
      Attributes: expect.objectContaining({ contactId: 'sms:SM2', priority: '2', contactCount: '2' }),
    });
    const priorities = connect
      .commandCalls(UpdateContactRoutingDataCommand)
      .map((c) => c.args[0].input.QueuePriority);
    expect(priorities).toEqual([3, 2]);
  });

  it('shows a follow-up to the agent holding the task without touching its routing', async () => {
    connect.on(StartTaskContactCommand).resolves({ ContactId: 'task-a' });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    connect.on(UpdateContactAttributesCommand).resolves({});
    await centre().handOff(handOff);
    await tasks.update(handOff.caseNumber, 'task-a', {
      state: 'with_agent',
      stateAt: '2026-11-22T22:12:00.000Z',
    });
    connect.resetHistory();
    await centre().handOff({ ...handOff, contactId: 'sms:SM9', priority: 1 });
    expect(connect.commandCalls(UpdateContactAttributesCommand)).toHaveLength(1);
    expect(connect.commandCalls(UpdateContactRoutingDataCommand)).toHaveLength(0);
    expect(connect.commandCalls(StartTaskContactCommand)).toHaveLength(0);
  });

  it('starts a task of its own for a call-back while the agent still holds the case’s task', async () => {
    // Prepare: the agent on task-held asks for a call-back (the case waits again)
    const [held, callback] = [unique('task-'), unique('task-')];
    connect.on(StartTaskContactCommand).resolvesOnce({ ContactId: held }).resolves({ ContactId: callback });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    await centre().handOff(handOff);
    await tasks.update(handOff.caseNumber, held, {
      state: 'with_agent',
      stateAt: '2026-11-22T22:12:00.000Z',
    });
    // Act
    const started = await centre().handOff({ ...handOff, contactId: 'voice:CA1:callback:k1', requeue: true });
    // Assess
    expect(started).toEqual({ externalId: callback });
    expect(connect.commandCalls(StartTaskContactCommand)[1]?.args[0].input).toMatchObject({
      RelatedContactId: held,
      ClientToken: `${handOff.caseNumber}#2`,
    });
    expect(await tasks.get(handOff.caseNumber)).toMatchObject({ contactId: callback, state: 'queued' });
  });

  it('starts a new task related to the finished one when a follow-up comes after the agent is done', async () => {
    // Prepare: Connect contact ids are UUIDs, never reused
    const [first, second] = [unique('task-'), unique('task-')];
    connect.on(StartTaskContactCommand).resolvesOnce({ ContactId: first }).resolves({ ContactId: second });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    await centre().handOff(handOff);
    await tasks.update(handOff.caseNumber, first, { state: 'ended', stateAt: '2026-11-23T09:00:00.000Z' });
    // Act
    const next = await centre().handOff({ ...handOff, contactId: 'sms:SM-later' });
    // Assess
    expect(next).toEqual({ externalId: second });
    expect(connect.commandCalls(StartTaskContactCommand)[1]?.args[0].input).toMatchObject({
      RelatedContactId: first,
      ClientToken: `${handOff.caseNumber}#2`,
    });
    expect(await tasks.get(handOff.caseNumber)).toMatchObject({
      contactId: second,
      generation: 2,
      state: 'queued',
    });
    expect(await tasks.findByContact(second)).toEqual({ caseNumber: handOff.caseNumber, generation: 2 });
  });

  it('starts a related task when Connect no longer knows the waiting one', async () => {
    // Prepare: the first task expired in Connect without an event reaching us
    const [first, second] = [unique('task-'), unique('task-')];
    connect.on(StartTaskContactCommand).resolvesOnce({ ContactId: first }).resolves({ ContactId: second });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    connect
      .on(UpdateContactAttributesCommand)
      .rejects(Object.assign(new Error('Contact not found'), { name: 'ResourceNotFoundException' }));
    await centre().handOff(handOff);
    // Act
    const next = await centre().handOff({ ...handOff, contactId: 'sms:SM-after-expiry' });
    // Assess
    expect(next).toEqual({ externalId: second });
    expect(connect.commandCalls(StartTaskContactCommand)[1]?.args[0].input).toMatchObject({
      RelatedContactId: first,
      ClientToken: `${handOff.caseNumber}#2`,
    });
  });

  it('stops the waiting task of a case that is withdrawn, and only a waiting one', async () => {
    // Prepare
    connect.on(StartTaskContactCommand).resolves({ ContactId: 'task-s' });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    connect.on(StopContactCommand).resolves({});
    await centre().handOff(handOff);
    // Act
    await centre().withdraw(handOff.caseNumber);
    await centre().withdraw(handOff.caseNumber);
    // Assess
    expect(connect.commandCalls(StopContactCommand)).toHaveLength(1);
    expect(connect).toHaveReceivedCommandWith(StopContactCommand, { InstanceId: 'i-1', ContactId: 'task-s' });
    expect(await tasks.get(handOff.caseNumber)).toMatchObject({ state: 'ended' });
  });

  it('leaves a task an agent holds alone when its case is withdrawn', async () => {
    connect.on(StartTaskContactCommand).resolves({ ContactId: 'task-h' });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    await centre().handOff(handOff);
    await tasks.update(handOff.caseNumber, 'task-h', {
      state: 'with_agent',
      stateAt: '2026-11-22T22:12:00.000Z',
    });
    await centre().withdraw(handOff.caseNumber);
    expect(connect.commandCalls(StopContactCommand)).toHaveLength(0);
  });

  it('treats a task Connect no longer knows as already stopped', async () => {
    connect.on(StartTaskContactCommand).resolves({ ContactId: 'task-gone' });
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    connect
      .on(StopContactCommand)
      .rejects(Object.assign(new Error('Contact not found'), { name: 'ContactNotFoundException' }));
    await centre().handOff(handOff);
    await centre().withdraw(handOff.caseNumber);
    expect(await tasks.get(handOff.caseNumber)).toMatchObject({ state: 'ended' });
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
});
