import { ConnectClient, StopContactCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConnectContactCenter } from '../../../functions/adapters/connect/connect-contact-center';

const connect = mockClient(ConnectClient);
const tasks: Record<string, string> = { 'CR-7K4M2Q': 'task-1' };

function centre() {
  return new ConnectContactCenter(new ConnectClient({ region: 'eu-west-1' }), {
    instanceId: 'i-1',
    taskFlowId: 'flow-task',
    queues: {},
    taskOfCase: async (caseNumber) => tasks[caseNumber],
  });
}

describe('ConnectContactCenter.withdraw', () => {
  beforeEach(() => connect.reset());

  it("stops the case's waiting task", async () => {
    // Act
    await centre().withdraw('CR-7K4M2Q');

    // Assess
    expect(connect.commandCalls(StopContactCommand).map((c) => c.args[0].input)).toEqual([
      { InstanceId: 'i-1', ContactId: 'task-1' },
    ]);
  });

  it('calls nothing for a case without a task', async () => {
    // Act
    await centre().withdraw('CR-000000');

    // Assess
    expect(connect.calls()).toHaveLength(0);
  });

  it('reports a refused StopContact as a DependencyError', async () => {
    // Prepare
    connect
      .on(StopContactCommand)
      .rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));

    // Act
    const withdrawing = centre().withdraw('CR-7K4M2Q');

    // Assess
    await expect(withdrawing).rejects.toMatchObject({ name: 'DependencyError' });
  });
});
