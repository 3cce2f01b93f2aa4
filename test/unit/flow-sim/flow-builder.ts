// Builds small flows inline for tests that need one or two blocks around the thing under test.
import type { FlowAction } from '../../../local/flow-sim/index';

/** An action; `errors` and `conditions` are [type, target] / [operator, operand, target] triples. */
export function action(
  Identifier: string,
  Type: string,
  Parameters: Record<string, unknown> = {},
  next?: string,
  errors: [string, string][] = [],
  conditions: [string, string, string][] = [],
): FlowAction {
  return {
    Identifier,
    Type,
    Parameters,
    Transitions: {
      ...(next ? { NextAction: next } : {}),
      ...(errors.length
        ? { Errors: errors.map(([ErrorType, NextAction]) => ({ ErrorType, NextAction })) }
        : {}),
      ...(conditions.length
        ? {
            Conditions: conditions.map(([Operator, operand, NextAction]) => ({
              NextAction,
              Condition: { Operator, Operands: [operand] },
            })),
          }
        : {}),
    },
  };
}

/** A flow starting at its first action, ending in "ok" (Disconnect) and "failed" (EndFlowExecution). */
export function flowOf(...actions: FlowAction[]) {
  return {
    Version: '2019-10-30',
    StartAction: actions[0]?.Identifier ?? 'ok',
    Actions: [...actions, action('ok', 'DisconnectParticipant'), action('failed', 'EndFlowExecution')],
  };
}
