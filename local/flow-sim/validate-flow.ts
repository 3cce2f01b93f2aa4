import { type ActionRules, rulesFor } from './action-specs';
import { conditionProblem } from './conditions';
import { type Flow, type FlowAction, MAX_FLOW_ACTIONS } from './flow-schema';
import { ACTION_FLOW_TYPES, type FlowType } from './flow-types';
import { safeParseFlow } from './parse-flow';
import { isSupportedReference, placeholdersIn, referencesIn } from './references';

/** The kinds of problem the validator reports. */
export type FlowProblemCode =
  | 'invalid-shape'
  | 'too-many-actions'
  | 'duplicate-identifier'
  | 'bad-identifier'
  | 'unknown-start'
  | 'unknown-target'
  | 'unreachable'
  | 'missing-next-action'
  | 'missing-condition'
  | 'unexpected-condition'
  | 'missing-error'
  | 'unexpected-error'
  | 'bad-parameter'
  | 'unknown-placeholder'
  | 'unsupported-action'
  | 'unsupported-reference'
  | 'wrong-flow-type';

/** One thing wrong with a flow; `path` points into the document, e.g. `Actions[4].Transitions.NextAction`. */
export interface FlowProblem {
  code: FlowProblemCode;
  message: string;
  path: string;
  actionId?: string;
}

/** Options of {@link validateFlow}. */
export interface ValidateOptions {
  /** Allowed `%Name%` placeholders; when omitted, placeholders are not checked. */
  knownPlaceholders?: Iterable<string>;
  /**
   * The Connect flow type the flow is deployed as; default: what the document declares (wrapper `Type`
   * or `Metadata.type`). When neither is known, actions are not checked against the flow type.
   */
  flowType?: FlowType;
}

const BAD_ID_CHARS = /[%:(\\/)=$,;[\]{}]/;

/**
 * Checks a flow (JSON text, raw value or parsed) without running it. Returns every problem found;
 * an empty list means the flow parses, is well formed and uses only what the simulator plays.
 */
export function validateFlow(input: unknown, options: ValidateOptions = {}): FlowProblem[] {
  const parsed = safeParseFlow(input);
  if (!parsed.ok) {
    return parsed.issues.map((i) => ({
      code: 'invalid-shape',
      path: i.path,
      message: `${i.path || 'flow'} ${i.message}`,
    }));
  }
  const flow = parsed.flow;
  const problems: FlowProblem[] = [];
  if (flow.Actions.length > MAX_FLOW_ACTIONS) {
    problems.push({
      code: 'too-many-actions',
      path: 'Actions',
      message: `${flow.Actions.length} actions: Connect allows at most ${MAX_FLOW_ACTIONS} per flow`,
    });
  }
  const ids = checkIdentifiers(flow, problems);
  if (!ids.has(flow.StartAction)) {
    problems.push({
      code: 'unknown-start',
      path: 'StartAction',
      message: `StartAction ${flow.StartAction} is not an action`,
    });
  }
  for (const [index, action] of flow.Actions.entries())
    checkAction(action, `Actions[${index}]`, ids, problems);
  const flowType = options.flowType ?? parsed.declaredType;
  if (flowType) checkFlowType(flow, flowType, problems);
  checkReachability(flow, ids, problems);
  if (options.knownPlaceholders) checkPlaceholders(flow, new Set(options.knownPlaceholders), problems);
  return problems;
}

function checkIdentifiers(flow: Flow, problems: FlowProblem[]): Set<string> {
  const ids = new Set<string>();
  flow.Actions.forEach((action, index) => {
    const path = `Actions[${index}].Identifier`;
    const id = action.Identifier;
    if (ids.has(id))
      problems.push({
        code: 'duplicate-identifier',
        path,
        actionId: id,
        message: `Identifier ${id} is used twice`,
      });
    if (id.length > 50 || BAD_ID_CHARS.test(id)) {
      problems.push({
        code: 'bad-identifier',
        path,
        actionId: id,
        message: `Identifier ${id} must be at most 50 characters without any of % : ( \\ / ) = $ , ; [ ] { }`,
      });
    }
    ids.add(id);
  });
  return ids;
}

function checkAction(action: FlowAction, path: string, ids: Set<string>, problems: FlowProblem[]): void {
  const push = (code: FlowProblemCode, where: string, message: string) =>
    problems.push({
      code,
      path: where,
      actionId: action.Identifier,
      message: `${action.Type} ${action.Identifier}: ${message}`,
    });
  const t = action.Transitions;
  if (t.NextAction !== undefined && !ids.has(t.NextAction)) {
    push('unknown-target', `${path}.Transitions.NextAction`, `NextAction ${t.NextAction} is not an action`);
  }
  t.Errors?.forEach((e, i) => {
    if (!ids.has(e.NextAction)) {
      push(
        'unknown-target',
        `${path}.Transitions.Errors[${i}].NextAction`,
        `${e.ErrorType} branch goes to ${e.NextAction}, which is not an action`,
      );
    }
  });
  t.Conditions?.forEach((c, i) => {
    if (!ids.has(c.NextAction)) {
      push(
        'unknown-target',
        `${path}.Transitions.Conditions[${i}].NextAction`,
        `condition branch goes to ${c.NextAction}, which is not an action`,
      );
    }
  });
  const rules = rulesFor(action);
  if (!rules) {
    push(
      'unsupported-action',
      `${path}.Type`,
      `action type ${action.Type} is not supported by the simulator`,
    );
    return;
  }
  checkBranches(action, rules, path, push);
  for (const message of rules.parameterProblems)
    push('bad-parameter', `${path}.${message.split(' ')[0]}`, message);
  for (const ref of referencesIn(JSON.stringify(action.Parameters))) {
    if (!isSupportedReference(ref))
      push('unsupported-reference', `${path}.Parameters`, `reference ${ref} is not simulated`);
  }
}

type Push = (code: FlowProblemCode, path: string, message: string) => void;

function checkBranches(action: FlowAction, rules: ActionRules, path: string, push: Push): void {
  const t = action.Transitions;
  if (rules.needsNext && t.NextAction === undefined) {
    push('missing-next-action', `${path}.Transitions.NextAction`, 'has no NextAction');
  }
  const conditions = t.Conditions ?? [];
  const c = rules.conditions;
  if (c.kind === 'none' && conditions.length > 0) {
    push('unexpected-condition', `${path}.Transitions.Conditions`, 'takes no conditions');
  }
  if (c.kind === 'some' && conditions.length === 0) {
    push('missing-condition', `${path}.Transitions.Conditions`, 'needs at least one condition');
  }
  conditions.forEach(({ Condition: cond }, i) => {
    const where = `${path}.Transitions.Conditions[${i}].Condition`;
    const problem = conditionProblem(cond);
    const operand = String(cond.Operands[0]);
    if (problem) push('unexpected-condition', where, problem);
    else if (c.kind === 'some' && c.operators && !c.operators.includes(cond.Operator)) {
      push('unexpected-condition', where, `only ${c.operators.join(', ')} may be used, not ${cond.Operator}`);
    } else if (c.kind === 'exactly' && (cond.Operator !== 'Equals' || !c.operands.includes(operand))) {
      push(
        'unexpected-condition',
        where,
        `conditions must be exactly Equals ${c.operands.join(' and Equals ')}`,
      );
    } else if (rules.operandRule && !rules.operandRule.pattern.test(operand)) {
      push('unexpected-condition', where, `operand ${operand} must be ${rules.operandRule.describe}`);
    }
  });
  if (c.kind === 'exactly') {
    for (const operand of c.operands) {
      if (!conditions.some((x) => x.Condition.Operator === 'Equals' && x.Condition.Operands[0] === operand)) {
        push('missing-condition', `${path}.Transitions.Conditions`, `needs a condition Equals ${operand}`);
      }
    }
  }
  const errors = t.Errors ?? [];
  for (const required of rules.requiredErrors) {
    if (!errors.some((e) => e.ErrorType === required)) {
      push(
        'missing-error',
        `${path}.Transitions.Errors`,
        `needs a ${required} error branch (without it the call drops)`,
      );
    }
  }
  errors.forEach((e, i) => {
    if (rules.allowedErrors.includes(e.ErrorType)) return;
    const hint = rules.errorHints?.[e.ErrorType];
    push(
      'unexpected-error',
      `${path}.Transitions.Errors[${i}].ErrorType`,
      `${e.ErrorType} is never taken${hint ? `: ${hint}` : ''}`,
    );
  });
}

function checkFlowType(flow: Flow, flowType: FlowType, problems: FlowProblem[]): void {
  flow.Actions.forEach((action, i) => {
    const allowed = ACTION_FLOW_TYPES[action.Type];
    if (!allowed || allowed.types.includes(flowType)) return;
    problems.push({
      code: 'wrong-flow-type',
      path: `Actions[${i}].Type`,
      actionId: action.Identifier,
      message: `${action.Type} ${action.Identifier}: Connect does not allow it in a ${flowType} flow, only in ${allowed.types.join(', ')} (${allowed.why})`,
    });
  });
}

function checkReachability(flow: Flow, ids: Set<string>, problems: FlowProblem[]): void {
  const byId = new Map(flow.Actions.map((a) => [a.Identifier, a]));
  const seen = new Set<string>();
  const stack = ids.has(flow.StartAction) ? [flow.StartAction] : [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const t = byId.get(id)?.Transitions;
    const next = [
      t?.NextAction,
      ...(t?.Errors ?? []).map((e) => e.NextAction),
      ...(t?.Conditions ?? []).map((c) => c.NextAction),
    ];
    for (const n of next) if (n !== undefined && byId.has(n) && !seen.has(n)) stack.push(n);
  }
  flow.Actions.forEach((a, i) => {
    if (!seen.has(a.Identifier)) {
      problems.push({
        code: 'unreachable',
        path: `Actions[${i}]`,
        actionId: a.Identifier,
        message: `${a.Type} ${a.Identifier}: cannot be reached from StartAction`,
      });
    }
  });
}

function checkPlaceholders(flow: Flow, known: Set<string>, problems: FlowProblem[]): void {
  for (const use of placeholdersIn(flow)) {
    if (!known.has(use.name)) {
      problems.push({
        code: 'unknown-placeholder',
        path: use.path,
        message: `placeholder %${use.name}% is not a known placeholder`,
      });
    }
  }
}
