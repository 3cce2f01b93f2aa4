// What each supported action type requires of its parameters and branches, from the flow-language reference.
import type { FlowAction } from './flow-schema';
import { ParameterProblems, paramObject, paramString } from './parameter-checks';

/** The branch rules and parameter problems of one action, as the validator checks them. */
export interface ActionRules {
  /** Whether the action must name a NextAction (false for blocks that end the flow). */
  needsNext: boolean;
  /** Condition rules: none allowed, at least one, or exactly these Equals operands. */
  conditions:
    | { kind: 'none' }
    | { kind: 'some'; operators?: readonly string[] }
    | { kind: 'exactly'; operands: string[] };
  /** Error branches that must be present. */
  requiredErrors: string[];
  /** Error branches that may be present (required ones included). */
  allowedErrors: string[];
  /** Parameter problems, each starting with `Parameters.<name>`. */
  parameterProblems: string[];
  /** Extra checks on the conditions, e.g. GetParticipantInput's single-key operands. */
  operandRule?: { pattern: RegExp; describe: string };
  /** Why an error branch that is not allowed would never be taken, when that needs saying. */
  errorHints?: Record<string, string>;
}

const NO_ERROR = 'NoMatchingError';
const AGENT_METRICS = ['NumberOfAgentsAvailable', 'NumberOfAgentsStaffed', 'NumberOfAgentsOnline'];
const METRICS = [...AGENT_METRICS, 'OldestContactInQueueAgeSeconds', 'NumberOfContactsInQueue'];

type Check = (p: ParameterProblems, params: Record<string, unknown>) => void;
type Spec = Omit<ActionRules, 'parameterProblems' | 'allowedErrors'> & {
  allowedErrors?: string[];
  check?: Check;
};

const simple = (requiredErrors: string[], check?: Check, needsNext = true): Spec => ({
  needsNext,
  conditions: { kind: 'none' },
  requiredErrors,
  ...(check ? { check } : {}),
});

const SPECS: Record<string, (action: FlowAction) => Spec> = {
  MessageParticipant: () => simple([NO_ERROR], (p, x) => p.prompt(x, true)),
  GetParticipantInput: (action) => getParticipantInput(action.Parameters),
  InvokeLambdaFunction: () =>
    simple([NO_ERROR], (p, x) => {
      p.text(x, 'LambdaFunctionARN', true);
      p.staticInt(x, 'InvocationTimeLimitSeconds', 1, 8, true);
      p.oneOf(x, 'InvocationType', ['SYNCHRONOUS'], false);
      p.stringMap(x, 'LambdaInvocationAttributes', false);
      p.nested('ResponseValidation').oneOf(
        paramObject(x, 'ResponseValidation'),
        'ResponseType',
        ['STRING_MAP', 'JSON'],
        false,
      );
    }),
  UpdateContactAttributes: () =>
    simple([NO_ERROR], (p, x) => {
      p.stringMap(x, 'Attributes', true);
      p.oneOf(x, 'TargetContact', ['Current'], false);
    }),
  UpdateFlowAttributes: () => simple([]),
  Compare: () => ({
    needsNext: true,
    conditions: { kind: 'some' },
    requiredErrors: ['NoMatchingCondition'],
    check: (p, x) => p.singleReference(x, 'ComparisonValue'),
  }),
  CheckHoursOfOperation: () => ({
    needsNext: true,
    conditions: { kind: 'exactly', operands: ['True', 'False'] },
    requiredErrors: [NO_ERROR],
    check: (p, x) => p.text(x, 'HoursOfOperationId', false),
  }),
  CheckMetricData: (action) => ({
    needsNext: true,
    conditions: AGENT_METRICS.includes(paramString(action.Parameters, 'MetricType') ?? '')
      ? { kind: 'some', operators: ['NumberGreaterThan'] }
      : { kind: 'some' },
    requiredErrors: ['NoMatchingCondition', NO_ERROR],
    check: (p, x) => {
      p.oneOf(x, 'MetricType', METRICS, true);
      if (x.MetricType !== undefined && !AGENT_METRICS.includes(String(x.MetricType))) {
        p.add('MetricType', `${String(x.MetricType)} is not simulated (only ${AGENT_METRICS.join(', ')})`);
      }
      p.text(x, 'QueueId', false);
      if (x.AgentId !== undefined) p.add('AgentId', 'is not simulated (agent queues)');
    },
  }),
  UpdateContactTargetQueue: () =>
    simple([NO_ERROR], (p, x) => {
      p.text(x, 'QueueId', true);
      if (x.AgentId !== undefined) p.add('AgentId', 'is not simulated (agent queues)');
    }),
  UpdateContactRoutingBehavior: () =>
    simple([], (p, x) => {
      if (x.QueueTimeAdjustmentSeconds !== undefined && x.QueuePriority !== undefined) {
        p.add('QueuePriority', 'and QueueTimeAdjustmentSeconds are exclusive');
      } else if (x.QueueTimeAdjustmentSeconds !== undefined) {
        p.staticInt(x, 'QueueTimeAdjustmentSeconds', -2_147_483_648, 2_147_483_647, true);
      } else p.staticInt(x, 'QueuePriority', 1, 2_147_483_647, true);
    }),
  // Connect queues the contact on success; NextAction is where the flow goes when it cannot, and
  // every console export names it (the same target as the error branches).
  TransferContactToQueue: () => simple(['QueueAtCapacity', NO_ERROR]),
  TransferToFlow: () => simple([NO_ERROR], (p, x) => p.text(x, 'ContactFlowId', true)),
  DisconnectParticipant: () => simple([], undefined, false),
  EndFlowExecution: () => simple([], undefined, false),
  UpdateContactTextToSpeechVoice: () => simple([NO_ERROR], (p, x) => p.text(x, 'TextToSpeechVoice', true)),
  UpdateContactEventHooks: () =>
    simple([NO_ERROR], (p, x) => {
      const hooks = paramObject(x, 'EventHooks');
      if (Object.keys(hooks).length !== 1) p.add('EventHooks', 'must hold exactly one event hook');
    }),
  UpdateContactData: () =>
    simple([NO_ERROR], (p, x) => {
      p.text(x, 'LanguageCode', false);
      p.oneOf(x, 'TargetContact', ['Current'], false);
    }),
  UpdateFlowLoggingBehavior: () =>
    simple([], (p, x) => p.oneOf(x, 'FlowLoggingBehavior', ['Enabled', 'Disabled'], true)),
  UpdateContactRecordingBehavior: () => simple([]),
  Loop: () => ({
    needsNext: true,
    conditions: { kind: 'exactly', operands: ['ContinueLooping', 'DoneLooping'] },
    requiredErrors: [],
    check: (p, x) => p.staticInt(x, 'LoopCount', 0, 100, true),
  }),
  // Events (CustomerReturned, BotParticipantDisconnected) are chat-only and not simulated.
  Wait: () => ({
    needsNext: true,
    conditions: { kind: 'exactly', operands: ['WaitCompleted'] },
    requiredErrors: [NO_ERROR],
    check: (p, x) => {
      p.staticInt(x, 'TimeoutSeconds', 1, 604_800, true);
      if (x.Events !== undefined) p.add('Events', 'are not simulated');
    },
  }),
  CreateCallbackContact: () =>
    simple([NO_ERROR], (p, x) => {
      p.text(x, 'QueueId', false);
      p.staticInt(x, 'InitialCallDelaySeconds', 1, 259_200, true);
      p.staticInt(x, 'MaximumConnectionAttempts', 1, 2_147_483_647, true);
      p.staticInt(x, 'RetryDelaySeconds', 1, 259_200, true);
    }),
  UpdateContactCallbackNumber: () =>
    simple(['InvalidCallbackNumber', 'CallbackNumberNotDialable'], (p, x) =>
      p.singleReference(x, 'CallbackNumber'),
    ),
};

/** Every action type the simulator plays. */
export const SUPPORTED_ACTION_TYPES: readonly string[] = Object.keys(SPECS);

/** The rules for an action, or undefined when the simulator does not support its type. */
export function rulesFor(action: FlowAction): ActionRules | undefined {
  const spec = SPECS[action.Type]?.(action);
  if (!spec) return undefined;
  const problems = new ParameterProblems();
  spec.check?.(problems, action.Parameters);
  const { check: _check, ...rules } = spec;
  return {
    ...rules,
    allowedErrors: [...new Set([...spec.requiredErrors, ...(spec.allowedErrors ?? [])])],
    parameterProblems: problems.messages,
  };
}

function getParticipantInput(params: Record<string, unknown>): Spec {
  const stored = params.StoreInput === 'True';
  const validation = paramObject(params, 'InputValidation');
  const phone = validation.PhoneNumberValidation !== undefined;
  const check: Check = (p, x) => {
    p.prompt(x, false);
    p.staticInt(x, 'InputTimeLimitSeconds', 1, 2_147_483_647, false);
    p.oneOf(x, 'StoreInput', ['True', 'False'], false);
    if (!stored) return;
    if (validation.CustomValidation === undefined && !phone) {
      p.add(
        'InputValidation',
        'needs CustomValidation.MaximumLength or PhoneNumberValidation when StoreInput is True',
      );
    }
    if (validation.CustomValidation !== undefined) {
      const custom = p.nested('InputValidation.CustomValidation');
      custom.staticInt(paramObject(validation, 'CustomValidation'), 'MaximumLength', 1, 2_147_483_647, true);
    }
    if (x.InputEncryption !== undefined) p.add('InputEncryption', 'is not simulated');
  };
  if (stored) {
    return {
      needsNext: true,
      conditions: { kind: 'none' },
      requiredErrors: [NO_ERROR],
      allowedErrors: phone ? ['InvalidPhoneNumber'] : [],
      errorHints: {
        InputTimeLimitExceeded:
          'with StoreInput True a timeout stores "Timeout" in $.StoredCustomerInput and takes NextAction',
      },
      check,
    };
  }
  return {
    needsNext: true,
    conditions: { kind: 'some', operators: ['Equals'] },
    requiredErrors: ['NoMatchingCondition', NO_ERROR, 'InputTimeLimitExceeded'],
    operandRule: { pattern: /^[0-9*#]$/, describe: 'a single key: 0-9, * or #' },
    check,
  };
}
