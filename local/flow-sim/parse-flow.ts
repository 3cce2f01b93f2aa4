import type { z } from 'zod';
import { type Flow, FlowSchema } from './flow-schema';
import { declaredFlowType, type FlowType } from './flow-types';

/** One reason a document is not a flow, with the path of the bad field (e.g. `Actions[3].Type`). */
export interface FlowParseIssue {
  path: string;
  message: string;
}

/** Thrown by {@link parseFlow} when the input is not a flow; `issues` lists every bad field. */
export class FlowParseError extends Error {
  readonly issues: FlowParseIssue[];

  constructor(issues: FlowParseIssue[], options?: { cause?: unknown }) {
    super(
      `not a contact flow: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      options,
    );
    this.name = 'FlowParseError';
    this.issues = issues;
  }
}

/** Outcome of {@link safeParseFlow}. */
export type FlowParseResult =
  | { ok: true; flow: Flow; declaredType?: FlowType }
  | { ok: false; issues: FlowParseIssue[] };

/**
 * Parses a flow from JSON text or an already-parsed value. Also accepts the DescribeContactFlow
 * wrapper (`{Name, Type, Content}`) whose `Content` is the flow as a JSON string, as exports often are.
 * `declaredType` is the flow type the document states (the wrapper's `Type` or `Metadata.type`), if any.
 */
export function safeParseFlow(input: unknown): FlowParseResult {
  const json = typeof input === 'string' ? parseJson(input, '') : { ok: true as const, value: input };
  if (!json.ok) return { ok: false, issues: [json.issue] };
  let value = json.value;
  let prefix = '';
  let declared: string | undefined;
  if (isWrapper(value)) {
    declared = typeof value.Type === 'string' ? value.Type : undefined;
    const inner = parseJson(value.Content, 'Content');
    if (!inner.ok) return { ok: false, issues: [inner.issue] };
    value = inner.value;
    prefix = 'Content';
  }
  const parsed = FlowSchema.safeParse(value, { reportInput: true });
  if (parsed.success) {
    const meta = parsed.data.Metadata?.type;
    const declaredType = declaredFlowType(declared ?? (typeof meta === 'string' ? meta : undefined));
    return { ok: true, flow: parsed.data, ...(declaredType ? { declaredType } : {}) };
  }
  return { ok: false, issues: parsed.error.issues.map((issue) => toIssue(issue, prefix)) };
}

/** Parses a flow (see {@link safeParseFlow}) or throws {@link FlowParseError}. */
export function parseFlow(input: unknown): Flow {
  const result = safeParseFlow(input);
  if (!result.ok) throw new FlowParseError(result.issues);
  return result.flow;
}

/** Formats a path such as ['Actions', 3, 'Transitions', 'Errors', 0] as `Actions[3].Transitions.Errors[0]`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function toIssue(issue: z.core.$ZodIssue, prefix: string): FlowParseIssue {
  const path = formatPath(issue.path, prefix);
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return { path, message: 'is missing' };
    return { path, message: `must be ${article(issue.expected)}, got ${show(issue.input)}` };
  }
  if (issue.code === 'invalid_union') return { path, message: `must be a string or a condition object` };
  if (issue.code === 'invalid_value' && path.endsWith('Version')) {
    return {
      path,
      message: `must be "2019-10-30" (the only flow-language version), got ${show(issue.input)}`,
    };
  }
  return { path, message: issue.message };
}

function parseJson(
  text: string,
  path: string,
): { ok: true; value: unknown } | { ok: false; issue: FlowParseIssue } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issue: { path, message: `is not valid JSON (${(error as Error).message})` } };
  }
}

function isWrapper(value: unknown): value is { Content: string; Type?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !('Actions' in value) &&
    typeof (value as { Content?: unknown }).Content === 'string'
  );
}

function article(expected: string): string {
  if (expected === 'record') return 'an object';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
