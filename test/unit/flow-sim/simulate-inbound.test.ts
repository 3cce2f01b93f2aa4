import { describe, expect, it } from 'vitest';
import { simulateCall } from '../../../local/flow-sim/index';
import { ARN, fixtureFlow, START, scriptedCaller, testEnv } from './harness';

const inbound = fixtureFlow('inbound');

describe('simulateCall on the hand-written inbound flow', () => {
  it('routes a verified booking to the queue the Lambda chose, with its priority, language and voice', async () => {
    // Prepare
    const caller = scriptedCaller(['1', '1234567890#']);
    // Act
    const call = await simulateCall(inbound, testEnv(), caller, START);
    // Assess
    expect(call.end).toEqual({ kind: 'queue', queueArn: ARN.frQueue, queueName: 'fr-team', priority: 1 });
    expect(call.language).toBe('fr-FR');
    expect(call.voice).toBe('Joanna');
    expect(call.attributes).toEqual({ lineType: 'loyalty' });
    expect(call.eventHooks).toEqual({ CustomerQueue: ARN.customerQueueFlow });
    expect(caller.heard).toContain('Booking 1234567890: confirmed.');
  });

  it('sends the contact data and the block parameters to the Lambda as a ContactFlowEvent', async () => {
    // Prepare
    const env = testEnv();
    // Act
    await simulateCall(inbound, env, scriptedCaller(['1', '1234567890#']), START);
    // Assess
    const [lookup, verify] = env.events;
    expect(lookup?.Name).toBe('ContactFlowEvent');
    expect(lookup?.Details.Parameters).toEqual({ step: 'lookup', dialled: '+33180000000' });
    expect(lookup?.Details.ContactData).toMatchObject({
      Channel: 'VOICE',
      CustomerEndpoint: { Address: '+33612345678', Type: 'TELEPHONE_NUMBER' },
      SystemEndpoint: { Address: '+33180000000', Type: 'TELEPHONE_NUMBER' },
      LanguageCode: 'en-US',
      Queue: null,
    });
    expect(verify?.Details.ContactData).toMatchObject({
      LanguageCode: 'fr-FR',
      Attributes: { lineType: 'loyalty' },
    });
    expect(verify?.Details.Parameters).toEqual({ step: 'verify', booking: '1234567890' });
  });

  it('keeps Connect’s default priority 5 when the Lambda names no priority block', async () => {
    const call = await simulateCall(inbound, testEnv(), scriptedCaller(['1', '5555555555#']), START);
    expect(call.end).toMatchObject({ kind: 'queue', queueArn: ARN.frQueue, priority: 5 });
  });

  it('falls back to the 24/7 queue when the team is closed', async () => {
    const call = await simulateCall(
      inbound,
      testEnv({ queueOpen: () => false }),
      scriptedCaller(['1', '1234567890#']),
      START,
    );
    expect(call.end).toEqual({
      kind: 'queue',
      queueArn: ARN.fallbackQueue,
      queueName: 'fallback-24-7',
      priority: 1,
    });
    expect(call.trace.find((s) => s.actionId === 'hours')?.branch).toBe('condition:Equals False');
  });

  it('falls back to the 24/7 queue when nobody is staffed', async () => {
    const call = await simulateCall(
      inbound,
      testEnv({ agentsStaffed: () => 0 }),
      scriptedCaller(['1', '1234567890#']),
      START,
    );
    expect(call.end).toMatchObject({ kind: 'queue', queueArn: ARN.fallbackQueue });
    expect(call.trace.find((s) => s.actionId === 'staffing')?.branch).toBe('error:NoMatchingCondition');
  });

  it('falls back to the 24/7 queue when the Lambda fails', async () => {
    const env = testEnv({
      invokeLambda: () => {
        throw new Error('boom');
      },
    });
    const call = await simulateCall(inbound, env, scriptedCaller([]), START);
    expect(call.end).toMatchObject({ kind: 'queue', queueArn: ARN.fallbackQueue, priority: 5 });
    expect(call.transcript[0]).toMatchObject({ kind: 'lambda', outcome: 'threw boom' });
  });

  it('tells an emergency caller to call local emergency services and hangs up', async () => {
    const caller = scriptedCaller(['2']);
    const call = await simulateCall(inbound, testEnv(), caller, START);
    expect(call.end).toEqual({ kind: 'disconnect' });
    expect(caller.heard.at(-1)).toBe('Please hang up and call your local emergency number.');
  });

  it('re-prompts on a wrong key or silence, then gives up to the fallback queue after the loop count', async () => {
    const caller = scriptedCaller(['7', undefined, '9']);
    const call = await simulateCall(inbound, testEnv(), caller, START);
    expect(call.end).toMatchObject({ kind: 'queue', queueArn: ARN.fallbackQueue });
    expect(call.trace.filter((s) => s.actionId === 'retry').map((s) => s.branch)).toEqual([
      'condition:Equals ContinueLooping',
      'condition:Equals ContinueLooping',
      'condition:Equals DoneLooping',
    ]);
    expect(call.trace.filter((s) => s.actionId === 'menu').map((s) => s.branch)).toEqual([
      'error:NoMatchingCondition',
      'error:InputTimeLimitExceeded',
      'error:NoMatchingCondition',
    ]);
  });

  it('says a short booking number is not valid and asks again', async () => {
    const caller = scriptedCaller(['1', '123#', '1', '1234567890#']);
    const call = await simulateCall(inbound, testEnv(), caller, START);
    expect(caller.heard).toContain('That booking number is not valid.');
    expect(call.end).toMatchObject({ kind: 'queue', queueArn: ARN.frQueue, priority: 1 });
  });

  it('asks for the booking number as up to 10 digits ended by #', async () => {
    const caller = scriptedCaller(['1', '1234567890#']);
    await simulateCall(inbound, testEnv(), caller, START);
    expect(caller.asked[1]).toEqual({
      language: 'fr-FR',
      voice: 'Joanna',
      kind: 'digits',
      maxDigits: 10,
      terminator: '#',
      timeoutSeconds: 8,
    });
  });

  it('continues in another flow on TransferToFlow, with flow attributes of its own', async () => {
    const call = await simulateCall(inbound, testEnv(), scriptedCaller(['3']), START);
    expect(call.end).toEqual({
      kind: 'queue',
      queueArn: ARN.partnerQueue,
      queueName: 'partner',
      priority: 5,
    });
    expect(call.attributes).toEqual({ lineType: 'loyalty', line: 'partner', from: 'loyalty' });
    expect(call.trace.at(-1)?.flowName).toBe(ARN.partnerFlow);
  });

  it('takes the error branch of TransferToFlow when the flow does not exist', async () => {
    const call = await simulateCall(
      inbound,
      testEnv({ flowByArn: () => undefined }),
      scriptedCaller(['3']),
      START,
    );
    expect(call.end).toMatchObject({ kind: 'queue', queueArn: ARN.fallbackQueue });
  });
});
