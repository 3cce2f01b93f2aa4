import { describe, expect, it } from 'vitest';
import { simulateCall } from '../../../local/flow-sim/index';
import { action, flowOf } from './flow-builder';
import { START, scriptedCaller, testEnv } from './harness';

/** Stores keys (StoreInput True) then reads $.StoredCustomerInput back through a Compare into the trace. */
function storeFlow(params: Record<string, unknown> = {}) {
  return flowOf(
    action(
      'enter',
      'GetParticipantInput',
      {
        Text: 'Enter your PIN',
        StoreInput: 'True',
        InputValidation: { CustomValidation: { MaximumLength: '4' } },
        ...params,
      },
      'keep',
      [
        ['NoMatchingError', 'failed'],
        ['InvalidPhoneNumber', 'failed'],
      ],
    ),
    action('keep', 'UpdateContactAttributes', { Attributes: { entered: '$.StoredCustomerInput' } }, 'ok', [
      ['NoMatchingError', 'failed'],
    ]),
  );
}

async function entered(answer: string | undefined, params: Record<string, unknown> = {}) {
  const call = await simulateCall(storeFlow(params), testEnv(), scriptedCaller([answer]), START);
  return call.end.kind === 'disconnect' ? call.attributes.entered : `ended ${call.end.kind}`;
}

describe('GetParticipantInput with StoreInput True', () => {
  it.each([
    ['1234#', '1234'],
    ['12#99', '12'],
    ['123456', '1234'],
    ['1 2-3.4', '1234'],
    ['98*1234#', '1234'],
  ])('stores %j as %j (terminator, maximum length, keypad keys only, * restarts)', async (typed, stored) => {
    expect(await entered(typed)).toBe(stored);
  });

  it('stores "Timeout" and goes on when the caller types nothing, as Store customer input does', async () => {
    expect(await entered(undefined)).toBe('Timeout');
  });

  it('keeps * as a key when the cancel key is disabled', async () => {
    expect(await entered('1*2#', { DTMFConfiguration: { DisableCancelKey: 'True' } })).toBe('1*2');
  });

  it('uses the configured terminator', async () => {
    expect(
      await entered('12*34', {
        DTMFConfiguration: { InputTerminationSequence: '*', DisableCancelKey: 'True' },
      }),
    ).toBe('12');
  });

  it('stores a valid phone number in E.164 and takes InvalidPhoneNumber for a bad one', async () => {
    const phone = { InputValidation: { PhoneNumberValidation: { NumberFormat: 'E164' } } };
    expect(await entered('33612345678#', phone)).toBe('+33612345678');
    expect(await entered('123#', phone)).toBe('ended end-flow');
    const local = {
      InputValidation: { PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'FR' } },
    };
    expect(await entered('0612345678#', local)).toBe('+33612345678');
  });
});

describe('GetParticipantInput as a menu', () => {
  const menu = flowOf(
    action(
      'menu',
      'GetParticipantInput',
      { Text: 'Press 1', InputTimeLimitSeconds: '7' },
      'failed',
      [
        ['InputTimeLimitExceeded', 'failed'],
        ['NoMatchingCondition', 'failed'],
        ['NoMatchingError', 'failed'],
      ],
      [['Equals', '1', 'ok']],
    ),
  );

  it('asks for one key with the block’s timeout and takes the first key typed', async () => {
    const caller = scriptedCaller(['12']);
    const call = await simulateCall(menu, testEnv(), caller, START);
    expect(call.end).toEqual({ kind: 'disconnect' });
    expect(caller.asked[0]).toMatchObject({
      kind: 'menu',
      maxDigits: 1,
      timeoutSeconds: 7,
      language: 'en-US',
    });
    expect(call.transcript).toEqual([
      { kind: 'ask', actionId: 'menu', prompt: 'Press 1', language: 'en-US', voice: 'Joanna', answer: '12' },
    ]);
  });

  it('treats an answer without keypad keys as silence', async () => {
    const call = await simulateCall(menu, testEnv(), scriptedCaller(['hello']), START);
    expect(call.trace[0]?.branch).toBe('error:InputTimeLimitExceeded');
  });
});
