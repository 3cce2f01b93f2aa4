import type { z } from 'zod';
import type { PolicyShape } from './policy-schema';
import { isValidTimeZone } from './time-zone';

type Path = (string | number)[];
type Range = { readonly open: string; readonly close: string };

/** Cross-field rules of the routing policy, reported at the path of the field that breaks them. */
export function checkPolicy(policy: PolicyShape, ctx: z.RefinementCtx): void {
  const fail = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  for (const [language, queueId] of Object.entries(policy.languages)) {
    if (!policy.queues[queueId]) fail(['languages', language], `unknown queue "${queueId}"`);
  }
  const fallback = policy.queues[policy.fallbackQueue];
  if (!fallback) fail(['fallbackQueue'], `unknown queue "${policy.fallbackQueue}"`);
  else if (!fallback.alwaysOpen) {
    fail(['queues', policy.fallbackQueue, 'alwaysOpen'], 'the fallback queue must be alwaysOpen');
  }
  for (const [id, queue] of Object.entries(policy.queues)) {
    const at = ['queues', id];
    if (!isValidTimeZone(queue.timeZone)) fail([...at, 'timeZone'], `unknown time zone "${queue.timeZone}"`);
    for (const [day, list] of Object.entries(queue.hours))
      checkRanges(list ?? [], [...at, 'hours', day], true, fail);
    if (queue.holidays.region && !queue.holidays.country)
      fail([...at, 'holidays', 'region'], 'a region needs its country');
    for (const date of Object.keys(queue.holidays.closures))
      checkDate(date, [...at, 'holidays', 'closures', date], fail);
    for (const [date, special] of Object.entries(queue.specialHours)) {
      checkDate(date, [...at, 'specialHours', date], fail);
      checkRanges(special.ranges, [...at, 'specialHours', date, 'ranges'], false, fail);
    }
  }
  checkThresholds(policy.priorityThresholds, fail);
  let previous = 0;
  for (const priority of ['1', '2', '3', '4', '5'] as const) {
    const target = policy.firstResponseMinutes[priority];
    if (target < previous)
      fail(['firstResponseMinutes', priority], 'a lower priority cannot be promised sooner');
    previous = target;
  }
}

function checkRanges(
  list: readonly Range[],
  at: Path,
  mayPassMidnight: boolean,
  fail: (p: Path, m: string) => void,
) {
  list.forEach((range, i) => {
    if (range.open === range.close)
      fail([...at, i, 'close'], 'equals open; write 00:00–24:00 for a whole day');
    else if (!mayPassMidnight && range.close !== '24:00' && range.close < range.open) {
      fail([...at, i, 'close'], 'special hours cover one date and cannot run past midnight');
    }
  });
}

function checkDate(date: string, at: Path, fail: (p: Path, m: string) => void) {
  const [y, m, d] = date.split('-').map(Number);
  const parsed = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  if (parsed.toISOString().slice(0, 10) !== date) fail(at, 'no such date');
}

function checkThresholds(
  thresholds: PolicyShape['priorityThresholds'],
  fail: (p: Path, m: string) => void,
): void {
  thresholds.forEach((t, i) => {
    const prev = thresholds[i - 1];
    if (prev && t.priority <= prev.priority) {
      fail(['priorityThresholds', i, 'priority'], 'priorities must increase (best first)');
    }
    if (prev && t.minPoints >= prev.minPoints) {
      fail(['priorityThresholds', i, 'minPoints'], 'minPoints must decrease as priority increases');
    }
  });
  const last = thresholds[thresholds.length - 1];
  if (last && last.minPoints !== 0) {
    fail(['priorityThresholds', thresholds.length - 1, 'minPoints'], 'the last threshold needs minPoints 0');
  }
}
