import type { FlowCondition } from './flow-schema';

/** The comparison operators of the flow language that the simulator evaluates. */
export const SUPPORTED_OPERATORS = [
  'Equals',
  'TextStartsWith',
  'TextEndsWith',
  'TextContains',
  'NumberGreaterThan',
  'NumberGreaterOrEqualTo',
  'NumberLessThan',
  'NumberLessOrEqualTo',
] as const;

const OPERATORS: ReadonlySet<string> = new Set(SUPPORTED_OPERATORS);

/** Whether the simulator can evaluate this condition (known operator, one string operand). */
export function conditionProblem(condition: FlowCondition): string | undefined {
  if (!OPERATORS.has(condition.Operator)) return `operator ${condition.Operator} is not supported`;
  if (condition.Operands.length !== 1 || typeof condition.Operands[0] !== 'string') {
    return `operator ${condition.Operator} takes exactly one string operand`;
  }
  return undefined;
}

/** Evaluates a condition against an action's result; an absent result satisfies nothing. */
export function conditionHolds(condition: FlowCondition, result: string | undefined): boolean {
  const problem = conditionProblem(condition);
  if (problem) throw new Error(problem);
  const operand = condition.Operands[0] as string;
  if (result === undefined) return false;
  switch (condition.Operator) {
    case 'Equals':
      return result === operand;
    case 'TextStartsWith':
      return result.startsWith(operand);
    case 'TextEndsWith':
      return result.endsWith(operand);
    case 'TextContains':
      return result.includes(operand);
    default:
      return compareNumbers(condition.Operator, result, operand);
  }
}

function compareNumbers(operator: string, result: string, operand: string): boolean {
  const a = toNumber(result);
  const b = toNumber(operand);
  if (a === undefined || b === undefined) return false;
  if (operator === 'NumberGreaterThan') return a > b;
  if (operator === 'NumberGreaterOrEqualTo') return a >= b;
  if (operator === 'NumberLessThan') return a < b;
  return a <= b;
}

function toNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
