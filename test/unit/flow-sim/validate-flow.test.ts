import { describe, expect, it } from 'vitest';
import {
  type FlowAction,
  type FlowProblem,
  readPlaceholderNames,
  validateFlow,
} from '../../../local/flow-sim/index';
import { action, flowOf } from './flow-builder';
import { FLOWS_DIR, fixtureFlow } from './harness';

const known = readPlaceholderNames(`${FLOWS_DIR}/placeholders.json`);
const codes = (problems: FlowProblem[]) => problems.map((p) => `${p.code} ${p.path}`);

describe('validateFlow', () => {
  it.each(['inbound', 'partner-line', 'customer-queue'])(
    'finds nothing wrong in the hand-written %s flow',
    (name) => {
      expect(validateFlow(fixtureFlow(name), { knownPlaceholders: known })).toEqual([]);
    },
  );

  it('finds every kind of problem in the broken flow, with paths', () => {
    expect(codes(validateFlow(fixtureFlow('broken'), { knownPlaceholders: known }))).toEqual([
      'unknown-target Actions[0].Transitions.NextAction',
      'missing-error Actions[0].Transitions.Errors',
      'bad-parameter Actions[0].Parameters.Text',
      'missing-condition Actions[1].Transitions.Conditions',
      'missing-error Actions[1].Transitions.Errors',
      'unsupported-action Actions[2].Type',
      'unreachable Actions[1]',
      'unreachable Actions[2]',
      'unknown-placeholder Actions[2].Parameters.ViewResource.Id',
    ]);
  });

  it('names the unsupported action type and the unknown placeholder in its messages', () => {
    const messages = validateFlow(fixtureFlow('broken'), { knownPlaceholders: known }).map((p) => p.message);
    expect(messages).toContain(
      'ShowView orphan-view: action type ShowView is not supported by the simulator',
    );
    expect(messages).toContain('placeholder %Mystery% is not a known placeholder');
  });

  it('skips the placeholder check when no list is given', () => {
    expect(codes(validateFlow(fixtureFlow('broken'))).some((c) => c.startsWith('unknown-placeholder'))).toBe(
      false,
    );
  });

  it('reports a document that does not parse as invalid-shape problems', () => {
    expect(validateFlow({ Version: '2019-10-30', Actions: [] })).toEqual([
      { code: 'invalid-shape', path: 'StartAction', message: 'StartAction is missing' },
    ]);
  });

  it('refuses more than 250 actions', () => {
    const many = Array.from({ length: 250 }, (_, i) =>
      action(
        `m${i}`,
        'UpdateFlowLoggingBehavior',
        { FlowLoggingBehavior: 'Enabled' },
        i === 249 ? 'ok' : `m${i + 1}`,
      ),
    );
    expect(codes(validateFlow(flowOf(...many)))).toContain('too-many-actions Actions');
  });

  it('requires the three error branches and single-key conditions of a menu', () => {
    const menu = action(
      'menu',
      'GetParticipantInput',
      { Text: 'Press' },
      'ok',
      [['NoMatchingError', 'ok']],
      [['TextContains', '12', 'ok']],
    );
    expect(codes(validateFlow(flowOf(menu))).filter((c) => !c.startsWith('unreachable'))).toEqual([
      'unexpected-condition Actions[0].Transitions.Conditions[0].Condition',
      'missing-error Actions[0].Transitions.Errors',
      'missing-error Actions[0].Transitions.Errors',
    ]);
    const menu2 = action(
      'menu',
      'GetParticipantInput',
      { Text: 'Press' },
      'ok',
      [
        ['NoMatchingError', 'ok'],
        ['NoMatchingCondition', 'ok'],
        ['InputTimeLimitExceeded', 'ok'],
      ],
      [['Equals', '12', 'ok']],
    );
    expect(validateFlow(flowOf(menu2)).map((p) => p.message)).toContain(
      'GetParticipantInput menu: operand 12 must be a single key: 0-9, * or #',
    );
  });

  it('explains that a timeout branch on stored input is never taken', () => {
    const store = action(
      'pin',
      'GetParticipantInput',
      { Text: 'PIN', StoreInput: 'True', InputValidation: { CustomValidation: { MaximumLength: '6' } } },
      'ok',
      [
        ['NoMatchingError', 'ok'],
        ['InputTimeLimitExceeded', 'ok'],
      ],
    );
    expect(validateFlow(flowOf(store)).map((p) => p.message)).toContain(
      'GetParticipantInput pin: InputTimeLimitExceeded is never taken: with StoreInput True a timeout stores "Timeout" in $.StoredCustomerInput and takes NextAction',
    );
  });

  it('checks parameters that must be static numbers in range', () => {
    const flow = flowOf(
      action(
        'lambda',
        'InvokeLambdaFunction',
        { LambdaFunctionARN: 'arn', InvocationTimeLimitSeconds: '9' },
        'prio',
        [['NoMatchingError', 'ok']],
      ),
      action('prio', 'UpdateContactRoutingBehavior', { QueuePriority: '$.External.priority' }, 'loop'),
      action(
        'loop',
        'Loop',
        { LoopCount: '101' },
        'ok',
        [],
        [
          ['Equals', 'ContinueLooping', 'ok'],
          ['Equals', 'DoneLooping', 'ok'],
        ],
      ),
    );
    expect(validateFlow(flowOf(...flow.Actions.slice(0, 3))).map((p) => p.message)).toEqual([
      'InvokeLambdaFunction lambda: Parameters.InvocationTimeLimitSeconds must be a static whole number from 1 to 8, got "9"',
      'UpdateContactRoutingBehavior prio: Parameters.QueuePriority must be a static whole number from 1 to 2147483647, got "$.External.priority"',
      'Loop loop: Parameters.LoopCount must be a static whole number from 0 to 100, got "101"',
      'EndFlowExecution failed: cannot be reached from StartAction',
    ]);
  });

  it('requires exactly True and False on CheckHoursOfOperation, and nothing else', () => {
    const hours = action(
      'hours',
      'CheckHoursOfOperation',
      {},
      'ok',
      [['NoMatchingError', 'ok']],
      [
        ['Equals', 'True', 'ok'],
        ['Equals', 'Maybe', 'ok'],
      ],
    );
    expect(
      validateFlow(flowOf(hours))
        .map((p) => p.message)
        .slice(0, 2),
    ).toEqual([
      'CheckHoursOfOperation hours: conditions must be exactly Equals True and Equals False',
      'CheckHoursOfOperation hours: needs a condition Equals False',
    ]);
  });

  it('flags duplicate and malformed identifiers and references the simulator cannot read', () => {
    const flow = flowOf(
      action('a:1', 'MessageParticipant', { Text: 'Hi $.Lex.IntentName' }, 'a:1', [
        ['NoMatchingError', 'ok'],
      ]),
      action('a:1', 'DisconnectParticipant'),
    );
    expect(codes(validateFlow(flow))).toEqual(
      expect.arrayContaining([
        'duplicate-identifier Actions[1].Identifier',
        'bad-identifier Actions[0].Identifier',
        'unsupported-reference Actions[0].Parameters',
      ]),
    );
  });
});

describe('validateFlow against what Connect rejects', () => {
  // A flow of the given actions ending in one DisconnectParticipant "ok", nothing else.
  const bare = (...actions: FlowAction[]) => ({
    Version: '2019-10-30',
    StartAction: actions[0]?.Identifier ?? 'ok',
    Actions: [...actions, action('ok', 'DisconnectParticipant')],
  });
  const queueing = (transferNext?: string) =>
    bare(
      action('set-queue', 'UpdateContactTargetQueue', { QueueId: 'arn:q' }, 'transfer', [
        ['NoMatchingError', 'ok'],
      ]),
      action('transfer', 'TransferContactToQueue', {}, transferNext, [
        ['QueueAtCapacity', 'ok'],
        ['NoMatchingError', 'ok'],
      ]),
    );

  it('requires a NextAction on TransferContactToQueue, as every console export has', () => {
    // Act
    const without = validateFlow(queueing(), { flowType: 'CONTACT_FLOW' });
    const withNext = validateFlow(queueing('ok'), { flowType: 'CONTACT_FLOW' });

    // Assess
    expect(without.map((p) => `${p.code} ${p.path} ${p.message}`)).toEqual([
      'missing-next-action Actions[1].Transitions.NextAction TransferContactToQueue transfer: has no NextAction',
    ]);
    expect(withNext).toEqual([]);
  });

  it('refuses EndFlowExecution in an inbound flow: there it ends the contact', () => {
    // Prepare
    const ending = bare(action('end', 'EndFlowExecution'));

    // Act
    const inbound = validateFlow(ending, { flowType: 'CONTACT_FLOW' });

    // Assess
    expect(inbound.map((p) => p.message)).toEqual([
      'EndFlowExecution end: Connect does not allow it in a CONTACT_FLOW flow, only in CUSTOMER_WHISPER, AGENT_WHISPER, OUTBOUND_WHISPER, CUSTOMER_QUEUE (in an inbound flow ending the flow before the contact is queued ends the contact (use DisconnectParticipant, or route the contact on))',
      'DisconnectParticipant ok: cannot be reached from StartAction',
    ]);
    expect(codes(validateFlow(ending, { flowType: 'CUSTOMER_QUEUE' }))).toEqual(['unreachable Actions[1]']);
    expect(codes(validateFlow(ending, { flowType: 'AGENT_WHISPER' }))).toEqual([
      'wrong-flow-type Actions[1].Type',
      'unreachable Actions[1]',
    ]);
  });

  it('refuses queueing blocks in a customer queue flow', () => {
    expect(codes(validateFlow(queueing('ok'), { flowType: 'CUSTOMER_QUEUE' }))).toEqual([
      'wrong-flow-type Actions[0].Type',
      'wrong-flow-type Actions[1].Type',
    ]);
  });

  it('checks no flow type when none is given or declared', () => {
    expect(validateFlow(bare(action('end', 'EndFlowExecution'))).map((p) => p.code)).toEqual(['unreachable']);
  });

  it('takes the flow type a DescribeContactFlow wrapper declares', () => {
    // Prepare
    const wrapped = { Name: 'q', Type: 'CUSTOMER_QUEUE', Content: JSON.stringify(queueing('ok')) };

    // Act
    const problems = validateFlow(wrapped);

    // Assess
    expect(problems.map((p) => p.code)).toEqual(['wrong-flow-type', 'wrong-flow-type']);
  });

  it('takes the flow type a console export declares in Metadata.type', () => {
    // Prepare
    const exported = { ...bare(action('end', 'EndFlowExecution')), Metadata: { type: 'contactFlow' } };

    // Act + Assess
    expect(codes(validateFlow(exported))).toEqual([
      'wrong-flow-type Actions[0].Type',
      'unreachable Actions[1]',
    ]);
  });

  it('knows a Wait needs its WaitCompleted condition and a static timeout', () => {
    // Prepare
    const waiting = bare(
      action('wait', 'Wait', { TimeoutSeconds: '$.Attributes.t' }, 'ok', [['NoMatchingError', 'ok']]),
    );

    // Act
    const problems = validateFlow(waiting, { flowType: 'CONTACT_FLOW' }).map((p) => p.message);

    // Assess
    expect(problems).toEqual([
      'Wait wait: needs a condition Equals WaitCompleted',
      'Wait wait: Parameters.TimeoutSeconds must be a static whole number from 1 to 604800, got "$.Attributes.t"',
    ]);
  });
});
