import { describe, expect, it } from 'vitest';
import { CallState } from '../../../local/flow-sim/call-state';
import { conditionHolds } from '../../../local/flow-sim/conditions';
import { resolveValue } from '../../../local/flow-sim/references';

describe('conditionHolds', () => {
  it.each([
    ['Equals', 'abc', 'abc', true],
    ['Equals', 'abc', 'ABC', false],
    ['TextStartsWith', 'FR-123', 'FR-', true],
    ['TextEndsWith', 'FR-123', '23', true],
    ['TextContains', 'gold tier', 'old', true],
    ['NumberGreaterThan', '10', '9', true],
    ['NumberGreaterThan', '10', '10', false],
    ['NumberGreaterOrEqualTo', '10', '10', true],
    ['NumberLessThan', '2', '10', true],
    ['NumberLessOrEqualTo', '3', '2', false],
    ['NumberLessThan', 'abc', '10', false],
    ['NumberLessThan', '', '10', false],
  ])('%s: %j against %j is %s', (Operator, value, operand, expected) => {
    expect(conditionHolds({ Operator, Operands: [operand] }, value)).toBe(expected);
  });

  it('holds for nothing when the value is absent', () => {
    expect(conditionHolds({ Operator: 'Equals', Operands: [''] }, undefined)).toBe(false);
  });

  it('refuses an operator it does not know', () => {
    expect(() => conditionHolds({ Operator: 'Matches', Operands: ['x'] }, 'x')).toThrow(
      'operator Matches is not supported',
    );
  });
});

describe('resolveValue', () => {
  const state = new CallState({
    to: '+33180000000',
    from: null,
    attributes: { 'my key': 'v', tier: 'gold' },
    queueArn: 'arn:q/queue/fr-team',
  });
  state.external = { status: 'ok', nested: { a: 'b' } };
  const data = state.referenceData();

  it.each([
    ['$.Attributes.tier', 'gold'],
    ["$.Attributes['my key']", 'v'],
    ['$.External.nested.a', 'b'],
    ['$.SystemEndpoint.Address', '+33180000000'],
    ['$.CustomerEndpoint.Address', undefined],
    ['$.Queue.Name', 'fr-team'],
    ['$.Queue.ARN', 'arn:q/queue/fr-team'],
    ['$.LanguageCode', 'en-US'],
    ['$.Channel', 'VOICE'],
    ['$.Attributes.missing', undefined],
    [
      'Tier $.Attributes.tier, status $.External.status, none $.Attributes.missing.',
      'Tier gold, status ok, none .',
    ],
    ['plain text', 'plain text'],
  ])('resolves %j to %j', (value, expected) => {
    expect(resolveValue(value, data)).toBe(expected);
  });
});
