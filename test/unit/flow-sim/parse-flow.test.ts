import { describe, expect, it } from 'vitest';
import { parseFlow, safeParseFlow } from '../../../local/flow-sim/index';
import { fixtureFlow } from './harness';

describe('parseFlow', () => {
  it('parses a flow from JSON text, filling absent Parameters and Transitions', () => {
    const flow = parseFlow(
      '{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"DisconnectParticipant"}]}',
    );
    expect(flow.Actions[0]).toEqual({
      Identifier: 'a',
      Type: 'DisconnectParticipant',
      Parameters: {},
      Transitions: {},
    });
  });

  it('unwraps the DescribeContactFlow wrapper whose Content is the flow as a string', () => {
    const inner = fixtureFlow('partner-line');
    const flow = parseFlow({ Name: 'partner', Type: 'CONTACT_FLOW', Content: JSON.stringify(inner) });
    expect(flow.StartAction).toBe('team');
  });

  it('names every bad field by its path', () => {
    const result = safeParseFlow({
      Version: '2020-01-01',
      StartAction: 7,
      Actions: [
        { Identifier: 'a', Transitions: { Errors: [{ NextAction: 'b' }] } },
        {
          Identifier: 'b',
          Type: 'Compare',
          Parameters: [],
          Transitions: {
            Conditions: [{ NextAction: 'a', Condition: { Operator: 'Equals', Operands: [1] } }],
          },
        },
      ],
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'Version',
          message: 'must be "2019-10-30" (the only flow-language version), got "2020-01-01"',
        },
        { path: 'StartAction', message: 'must be a string, got 7' },
        { path: 'Actions[0].Type', message: 'is missing' },
        { path: 'Actions[0].Transitions.Errors[0].ErrorType', message: 'is missing' },
        { path: 'Actions[1].Parameters', message: 'must be an object, got []' },
        {
          path: 'Actions[1].Transitions.Conditions[0].Condition.Operands[0]',
          message: 'must be a string or a condition object',
        },
      ],
    });
  });

  it('reports JSON syntax errors, also inside a wrapper’s Content', () => {
    expect(safeParseFlow('{"Version":')).toMatchObject({
      ok: false,
      issues: [{ path: '', message: expect.stringMatching(/^is not valid JSON/) }],
    });
    expect(safeParseFlow({ Name: 'x', Content: '{oops' })).toMatchObject({
      ok: false,
      issues: [{ path: 'Content' }],
    });
  });

  it('prefixes paths inside a wrapper with Content', () => {
    const result = safeParseFlow({ Content: JSON.stringify({ Version: '2019-10-30', Actions: [] }) });
    expect(result).toEqual({ ok: false, issues: [{ path: 'Content.StartAction', message: 'is missing' }] });
  });

  it('throws an error listing the issues', () => {
    expect(() => parseFlow({})).toThrow('not a contact flow: Version: must be "2019-10-30"');
  });
});
