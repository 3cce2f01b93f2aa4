import type { CaseEvent } from '../case';
import type { RoutingPolicy } from '../routing/policy-schema';
import { followUpDecision, lifecycleStatus } from './follow-up';
import {
  ACTION_ACTORS,
  ACTION_EVENT,
  ACTION_FROM,
  type CaseAction,
  type LifecycleCase,
  type Refusal,
  type RefusalReason,
  type Transitioned,
} from './lifecycle-rules';
import type { CaseActor, CaseLifecycleFields, LifecycleStatus } from './lifecycle-types';
import { breachesAt } from './service-levels';
import { pauseChanges } from './sla-pause';

const DAY_MS = 86_400_000;
type Changes = Partial<Pick<LifecycleCase, 'status' | 'contactCount'>> & CaseLifecycleFields;

/**
 * Moves a case by one action, purely: the case after it and its timeline events, or a typed refusal
 * that leaves the case as it was. Rules: docs/cases.md; tables: lifecycle-rules.ts.
 */
export function transition<T extends LifecycleCase>(
  kase: T,
  action: CaseAction,
  who: CaseActor,
  at: Date,
  policy: RoutingPolicy,
): Transitioned<T> | Refusal {
  const status = lifecycleStatus(kase.status);
  const refuse = (reason: RefusalReason, linkedTo?: string): Refusal => ({
    ok: false,
    reason,
    action: action.type,
    status,
    ...(linkedTo ? { linkedTo } : {}),
  });
  const atMs = at.getTime();
  if (!Number.isFinite(atMs) || atMs < Date.parse(kase.openedAt)) return refuse('invalid_time');
  if (status === 'merged') return refuse('case_merged');
  const kind = typeof who === 'string' ? who : who.kind;
  if (!ACTION_ACTORS[action.type].includes(kind)) return refuse('not_permitted');
  const agentId = typeof who === 'string' ? undefined : who.id;
  if (action.type === 'contact_received' && (status === 'closed' || status === 'resolved')) {
    const decision = followUpDecision(kase, at, policy);
    if (decision.kind === 'new_case') return refuse('new_case_needed', decision.linkedTo);
  }
  if (status === 'closed' && action.type !== 'note') return refuse('case_closed');
  if (status === 'resolved' && action.type === 'resolve') return refuse('already_resolved');
  if (
    status === 'with_agent' &&
    (action.type === 'take' || (action.type === 'connect' && agentId === kase.agentId))
  )
    return refuse('already_with_agent');
  if (!ACTION_FROM[action.type].includes(status)) return refuse('not_allowed');
  const iso = at.toISOString();
  const changes = changesFor(kase, status, action, agentId, atMs, policy);
  if (typeof changes === 'string') return refuse(changes);
  const moved = { ...kase, ...changes, ...flagChanges(kase, action, iso) };
  const paused = pauseChanges(moved, status, lifecycleStatus(moved.status), at, policy);
  const next = { ...moved, ...paused, updatedAt: iso };
  const due = next.firstResponseDueAt !== undefined || next.resolutionDueAt !== undefined;
  const withBreaches = due ? { ...next, breaches: breachesAt(next, at) } : next;
  return { ok: true, case: withBreaches, events: eventsFor(kase, withBreaches, action, who, iso) };
}

// An agent holding the case, or the case settled, answers the supervisor's flag.
const CLEARS_FLAG: ReadonlySet<CaseAction['type']> = new Set([
  'take',
  'connect',
  'reply',
  'resolve',
  'close',
  'merge',
]);

function flagChanges(kase: LifecycleCase, action: CaseAction, at: string): Pick<Changes, 'flagged'> {
  if (action.type === 'flag') return { flagged: { reason: action.reason, at } };
  return kase.flagged !== undefined && CLEARS_FLAG.has(action.type) ? { flagged: undefined } : {};
}

function changesFor(
  kase: LifecycleCase,
  status: LifecycleStatus,
  action: CaseAction,
  agentId: string | undefined,
  atMs: number,
  policy: RoutingPolicy,
): Changes | RefusalReason {
  const iso = new Date(atMs).toISOString();
  const reopened: Changes = {
    status: 'waiting',
    resolvedAt: undefined,
    reopenCount: (kase.reopenCount ?? 0) + 1,
  };
  const answered = { agentId, firstResponseAt: kase.firstResponseAt ?? iso };
  switch (action.type) {
    case 'contact_received': {
      const more = { contactCount: kase.contactCount + 1 };
      if (status === 'resolved') return { ...reopened, ...more };
      return { ...more, status: status === 'pending_guest' ? 'waiting' : status };
    }
    case 'queued':
      return { status: 'waiting' };
    case 'take':
    case 'connect':
      return { status: 'with_agent', ...answered };
    case 'reply':
      return { status: 'pending_guest', ...answered };
    case 'callback':
      // Someone must call the guest back: the case waits in its queue again, its agent kept.
      return { status: 'waiting' };
    case 'note':
    case 'flag':
      return {};
    case 'pending':
      return { status: 'pending_guest' };
    case 'resolve':
      return { status: 'resolved', resolvedAt: iso };
    case 'reopen':
      return reopened;
    case 'close': {
      const since = atMs - Date.parse(kase.resolvedAt ?? '');
      if (!(since >= policy.cases.closeAfterDays * DAY_MS)) return 'close_not_due';
      return { status: 'closed', closedAt: iso };
    }
    case 'merge':
      return action.into === kase.caseNumber ? 'self_merge' : { status: 'merged', mergedInto: action.into };
  }
}

function eventsFor(
  before: LifecycleCase,
  after: LifecycleCase,
  action: CaseAction,
  by: CaseActor,
  at: string,
): CaseEvent[] {
  const status = lifecycleStatus(after.status);
  const events: CaseEvent[] = [];
  if (action.type === 'contact_received' && lifecycleStatus(before.status) === 'resolved')
    events.push({ type: 'reopened', at, by, status });
  events.push({
    type: ACTION_EVENT[action.type],
    at,
    by,
    status,
    ...(action.type === 'note' || action.type === 'reply' || action.type === 'callback'
      ? { note: action.text }
      : {}),
    ...(action.type === 'flag' ? { note: action.reason } : {}),
    ...(action.type === 'reply' || action.type === 'callback' ? { messageId: action.messageId } : {}),
    ...(action.type === 'merge' ? { linkedCase: action.into } : {}),
    ...(action.type === 'contact_received' && action.contactId ? { contactId: action.contactId } : {}),
    ...(action.type === 'contact_received' && action.channel ? { channel: action.channel } : {}),
  });
  if (before.firstResponseAt === undefined && after.firstResponseAt !== undefined)
    events.push({ type: 'first_response', at, by, status });
  return events;
}
