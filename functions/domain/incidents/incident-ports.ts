import type { Booking } from '../booking';
import type { Incident, IncidentCase, IncidentMatch } from './incident';

/** Port: incidents, the cases attached to them, and the bookings an incident may match. */
export interface IncidentStore {
  /** Creates an incident (its id is new: a clash is a DependencyError). */
  createIncident(incident: Incident): Promise<void>;
  getIncident(id: string): Promise<Incident | undefined>;
  /** Every incident, newest first. */
  listIncidents(limit: number): Promise<Incident[]>;
  /** The incidents still active: few at any time, read whole. */
  activeIncidents(): Promise<Incident[]>;
  /** Moves the notification cursor forward only (a slower worker never moves it back). */
  advanceNotified(id: string, through: number): Promise<void>;
  /**
   * Marks it resolved, keeping the resolution and (when it did not notify) the guests to tell; it is
   * listed among the resolving ones until advanceResolved says they all were. False when it already
   * was resolved (a second resolve changes nothing).
   */
  markResolved(
    id: string,
    at: string,
    resolution: Incident['resolution'],
    guests: Incident['resolvedGuests'],
  ): Promise<boolean>;
  /** Resolved incidents whose guests are not all told the resolution yet: few, read whole. */
  resolvingIncidents(): Promise<Incident[]>;
  /** Moves the resolution cursor forward only; `done` takes the incident off the resolving list. */
  advanceResolved(id: string, through: number, done: boolean): Promise<void>;
  /** Attaches a contact's case; idempotent per contact id. */
  attachCase(
    id: string,
    attached: { caseNumber: string; bookingRef: string; contactId: string },
  ): Promise<void>;
  /** The cases attached to an incident. */
  casesOf(id: string): Promise<IncidentCase[]>;
}

/** Port: finds the bookings an incident's match may take in (the domain applies the match itself). */
export interface BookingSearch {
  candidates(match: IncidentMatch): Promise<Booking[]>;
  /** Several bookings by reference, the missing ones left out. */
  bookingsByRef(refs: readonly string[]): Promise<Booking[]>;
}
