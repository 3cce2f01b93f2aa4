import { SUPPORTED_ACTION_TYPES } from './action-specs';
import { HANDLERS } from './actions/index';
import { CallState } from './call-state';
import { conditionHolds } from './conditions';
import type { Flow, FlowAction } from './flow-schema';
import { parseFlow } from './parse-flow';
import { substitutePlaceholders, UnsupportedReferenceError } from './references';
import { FlowDefectError, type StepContext, type StepOutcome } from './step';
import type {
  CallEnd,
  CallerIo,
  CallResult,
  CallStart,
  FlowEnvironment,
  TraceStep,
  TranscriptEntry,
} from './types';

const DEFAULT_MAX_STEPS = 1000;

/**
 * Plays one call through a flow (JSON text, raw value or parsed; throws FlowParseError if it does not
 * parse). Never throws for what happens during the call: a missing branch, an unsupported action, an
 * unknown placeholder or a runaway loop ends the call with `end.kind === 'error'` naming the action.
 */
export async function simulateCall(
  flowInput: unknown,
  env: FlowEnvironment,
  io: CallerIo,
  start: CallStart,
): Promise<CallResult> {
  let flow = parseFlow(flowInput);
  let flowName = start.flowName ?? 'main';
  let byId = index(flow);
  const state = new CallState(start);
  const transcript: TranscriptEntry[] = [];
  const trace: TraceStep[] = [];
  const loopCounters = new Map<string, number>();
  const maxSteps = start.maxSteps ?? DEFAULT_MAX_STEPS;
  const finish = (end: CallEnd): CallResult => ({
    end,
    attributes: { ...state.attributes },
    language: state.languageCode,
    voice: state.voice,
    priority: state.priority,
    eventHooks: { ...state.eventHooks },
    transcript,
    trace,
    callbacks: [...state.callbacks],
  });
  let actionId = flow.StartAction;
  let from: FlowAction | undefined;
  for (let steps = 1; ; steps++) {
    const action = byId.get(actionId);
    if (!action) {
      const where = from ? `${from.Type} ${from.Identifier} goes` : 'StartAction points';
      return finish(
        errorEnd(flowName, from, `${where} to ${actionId}, which is not an action of flow ${flowName}`),
      );
    }
    const fail = (message: string) => finish(errorEnd(flowName, action, message));
    if (steps > maxSteps) return fail(`stopped after ${maxSteps} actions: the flow loops without end`);
    const handler = HANDLERS[action.Type];
    if (!handler) {
      return fail(
        `action type ${action.Type} is not supported by the simulator (it plays ${SUPPORTED_ACTION_TYPES.join(', ')})`,
      );
    }
    const { value: resolved, missing } = substitutePlaceholders(action, env.placeholders);
    if (missing.length > 0)
      return fail(`placeholder ${missing.map((m) => `%${m}%`).join(', ')} has no value in env.placeholders`);
    const ctx: StepContext = { state, env, io, flowName, loopCounters, record: (e) => transcript.push(e) };
    let outcome: StepOutcome;
    try {
      outcome = await handler(resolved, ctx);
    } catch (error) {
      if (error instanceof FlowDefectError || error instanceof UnsupportedReferenceError)
        return fail(error.message);
      throw error;
    }
    const step = (branch: string) =>
      trace.push({ flowName, actionId: action.Identifier, type: action.Type, branch });
    if (outcome.kind === 'end') {
      step('end');
      return finish(outcome.end);
    }
    if (outcome.kind === 'flow') {
      step(`transfer:${outcome.name}`);
      flow = outcome.flow;
      flowName = outcome.name;
      byId = index(flow);
      state.flowAttributes = {};
      from = undefined;
      actionId = flow.StartAction;
      continue;
    }
    const chosen = chooseBranch(action, outcome);
    if ('problem' in chosen) return fail(chosen.problem);
    step(chosen.branch);
    from = action;
    actionId = chosen.target;
  }
}

type Branch = { target: string; branch: string } | { problem: string };

function chooseBranch(action: FlowAction, outcome: Exclude<StepOutcome, { kind: 'end' | 'flow' }>): Branch {
  const t = action.Transitions;
  if (outcome.kind === 'result' && (t.Conditions?.length ?? 0) > 0) {
    for (const c of t.Conditions ?? []) {
      if (conditionHolds(c.Condition, outcome.value)) {
        return {
          target: c.NextAction,
          branch: `condition:${c.Condition.Operator} ${String(c.Condition.Operands[0])}`,
        };
      }
    }
    return errorBranch(
      action,
      'NoMatchingCondition',
      `no condition matches ${JSON.stringify(outcome.value ?? null)}`,
    );
  }
  if (outcome.kind === 'error') return errorBranch(action, outcome.errorType, outcome.reason);
  if (t.NextAction === undefined) return { problem: 'has no NextAction' };
  return { target: t.NextAction, branch: 'next' };
}

function errorBranch(action: FlowAction, errorType: string, reason: string): Branch {
  const errors = action.Transitions.Errors ?? [];
  const match =
    errors.find((e) => e.ErrorType === errorType) ?? errors.find((e) => e.ErrorType === 'NoMatchingError');
  if (match) return { target: match.NextAction, branch: `error:${match.ErrorType}` };
  const branches = errorType === 'NoMatchingError' ? 'NoMatchingError' : `${errorType} or NoMatchingError`;
  return { problem: `${errorType} (${reason}) and no ${branches} branch: the call would drop` };
}

function errorEnd(flowName: string, action: FlowAction | undefined, message: string): CallEnd {
  return {
    kind: 'error',
    flowName,
    actionId: action?.Identifier ?? '(start)',
    actionType: action?.Type ?? '(start)',
    message,
  };
}

function index(flow: Flow): Map<string, FlowAction> {
  return new Map(flow.Actions.map((a) => [a.Identifier, a]));
}
