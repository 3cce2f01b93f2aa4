import { ValidationError } from '../errors';
import type { Deliver } from '../outbound/deliver';
import type { OutboundLedger } from '../outbound/ledger';
import type { Clock } from '../ports';
import type { CaseLifecycleStore } from '../store-ports';
import { type Incident, incidentMessageId, matchesBooking } from './incident';
import type { BookingSearch, IncidentStore } from './incident-ports';
import type { IncidentDeclaration } from './parse-incident';

/** An incident's matched bookings are kept on its one item: a bound well inside DynamoDB's 400 KB. */
export const MAX_MATCHED_BOOKINGS = 20_000;

/** What the operators' incident actions need, locally and in AWS alike. */
export interface IncidentDeps {
  readonly store: IncidentStore;
  readonly bookings: BookingSearch;
  readonly clock: Clock;
  /** Proactive notices allowed per minute (policy incidents.notificationsPerMinute). */
  readonly perMinute: number;
  /** The one outbound path. */
  readonly deliver: Deliver;
  /** Where the notices' delivery is read for the counts. */
  readonly ledger: Pick<OutboundLedger, 'getMany'>;
  readonly cases: Pick<CaseLifecycleStore, 'getCase'>;
  /** Told when the set of active incidents changed (a cache of them can drop its copy). */
  readonly changed?: (() => void) | undefined;
  /** A fresh id (tests pass their own). */
  readonly newId?: (() => string) | undefined;
}

function freshId(): string {
  return `INC-${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** Declares an incident: finds the bookings it affects, stores it, and sends the first paced notices. */
export async function declareIncident(
  deps: IncidentDeps,
  declaration: IncidentDeclaration,
): Promise<Incident> {
  const found = await deps.bookings.candidates(declaration.match);
  const matched = found
    .filter((b) => matchesBooking(declaration.match, b))
    .sort((a, b) => a.checkIn.localeCompare(b.checkIn) || a.reference.localeCompare(b.reference));
  if (matched.length > MAX_MATCHED_BOOKINGS)
    throw new ValidationError(
      'match',
      `matches ${matched.length} bookings; at most ${MAX_MATCHED_BOOKINGS} per incident (narrow it)`,
    );
  const incident: Incident = {
    id: (deps.newId ?? freshId)(),
    ...declaration,
    status: 'active',
    declaredAt: deps.clock.now().toISOString(),
    bookingRefs: [...new Set(matched.map((b) => b.reference))],
    notifiedThrough: 0,
  };
  await deps.store.createIncident(incident);
  deps.changed?.();
  return incident;
}

/** Notices of an incident that have reached a guest (or the provider), out of those asked for. */
export async function notifiedCount(deps: Pick<IncidentDeps, 'ledger'>, incident: Incident): Promise<number> {
  if (!incident.notify) return 0;
  const ids = incident.bookingRefs.map((ref) => incidentMessageId(incident.id, ref, 'notice'));
  const records = await deps.ledger.getMany(ids);
  return records.filter((r) => ['queued', 'sent', 'delivered', 'read', 'inline'].includes(r.status)).length;
}
