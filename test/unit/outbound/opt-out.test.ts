import { describe, expect, it } from 'vitest';
import { optKeyword, optOutApplies } from '../../../functions/domain/outbound/opt-out';

describe('optKeyword', () => {
  it.each([
    ['STOP', 'opt_out'],
    ['stop', 'opt_out'],
    [' Unsubscribe. ', 'opt_out'],
    ['STOPALL', 'opt_out'],
    ['quit', 'opt_out'],
    ['START', 'opt_in'],
    ['unstop', 'opt_in'],
    ['Yes', 'opt_in'],
  ] as const)('reads %j as %s', (text, expected) => {
    expect(optKeyword(text)).toBe(expected);
  });

  it('reads nothing into a sentence that merely contains a keyword, as Twilio does', () => {
    expect(optKeyword('STOP PLEASE')).toBeUndefined();
    expect(optKeyword('please cancel my booking')).toBeUndefined();
    expect(optKeyword('yes I arrive late')).toBeUndefined();
  });
});

describe('optOutApplies', () => {
  it('spares answers to the guest’s own messages and stops everything else', () => {
    expect(optOutApplies('acknowledgement')).toBe(false);
    expect(optOutApplies('agent_reply')).toBe(false);
    expect(optOutApplies('survey')).toBe(true);
    expect(optOutApplies('notification')).toBe(true);
  });
});
