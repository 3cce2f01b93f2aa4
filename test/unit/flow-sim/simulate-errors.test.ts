import { describe, expect, it } from 'vitest';
import { FlowParseError, simulateCall } from '../../../local/flow-sim/index';
import { action, flowOf } from './flow-builder';
import { ARN, START, scriptedCaller, testEnv } from './harness';

const say = (id: string, text: string, next = 'ok') =>
  action(id, 'MessageParticipant', { Text: text }, next, [['NoMatchingError', 'failed']]);

async function play(flow: unknown, env = testEnv()) {
  return simulateCall(flow, env, scriptedCaller([]), START);
}

describe('simulateCall ends in an error naming the action', () => {
  it('for an action type it does not support', async () => {
    const call = await play(flowOf(action('view', 'ShowView', {}, 'ok')));
    expect(call.end).toMatchObject({
      kind: 'error',
      actionId: 'view',
      actionType: 'ShowView',
      flowName: 'main',
    });
    expect(call.end.kind === 'error' && call.end.message).toMatch(
      /^action type ShowView is not supported by the simulator/,
    );
  });

  it('for a placeholder without a value', async () => {
    const call = await play(flowOf(say('hello', 'Call %Nowhere%')));
    expect(call.end).toMatchObject({
      kind: 'error',
      actionId: 'hello',
      message: 'placeholder %Nowhere% has no value in env.placeholders',
    });
  });

  it('for a transition to an action that does not exist', async () => {
    const call = await play(flowOf(say('hello', 'Hi', 'gone')));
    expect(call.end).toMatchObject({
      kind: 'error',
      actionId: 'hello',
      message: expect.stringContaining('to gone, which is not an action'),
    });
  });

  it('for an error with no branch to take', async () => {
    const flow = flowOf(action('queue', 'UpdateContactTargetQueue', { QueueId: '$.Attributes.none' }, 'ok'));
    const call = await play(flow);
    expect(call.end).toMatchObject({
      kind: 'error',
      actionId: 'queue',
      message:
        'NoMatchingError (QueueId $.Attributes.none has no value) and no NoMatchingError branch: the call would drop',
    });
  });

  it('for a reference the simulator does not model', async () => {
    const call = await play(flowOf(say('hello', 'Intent $.Lex.IntentName')));
    expect(call.end).toMatchObject({
      kind: 'error',
      actionId: 'hello',
      message: expect.stringContaining('$.Lex.IntentName is not simulated'),
    });
  });

  it('for a flow that loops without end, after the step limit', async () => {
    const flow = flowOf(
      action('again', 'Compare', { ComparisonValue: '$.Channel' }, 'again', [
        ['NoMatchingCondition', 'again'],
      ]),
    );
    const call = await simulateCall(flow, testEnv(), scriptedCaller([]), { ...START, maxSteps: 50 });
    expect(call.end).toMatchObject({
      kind: 'error',
      actionId: 'again',
      message: 'stopped after 50 actions: the flow loops without end',
    });
    expect(call.trace).toHaveLength(50);
  });

  it('for a TransferToFlow target that does not parse', async () => {
    const flow = flowOf(
      action('go', 'TransferToFlow', { ContactFlowId: ARN.partnerFlow }, 'ok', [['NoMatchingError', 'ok']]),
    );
    const call = await play(flow, testEnv({ flowByArn: () => ({ Version: '2019-10-30' }) }));
    expect(call.end).toMatchObject({
      kind: 'error',
      actionId: 'go',
      message: expect.stringContaining('StartAction is missing'),
    });
  });
});

describe('simulateCall refuses input that is not a flow', () => {
  it('throws FlowParseError with the path of the bad field', async () => {
    const bad = { Version: '2019-10-30', StartAction: 'a', Actions: [{ Identifier: 'a' }] };
    await expect(play(bad)).rejects.toThrow(FlowParseError);
    await expect(play(bad)).rejects.toThrow('Actions[0].Type: is missing');
  });
});
