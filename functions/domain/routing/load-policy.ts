import type { z } from 'zod';
import { ValidationError } from '../errors';
import type { HolidaySource } from './holiday-calendar';
import { type RoutingPolicy, routingPolicySchema } from './policy-schema';

/**
 * Validates a routing policy (parsed JSON), computes its holiday calendar with `holidays`, and returns
 * both deeply frozen, so compiled forms cached per policy object can never go stale. Throws a
 * ValidationError naming the path of the bad field (the source throws one for an unknown country).
 */
export function loadRoutingPolicy(json: unknown, holidays: HolidaySource): RoutingPolicy {
  const result = routingPolicySchema.safeParse(json);
  if (!result.success) {
    const [first, ...rest] = result.error.issues.map(describeIssue);
    const more = rest.length
      ? `; and ${rest.length} more: ${rest.map((r) => `${r.path}: ${r.message}`).join('; ')}`
      : '';
    throw new ValidationError(first?.path ?? '', `${first?.message ?? 'invalid policy'}${more}`, {
      cause: result.error,
    });
  }
  return deepFreeze({ ...result.data, calendar: holidays(result.data) });
}

/** Dotted path with [index] for arrays, e.g. "queues.fr-team.hours.mon[0].open". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): { path: string; message: string } {
  // A bad record key reports "Invalid key in record"; the key schema's own message says what is wrong.
  const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
  // zod leaves the input out of issues; a missing field is an invalid type that received undefined.
  const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
  return { path: formatPath(issue.path), message: missing ? 'required' : (inner ?? issue.message) };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
