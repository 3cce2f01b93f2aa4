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
  /** Marks it resolved; false when it already was (a second resolve changes nothing). */
  markResolved(id: string, at: string, resolution: Incident['resolution']): Promise<boolean>;
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
