import { describe, expect, it, vi } from 'vitest';
import { simulateCall } from '../../../local/flow-sim/index';
import { action, flowOf } from './flow-builder';
import { ARN, fixtureFlow, START, scriptedCaller, testEnv } from './harness';

describe('the hand-written customer-queue flow', () => {
  const flow = fixtureFlow('customer-queue');
  const inQueue = { ...START, queueArn: ARN.frQueue, flowName: 'customer-queue' };

  it('names the queue and books a callback to the caller’s number on 1', async () => {
    const caller = scriptedCaller(['1']);
    const call = await simulateCall(flow, testEnv(), caller, inQueue);
    expect(caller.heard).toEqual([
      'You are waiting for fr-team.',
      'Press 1 to be called back.',
      'We will call you back.',
    ]);
    expect(call.callbacks).toEqual([
      { queueArn: ARN.frQueue, number: '+33612345678', initialDelaySeconds: 60 },
    ]);
    expect(call.end).toEqual({ kind: 'disconnect' });
  });

  it('keeps a withheld caller waiting instead of booking a callback', async () => {
    const call = await simulateCall(flow, testEnv(), scriptedCaller(['1']), { ...inQueue, from: null });
    expect(call.trace.find((s) => s.actionId === 'callback-number')?.branch).toBe(
      'error:InvalidCallbackNumber',
    );
    expect(call.callbacks).toEqual([]);
    expect(call.end).toEqual({ kind: 'end-flow' });
  });
});

describe('blocks that change the contact', () => {
  const ok = (id: string, type: string, params: Record<string, unknown>, next = 'ok') =>
    action(id, type, params, next, [['NoMatchingError', 'failed']]);

  it('speaks later prompts in the language and voice the flow sets', async () => {
    const flow = flowOf(
      ok('voice', 'UpdateContactTextToSpeechVoice', { TextToSpeechVoice: 'Lea' }, 'lang'),
      ok('lang', 'UpdateContactData', { LanguageCode: 'fr-FR' }, 'hello'),
      ok('hello', 'MessageParticipant', { Text: 'Bonjour' }),
    );
    const say = vi.fn();
    const call = await simulateCall(flow, testEnv(), { say, ask: () => undefined }, START);
    expect(say).toHaveBeenCalledWith('Bonjour', 'fr-FR', 'Lea');
    expect(call.transcript).toEqual([
      { kind: 'say', actionId: 'hello', text: 'Bonjour', language: 'fr-FR', voice: 'Lea' },
    ]);
  });

  it('takes the error branch for a value that is not a language code', async () => {
    const flow = flowOf(ok('lang', 'UpdateContactData', { LanguageCode: '$.Attributes.lang' }));
    const call = await simulateCall(flow, testEnv(), scriptedCaller([]), {
      ...START,
      attributes: { lang: 'french' },
    });
    expect(call.end).toEqual({ kind: 'end-flow' });
  });

  it('sets attributes whose names and values come from references, all or nothing', async () => {
    const set = ok('set', 'UpdateContactAttributes', {
      Attributes: { '$.Attributes.key': '$.SystemEndpoint.Address', b: '$.Attributes.none' },
    });
    const call = await simulateCall(flowOf(set), testEnv(), scriptedCaller([]), {
      ...START,
      attributes: { key: 'dialled' },
    });
    expect(call.end).toEqual({ kind: 'end-flow' });
    expect(call.attributes).toEqual({ key: 'dialled' });
    const good = ok('set', 'UpdateContactAttributes', {
      Attributes: { '$.Attributes.key': '$.SystemEndpoint.Address' },
    });
    const second = await simulateCall(flowOf(good), testEnv(), scriptedCaller([]), {
      ...START,
      attributes: { key: 'dialled' },
    });
    expect(second.attributes).toEqual({ key: 'dialled', dialled: '+33180000000' });
  });
});

describe('hours and staffing checks', () => {
  const hours = (params: Record<string, unknown>) =>
    flowOf(
      action(
        'hours',
        'CheckHoursOfOperation',
        params,
        'failed',
        [['NoMatchingError', 'failed']],
        [
          ['Equals', 'True', 'ok'],
          ['Equals', 'False', 'failed'],
        ],
      ),
    );

  it('asks env.queueOpen about the working queue at env.now()', async () => {
    const queueOpen = vi.fn(() => true);
    const env = testEnv({ queueOpen });
    const call = await simulateCall(hours({}), env, scriptedCaller([]), { ...START, queueArn: ARN.frQueue });
    expect(call.end).toEqual({ kind: 'disconnect' });
    expect(queueOpen).toHaveBeenCalledWith(ARN.frQueue, env.now());
  });

  it('asks env.hoursOpen about named hours of operation', async () => {
    const hoursOpen = vi.fn(async () => false);
    const call = await simulateCall(
      hours({ HoursOfOperationId: 'hours-fr' }),
      testEnv({ hoursOpen }),
      scriptedCaller([]),
      START,
    );
    expect(hoursOpen).toHaveBeenCalledWith('hours-fr', expect.any(Date));
    expect(call.trace[0]?.branch).toBe('condition:Equals False');
  });

  it('takes the error branch without a working queue or when the check throws', async () => {
    const noQueue = await simulateCall(hours({}), testEnv(), scriptedCaller([]), START);
    expect(noQueue.trace[0]?.branch).toBe('error:NoMatchingError');
    const env = testEnv({
      queueOpen: () => {
        throw new Error('no such queue');
      },
    });
    const throwing = await simulateCall(hours({}), env, scriptedCaller([]), {
      ...START,
      queueArn: ARN.frQueue,
    });
    expect(throwing.trace[0]?.branch).toBe('error:NoMatchingError');
  });

  it('reads staffing for the QueueId the block names', async () => {
    const agentsStaffed = vi.fn(() => 1);
    const flow = flowOf(
      action(
        'staff',
        'CheckMetricData',
        { MetricType: 'NumberOfAgentsOnline', QueueId: ARN.partnerQueue },
        'failed',
        [
          ['NoMatchingCondition', 'failed'],
          ['NoMatchingError', 'failed'],
        ],
        [['NumberGreaterThan', '0', 'ok']],
      ),
    );
    const call = await simulateCall(flow, testEnv({ agentsStaffed }), scriptedCaller([]), START);
    expect(agentsStaffed).toHaveBeenCalledWith(ARN.partnerQueue);
    expect(call.end).toEqual({ kind: 'disconnect' });
  });
});
