import type { Case } from '../case';
import type { CaseLifecycleStore, OpenCaseSlots } from '../store-ports';
import { isActive } from './follow-up';

/**
 * The latest case of an owner about a booking, whatever its status (followUpDecision says what a
 * contact does to it). With no booking ("any news?"), the active case about none, else the owner's most
 * recently updated active case, else the latest settled one (it may reopen). The slots' cases are read
 * at once: a store may serve them in one round trip.
 */
export async function latestCase(
  cases: Pick<CaseLifecycleStore, 'getCase'>,
  slots: OpenCaseSlots,
  bookingRef: string | undefined,
): Promise<Case | undefined> {
  if (bookingRef) {
    const held = slots.byBooking[bookingRef];
    return held ? cases.getCase(held) : undefined;
  }
  const numbers = [slots.noBooking, ...Object.values(slots.byBooking)].filter(
    (n): n is string => n !== undefined,
  );
  const read = await Promise.all([...new Set(numbers)].map((n) => cases.getCase(n)));
  const known = read.filter((kase): kase is Case => kase !== undefined);
  const latest = (list: Case[]) => list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const active = known.filter((kase) => isActive(kase.status));
  return active.find((kase) => kase.bookingRef === undefined) ?? latest(active) ?? latest(known);
}
