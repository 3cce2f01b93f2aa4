import type { Booking, LoyaltyTier } from '../booking';
import { tierRank } from '../booking';
import { type Classification, isTopicUnsure } from '../classification';
import type { Channel } from '../contact';
import type { Customer } from '../customer';
import { type CompiledPolicy, type CompiledQueue, compilePolicy } from './compile-policy';
import type { RoutingDecision, Staffing, TeamAway } from './decision';
import { minutesUntilOpen } from './hold';
import { describeState, openState } from './hours';
import type { RoutingPolicy } from './policy-schema';
import { isUrgent, scorePriority } from './priority';
import { shedding, type WaitingCounts } from './shed';
import { type TravelFacts, travelFacts } from './travel';

/** What route() needs of a contact; a full Contact with its classification fits too. */
export interface RoutableContact {
  readonly channel: Channel;
  readonly classification: Classification;
}

/** Optional knowledge the door has that the data may not (e.g. the contact dialled the gold line). */
export interface RouteOptions {
  /** Counted when higher than the tier known from the booking or customer. */
  readonly assumedTier?: LoyaltyTier | undefined;
  /** Waiting cases per queue now: past a queue's threshold, non-urgent contacts are shed. */
  readonly waiting?: WaitingCounts | undefined;
}

/**
 * Decides queue, priority and expected response for a contact. Pure and deterministic: same inputs,
 * same decision. A closed or unstaffed team hands the contact to the policy's 24/7 fallback queue,
 * unless the team holds it (`holdWhenOpensWithinHours`: written, non-urgent, opening soon); either way
 * `teamAway` says so, for the guest to be told.
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
  // Holding asks about urgency too: it must read the topic as routed, not as guessed.
  const routed = classification === contact.classification ? contact : { ...contact, classification };
  const away = teamAbsence(team, cp, nowMs, staffing, reasons, routed, travel, priority);
  // The team keeps the contact when it is there or holds it; otherwise the fallback has it.
  const queue = away !== undefined && away.holdMinutes === undefined ? cp.fallback : team;
  const target = (queue.responseMinutes[priority] ?? 0) + (away?.holdMinutes ?? 0);
  const urgent = isUrgent(policy, routed.classification, travel, priority);
  const load = shedding(cp, queue, target, urgent, options?.waiting);
  if (load.reason) reasons.push(load.reason);
  const decision: RoutingDecision = {
    queue: queue.id,
    priority,
    language: queue.language,
    expectedResponseMinutes: load.expectedMinutes,
    fallbackUsed: queue !== team,
    reasons,
  };
  return { ...decision, ...(away ? { teamAway: away } : {}), ...(load.shed ? { shed: load.shed } : {}) };
}

// Asked only when a closed team could hold the contact: nobody holds a phone for an hour, and an
// urgent contact never waits for a team that is not there.
function whyNotHold(
  policy: RoutingPolicy,
  contact: RoutableContact,
  travel: TravelFacts | undefined,
  priority: number,
): string | undefined {
  if (contact.channel === 'voice') return 'a call';
  return isUrgent(policy, contact.classification, travel, priority) ? 'urgent' : undefined;
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

/**
 * Why the language team is not taking the contact now (undefined when it is, or when it is the
 * fallback itself); with `holdMinutes` when it keeps the contact until it opens.
 */
function teamAbsence(
  team: CompiledQueue,
  cp: CompiledPolicy,
  nowMs: number,
  staffing: Staffing | undefined,
  reasons: string[],
  contact: RoutableContact,
  travel: TravelFacts | undefined,
  priority: number,
): TeamAway | undefined {
  const fallback = cp.fallback;
  const to = ` → ${fallback.id} (${fallback.language})`;
  if (team === fallback) {
    markUnstaffedFallback(fallback, staffing, reasons);
    return undefined;
  }
  const local = team.clock.local(nowMs);
  const state = openState(team, local);
  if (state !== 'open') {
    const closed = describeState(team, local, state);
    const opensIn = team.holdMinutes > 0 ? minutesUntilOpen(team, local, nowMs) : undefined;
    const refused = opensIn === undefined ? undefined : whyNotHold(cp.policy, contact, travel, priority);
    if (opensIn !== undefined && refused === undefined) {
      reasons.push(`${closed}, opens in ${opensIn} min: held for ${team.id} (non-urgent, written)`);
      return { queue: team.id, language: team.language, reason: 'closed', holdMinutes: opensIn };
    }
    reasons.push(opensIn === undefined ? closed + to : `${closed}, opens in ${opensIn} min, ${refused}${to}`);
    markUnstaffedFallback(fallback, staffing, reasons);
    return { queue: team.id, language: team.language, reason: 'closed' };
  }
  if (!isStaffed(staffing, team.id)) {
    reasons.push(`${team.id} has no agent staffed${to}`);
    markUnstaffedFallback(fallback, staffing, reasons);
    return { queue: team.id, language: team.language, reason: 'unstaffed' };
  }
  return undefined;
}

// The fallback is the last resort: it keeps the contact even when nobody is on it, but says so.
function markUnstaffedFallback(fallback: CompiledQueue, staffing: Staffing | undefined, reasons: string[]) {
  if (!isStaffed(staffing, fallback.id))
    reasons.push(`${fallback.id} has no agent staffed: kept as last resort`);
}

function isStaffed(staffing: Staffing | undefined, queueId: string): boolean {
  if (!staffing || !Object.hasOwn(staffing, queueId)) return true;
  const agents = staffing[queueId];
  return !(typeof agents === 'number' && agents <= 0);
}
