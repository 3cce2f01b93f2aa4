import { type ApplyActionDeps, applyCaseAction } from '../cases/apply-action';
import { isActive } from '../cases/follow-up';
import { NotFoundError } from '../errors';
import { type IncidentDeps, notifiedCount } from './declare';
import { type Incident, type IncidentText, type IncidentView, resolutionRefs } from './incident';
import { DEFAULT_RESOLUTION } from './incident-texts';
import { type NotifyDeps, sendDueNotices, type TimeUp, tellGuests } from './notify';

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

/** What telling a resolution needs: the incidents' resolution cursor and the outbound path. */
type TellDeps = Pick<NotifyDeps, 'bookings' | 'deliver' | 'clock'> & {
  readonly store: Pick<IncidentDeps['store'], 'advanceResolved'>;
};

/** Tells a resolved incident's guests from its cursor on, until `timeUp`; answers how many are left. */
async function tellResolution(deps: TellDeps, incident: Incident, timeUp?: TimeUp) {
  const refs = resolutionRefs(incident);
  const from = incident.resolvedThrough ?? 0;
  const text = incident.resolution ?? DEFAULT_RESOLUTION;
  const { told, through } = await tellGuests(deps, incident, refs.slice(from), 'resolved', text, timeUp);
  const reached = from + through;
  // Moved even with nothing to tell, so an incident with no guest leaves the resolving list.
  if (through > 0 || reached === refs.length)
    await deps.store.advanceResolved(incident.id, reached, reached === refs.length);
  return { told, left: refs.length - reached };
}

/**
 * Resolves an incident: every attached case is resolved (and leaves its waiting list), and each guest
 * is told once — every matched guest when the incident notified them, else the guests who wrote. With
 * `timeUp` (a Lambda's budget) telling stops between batches; the beat tells those left
 * (sendDueResolutions). Safe to repeat: a case already resolved is left as it is, the first resolution
 * text and guest list stay, and each message id goes out once.
 */
export async function resolveIncident(
  deps: ResolveDeps,
  id: string,
  message: IncidentText | undefined,
  timeUp?: TimeUp,
): Promise<{ incident: IncidentView; casesResolved: number; guestsTold: number; guestsLeft: number }> {
  const found = await deps.store.getIncident(id);
  if (!found) throw new NotFoundError('incident', id);
  const now = deps.clock.now();
  const attached = await deps.store.casesOf(id);
  const wrote = found.notify ? undefined : [...new Set(attached.map((c) => c.bookingRef))].sort();
  await deps.store.markResolved(id, now.toISOString(), message ?? DEFAULT_RESOLUTION, wrote);
  deps.changed?.();
  let casesResolved = 0;
  for (const c of attached) {
    const result = await applyCaseAction(deps.lifecycle, c.caseNumber, { type: 'resolve' }, 'system', now);
    if (result.ok) casesResolved++;
  }
  // Read back: a repeat tells the first resolution, to the first list, from where telling got.
  const resolved = (await deps.store.getIncident(id)) ?? found;
  const { told, left } = await tellResolution(deps, resolved, timeUp);
  const incident = (await deps.store.getIncident(id)) ?? resolved;
  return { incident: await viewIncident(deps, incident), casesResolved, guestsTold: told, guestsLeft: left };
}

/**
 * Tells the guests of resolved incidents their resolution where a resolve ran out of time (or its
 * process died): run on the same beat as sendDueNotices, until `timeUp`.
 */
export async function sendDueResolutions(deps: NotifyDeps, timeUp?: TimeUp): Promise<number> {
  let sent = 0;
  for (const incident of await deps.store.resolvingIncidents()) {
    if (timeUp?.()) break;
    sent += (await tellResolution(deps, incident, timeUp)).told;
  }
  return sent;
}

/** What one beat of incident messages sent. */
export interface IncidentBeat {
  readonly notices: number;
  readonly resolutions: number;
}

/**
 * One beat (the local runtime's every 10 s, the case-task sweep Lambda's every minute): the notices
 * due at the policy's pace, then the resolutions a resolve left untold, until `timeUp`.
 */
export async function sendDueIncidentMessages(deps: NotifyDeps, timeUp?: TimeUp): Promise<IncidentBeat> {
  const notices = await sendDueNotices(deps, timeUp);
  const resolutions = await sendDueResolutions(deps, timeUp);
  return { notices, resolutions };
}
