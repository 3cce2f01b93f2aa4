import type { LoyaltyTier } from '../booking';
import type { Classification } from '../classification';
import type { RoutingPolicy } from './policy-schema';
import type { TravelFacts } from './travel';

/** The priority of a contact, with the reasons pushed onto the caller's list. */
export function scorePriority(
  policy: RoutingPolicy,
  classification: Classification,
  tier: LoyaltyTier,
  tierNote: string,
  travel: TravelFacts | undefined,
  reasons: string[],
): number {
  const topic = classification.topic;
  const rule = (policy.topics as Record<string, RoutingPolicy['topics']['general'] | undefined>)[topic];
  const why = urgencyOf(policy, classification, travel);
  if (rule?.critical === 'always') {
    reasons.push(`topic ${topic} (critical): priority 1`);
    return 1;
  }
  if (rule?.critical === 'when_urgent' && why !== undefined) {
    reasons.push(`topic ${topic} (${why ? `urgent: ${why}` : 'urgent'}): priority 1`);
    return 1;
  }
  const topicPoints = rule?.points ?? 0;
  reasons.push(`topic ${topic}${rule ? '' : ' (unknown)'}: +${topicPoints}`);
  const tierPoints = policy.tiers[tier]?.points ?? 0;
  reasons.push(`tier ${tier}${tierNote}: +${tierPoints}`);
  let total = topicPoints + tierPoints + windowPoints(policy, travel, reasons);
  if (why !== undefined) {
    total += policy.urgency.bonusPoints;
    reasons.push(`urgent${why ? ` (${why})` : ''}: +${policy.urgency.bonusPoints}`);
  }
  let priority = 5;
  for (const threshold of policy.priorityThresholds) {
    if (total >= threshold.minPoints) {
      priority = threshold.priority;
      break;
    }
  }
  reasons.push(`${total} point${total === 1 ? '' : 's'} → priority ${priority}`);
  return priority;
}

/** Why a contact is urgent: undefined when it is not, "" when the classifier says so, else the stay's reason. */
export function urgencyOf(
  policy: RoutingPolicy,
  c: Classification,
  travel: TravelFacts | undefined,
): string | undefined {
  if (c.urgent) return '';
  if (!travel) return undefined;
  if (travel.inStay) return 'in stay';
  const h = travel.hoursUntilCheckIn;
  return h >= 0 && h <= policy.urgency.arrivalWithinHours ? `check-in in ${Math.floor(h)} h` : undefined;
}

/**
 * Whether a contact is urgent in routing's sense: critical (priority 1), urgent by its words, in its
 * stay, or arriving within urgency.arrivalWithinHours. Urgent contacts are never held for a closed team
 * and never shed; the stay counts only for a verified booking (travel is undefined otherwise).
 */
export function isUrgent(
  policy: RoutingPolicy,
  c: Classification,
  travel: TravelFacts | undefined,
  priority: number,
): boolean {
  return priority === 1 || urgencyOf(policy, c, travel) !== undefined;
}

// The best window the stay is in counts once, so overlapping windows never add up.
function windowPoints(policy: RoutingPolicy, travel: TravelFacts | undefined, reasons: string[]): number {
  if (!travel) return 0;
  let best = -1;
  let label = '';
  for (const window of policy.travelWindows) {
    if (window.points <= best) continue;
    if (window.kind === 'in_stay' ? travel.inStay : inCheckInWindow(travel.hoursUntilCheckIn, window.hours)) {
      best = window.points;
      label = window.kind === 'in_stay' ? 'in stay' : `check-in in ${Math.floor(travel.hoursUntilCheckIn)} h`;
    }
  }
  if (best < 0) return 0;
  reasons.push(`${label}: +${best}`);
  return best;
}

function inCheckInWindow(hoursUntil: number, hours: number): boolean {
  return hoursUntil >= 0 && hoursUntil <= hours;
}
