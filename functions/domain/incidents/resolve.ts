import { type ApplyActionDeps, applyCaseAction } from '../cases/apply-action';
import { isActive } from '../cases/follow-up';
import { NotFoundError } from '../errors';
import type { Deliver } from '../outbound/deliver';
import { type IncidentDeps, notifiedCount } from './declare';
import type { Incident, IncidentText, IncidentView } from './incident';
import { DEFAULT_RESOLUTION } from './incident-texts';
import { tellGuests } from './notify';

/** An incident with its counts: guests notified, contacts attached, attached cases still open. */
export async function viewIncident(deps: IncidentDeps, incident: Incident): Promise<IncidentView> {
  const [notified, attached] = await Promise.all([
    notifiedCount(deps, incident),
    deps.store.casesOf(incident.id),
  ]);
  const cases = await Promise.all(attached.map((c) => deps.cases.getCase(c.caseNumber)));
  return {
    ...incident,
    matchedBookings: incident.bookingRefs.length,
    counts: {
      notified,
      contacts: attached.reduce((sum, c) => sum + c.contactIds.length + (c.erasedContacts ?? 0), 0),
      openCases: cases.filter((k) => k !== undefined && isActive(k.status)).length,
    },
  };
}

/** What resolving needs besides the incidents: the case lifecycle, and the outbound path. */
export interface ResolveDeps extends IncidentDeps {
  readonly lifecycle: ApplyActionDeps;
}

/**
 * Resolves an incident: every attached case is resolved (and leaves its waiting list), and each guest
 * is told once — every matched guest when the incident notified them, else the guests who wrote. Safe
 * to repeat: a case already resolved is left as it is, and each message id goes out once.
 */
export async function resolveIncident(
  deps: ResolveDeps,
  id: string,
  message: IncidentText | undefined,
): Promise<{ incident: IncidentView; casesResolved: number; guestsTold: number }> {
  const found = await deps.store.getIncident(id);
  if (!found) throw new NotFoundError('incident', id);
  const now = deps.clock.now();
  const resolution = found.resolution ?? message ?? DEFAULT_RESOLUTION;
  await deps.store.markResolved(id, now.toISOString(), resolution);
  deps.changed?.();
  const attached = await deps.store.casesOf(id);
  let casesResolved = 0;
  for (const c of attached) {
    const result = await applyCaseAction(deps.lifecycle, c.caseNumber, { type: 'resolve' }, 'system', now);
    if (result.ok) casesResolved++;
  }
  const refs = found.notify ? found.bookingRefs : [...new Set(attached.map((c) => c.bookingRef))];
  const deliver = deps.deliver as Deliver | undefined;
  const guestsTold = deliver
    ? await tellGuests({ ...deps, deliver }, found, refs, 'resolved', resolution)
    : 0;
  const incident = (await deps.store.getIncident(id)) ?? found;
  return { incident: await viewIncident(deps, incident), casesResolved, guestsTold };
}
