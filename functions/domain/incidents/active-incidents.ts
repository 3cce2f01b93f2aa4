import { FreshReading } from '../fresh-reading';
import type { Clock } from '../ports';
import type { Incident } from './incident';
import type { IncidentStore } from './incident-ports';

/** Port the intake and the IVR consult: the active incident affecting a booking, and attaching to it. */
export interface IncidentLookup {
  activeFor(bookingRef: string): Promise<Incident | undefined>;
  attach(
    incidentId: string,
    attached: { caseNumber: string; bookingRef: string; contactId: string },
  ): Promise<void>;
}

// A new incident reaches every process within this long; the declaring process sees it at once.
const FRESH_FOR_MS = 15_000;

/**
 * The active incidents by booking, read whole and kept for a few seconds per process, so a contact costs
 * no extra read most of the time. The earliest-declared incident wins when several take in one booking.
 */
export class ActiveIncidents implements IncidentLookup {
  private readonly byRef: FreshReading<Map<string, Incident>>;

  constructor(
    private readonly store: Pick<IncidentStore, 'activeIncidents' | 'attachCase'>,
    clock: Clock,
    freshForMs = FRESH_FOR_MS,
  ) {
    this.byRef = new FreshReading(() => this.load(), clock, freshForMs);
  }

  async activeFor(bookingRef: string): Promise<Incident | undefined> {
    return (await this.byRef.get()).get(bookingRef);
  }

  attach(incidentId: string, attached: { caseNumber: string; bookingRef: string; contactId: string }) {
    return this.store.attachCase(incidentId, attached);
  }

  /** Drops the copy (an incident was declared or resolved here). */
  invalidate(): void {
    this.byRef.invalidate();
  }

  private async load(): Promise<Map<string, Incident>> {
    const active = [...(await this.store.activeIncidents())].sort((a, b) =>
      a.declaredAt.localeCompare(b.declaredAt),
    );
    const byRef = new Map<string, Incident>();
    for (const incident of active)
      for (const ref of incident.bookingRefs) if (!byRef.has(ref)) byRef.set(ref, incident);
    return byRef;
  }
}
