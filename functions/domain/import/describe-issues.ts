import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** "text", "a number", "a list"…: a JSON value's kind in words. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'true/false';
  return `a ${typeof value}`;
}

const KIND: Readonly<Record<string, string>> = { string: 'text', object: 'a JSON object', array: 'a list' };

const list = (values: readonly unknown[]) =>
  values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

function plain(issue: Issue, input: unknown): string {
  const value = valueAt(input, issue.path);
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value'))
    return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${KIND[issue.expected] ?? `a ${issue.expected}`}, not ${kindOf(value)}`;
    case 'invalid_value':
      return `must be one of ${list(issue.values)}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `needs at least ${issue.minimum} characters`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters long`;
      return `must be at most ${issue.maximum}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${list(issue.keys)}`;
    default:
      // Our schemas give every format and custom rule its own words.
      return issue.message;
  }
}

/**
 * Says in plain words what is wrong with a value, every problem at once, each after the field it is about:
 * "pin: the PIN has exactly 4 digits; language: must be one of en, fr, …". `input` is the value that was
 * checked (it tells a missing field from one of the wrong kind); `whole` names the value itself.
 */
export function describeIssues(error: z.ZodError, input?: unknown, whole = 'row'): string {
  const byField = new Map<string, string>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || whole;
    // A field's first problem is the one to fix (a 9-digit reference needs no check-digit advice).
    if (!byField.has(field)) byField.set(field, plain(issue, input));
  }
  return [...byField].map(([field, problem]) => `${field}: ${problem}`).join('; ');
}
