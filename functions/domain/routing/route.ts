import type { Booking, LoyaltyTier } from '../booking';
import { tierRank } from '../booking';
import { type Classification, isTopicUnsure } from '../classification';
import type { Channel } from '../contact';
import type { Customer } from '../customer';
import { type CompiledQueue, compilePolicy } from './compile-policy';
import type { RoutingDecision, Staffing } from './decision';
import { describeState, openState } from './hours';
import type { RoutingPolicy } from './policy-schema';
import { scorePriority } from './priority';
import { travelFacts } from './travel';

/** What route() needs of a contact; a full Contact with its classification fits too. */
export interface RoutableContact {
  readonly channel: Channel;
  readonly classification: Classification;
}

/** Optional knowledge the door has that the data may not (e.g. the contact dialled the gold line). */
export interface RouteOptions {
  /** Counted when higher than the tier known from the booking or customer. */
  readonly assumedTier?: LoyaltyTier | undefined;
}

/**
 * Decides queue, priority and expected response for a contact. Pure and deterministic: same inputs,
 * same decision. A closed or unstaffed team hands the contact to the policy's 24/7 fallback queue.
 */
export function route(
  policy: RoutingPolicy,
  contact: RoutableContact,
  booking: Booking | undefined,
  customer: Customer | undefined,
  now: Date,
  staffing?: Staffing,
  options?: RouteOptions,
): RoutingDecision {
  const cp = compilePolicy(policy);
  const nowMs = now.getTime();
  const reasons: string[] = [];
  const team = teamFor(cp.queues, policy, contact.classification.language, reasons);
  const travel = booking ? travelFacts(cp, booking, nowMs) : undefined;
  if (travel?.note) reasons.push(travel.note);
  const classification = asRouted(contact.classification, reasons);
  const known: LoyaltyTier = booking?.tier ?? customer?.tier ?? 'standard';
  const assumed = options?.assumedTier;
  const useAssumed = assumed !== undefined && tierRank(assumed) > tierRank(known);
  const tier = useAssumed ? assumed : known;
  const priority = scorePriority(
    policy,
    classification,
    tier,
    useAssumed ? ' (assumed)' : '',
    travel,
    reasons,
  );
  const queue = availableQueue(team, cp.fallback, nowMs, staffing, reasons);
  return {
    queue: queue.id,
    priority,
    language: queue.language,
    expectedResponseMinutes: queue.responseMinutes[priority] ?? 0,
    fallbackUsed: queue !== team,
    reasons,
  };
}

// A topic guessed too unsurely is routed as general, with no urgency from the words.
function asRouted(c: Classification, reasons: string[]): Classification {
  if (!isTopicUnsure(c)) return c;
  reasons.push(
    `topic unsure (${c.topicConfidence?.toFixed(2)}): routed as general, no urgency from its words`,
  );
  return { ...c, topic: 'general', urgent: false };
}

function teamFor(
  queues: ReadonlyMap<string, CompiledQueue>,
  policy: RoutingPolicy,
  language: string,
  reasons: string[],
): CompiledQueue {
  const byLanguage = policy.languages as Readonly<Record<string, string | undefined>>;
  const served = Object.hasOwn(byLanguage, language) ? byLanguage[language] : undefined;
  const id = served ?? policy.languages[policy.defaultLanguage];
  reasons.push(
    served
      ? `language ${language} → ${id}`
      : `language ${language} not served → ${policy.defaultLanguage} → ${id}`,
  );
  const queue = queues.get(id);
  if (!queue) throw new Error(`language ${language} maps to unknown queue ${id}: load the policy first`);
  return queue;
}

function availableQueue(
  team: CompiledQueue,
  fallback: CompiledQueue,
  nowMs: number,
  staffing: Staffing | undefined,
  reasons: string[],
): CompiledQueue {
  const to = ` → ${fallback.id} (${fallback.language})`;
  if (team !== fallback) {
    const local = team.clock.local(nowMs);
    const state = openState(team, local);
    if (state !== 'open') {
      reasons.push(describeState(team, local, state) + to);
      return markUnstaffedFallback(fallback, staffing, reasons);
    }
    if (!isStaffed(staffing, team.id)) {
      reasons.push(`${team.id} has no agent staffed${to}`);
      return markUnstaffedFallback(fallback, staffing, reasons);
    }
    return team;
  }
  return markUnstaffedFallback(fallback, staffing, reasons);
}

// The fallback is the last resort: it keeps the contact even when nobody is on it, but says so.
function markUnstaffedFallback(fallback: CompiledQueue, staffing: Staffing | undefined, reasons: string[]) {
  if (!isStaffed(staffing, fallback.id))
    reasons.push(`${fallback.id} has no agent staffed: kept as last resort`);
  return fallback;
}

function isStaffed(staffing: Staffing | undefined, queueId: string): boolean {
  if (!staffing || !Object.hasOwn(staffing, queueId)) return true;
  const agents = staffing[queueId];
  return !(typeof agents === 'number' && agents <= 0);
}
