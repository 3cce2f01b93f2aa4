import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulateCall } from '../../../local/flow-sim/index';
import { action, flowOf } from './flow-builder';
import { ARN, START, scriptedCaller, testEnv } from './harness';

const invoke = (params: Record<string, unknown> = {}) =>
  action(
    'lambda',
    'InvokeLambdaFunction',
    { LambdaFunctionARN: ARN.lambda, InvocationTimeLimitSeconds: '2', ...params },
    'say',
    [['NoMatchingError', 'failed']],
  );
const sayStatus = action('say', 'MessageParticipant', { Text: 'Status $.External.status' }, 'ok', [
  ['NoMatchingError', 'ok'],
]);

async function callWith(answer: () => unknown, params: Record<string, unknown> = {}) {
  const caller = scriptedCaller([]);
  const call = await simulateCall(
    flowOf(invoke(params), sayStatus),
    testEnv({ invokeLambda: answer }),
    caller,
    START,
  );
  return { call, caller };
}

describe('InvokeLambdaFunction in the simulator', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('makes a flat string answer readable as $.External', async () => {
    const { call, caller } = await callWith(() => ({ status: 'confirmed' }));
    expect(call.end).toEqual({ kind: 'disconnect' });
    expect(caller.heard).toEqual(['Status confirmed']);
  });

  it('takes the error branch when the answer is not a flat string map, as Connect does', async () => {
    const { call } = await callWith(() => ({ status: 'ok', priority: 1 }));
    expect(call.end).toEqual({ kind: 'end-flow' });
    expect(call.transcript[0]).toMatchObject({ outcome: 'answer is not a flat string map: priority is 1' });
  });

  it('accepts nested answers when ResponseValidation is JSON', async () => {
    const params = { ResponseValidation: { ResponseType: 'JSON' } };
    const flow = flowOf(
      invoke(params),
      action('say', 'MessageParticipant', { Text: 'Hello $.External.booking.guest' }, 'ok', [
        ['NoMatchingError', 'ok'],
      ]),
    );
    const caller = scriptedCaller([]);
    await simulateCall(flow, testEnv({ invokeLambda: () => ({ booking: { guest: 'Ana' } }) }), caller, START);
    expect(caller.heard).toEqual(['Hello Ana']);
  });

  it.each([
    ['null', null, 'answered null, not an object'],
    ['an array', ['a'], 'answered ["a"], not an object'],
    ['a string', 'ok', 'answered "ok", not an object'],
  ])('takes the error branch when the Lambda answers %s', async (_name, answer, outcome) => {
    const { call } = await callWith(() => answer);
    expect(call.end).toEqual({ kind: 'end-flow' });
    expect(call.transcript[0]).toMatchObject({ kind: 'lambda', outcome });
  });

  it('takes the error branch when the answer is over 32 KB', async () => {
    const { call } = await callWith(() => ({ status: 'x'.repeat(33_000) }));
    expect(call.transcript[0]).toMatchObject({ outcome: 'answer is over 32768 bytes' });
    expect(call.end).toEqual({ kind: 'end-flow' });
  });

  it('takes the error branch when the Lambda rejects', async () => {
    const { call } = await callWith(() => Promise.reject(new Error('table not found')));
    expect(call.transcript[0]).toMatchObject({ outcome: 'threw table not found' });
    expect(call.end).toEqual({ kind: 'end-flow' });
  });

  it('takes the error branch when the Lambda does not answer within InvocationTimeLimitSeconds', async () => {
    // Prepare
    vi.useFakeTimers();
    const never = () => new Promise(() => {});
    // Act
    const pending = callWith(never);
    await vi.advanceTimersByTimeAsync(2000);
    const { call } = await pending;
    // Assess
    expect(call.transcript[0]).toMatchObject({ outcome: 'no answer within 2 s' });
    expect(call.end).toEqual({ kind: 'end-flow' });
  });

  it('replaces $.External with each answer instead of merging', async () => {
    const answers = [{ status: 'first', extra: 'x' }, { other: 'y' }];
    const flow = flowOf(
      action(
        'one',
        'InvokeLambdaFunction',
        { LambdaFunctionARN: ARN.lambda, InvocationTimeLimitSeconds: '2' },
        'two',
        [['NoMatchingError', 'failed']],
      ),
      action(
        'two',
        'InvokeLambdaFunction',
        { LambdaFunctionARN: ARN.lambda, InvocationTimeLimitSeconds: '2' },
        'check',
        [['NoMatchingError', 'failed']],
      ),
      action(
        'check',
        'Compare',
        { ComparisonValue: '$.External.status' },
        'ok',
        [['NoMatchingCondition', 'ok']],
        [['Equals', 'first', 'failed']],
      ),
    );
    const call = await simulateCall(
      flow,
      testEnv({ invokeLambda: () => answers.shift() }),
      scriptedCaller([]),
      START,
    );
    expect(call.end).toEqual({ kind: 'disconnect' });
    expect(call.trace.find((s) => s.actionId === 'check')?.branch).toBe('error:NoMatchingCondition');
  });

  it('leaves out invocation attributes whose reference has no value', async () => {
    const env = testEnv();
    const flow = flowOf(
      invoke({ LambdaInvocationAttributes: { caller: '$.CustomerEndpoint.Address', fixed: 'x' } }),
      sayStatus,
    );
    await simulateCall(flow, env, scriptedCaller([]), { to: START.to, from: null });
    expect(env.events[0]?.Details.Parameters).toEqual({ fixed: 'x' });
    expect(env.events[0]?.Details.ContactData.CustomerEndpoint).toBeNull();
  });
});
