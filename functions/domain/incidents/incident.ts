import type { Booking } from '../booking';
import type { Language } from '../languages';

/** Which bookings an incident affects: every criterion given must hold (dates are check-in dates). */
export interface IncidentMatch {
  /** The property's name, compared case-insensitively. */
  readonly property?: string | undefined;
  /** The property's city, compared case-insensitively. */
  readonly city?: string | undefined;
  /** First check-in date affected (YYYY-MM-DD, inclusive). */
  readonly checkInFrom?: string | undefined;
  /** Last check-in date affected (YYYY-MM-DD, inclusive). */
  readonly checkInTo?: string | undefined;
  /** Exactly these bookings. */
  readonly bookingRefs?: readonly string[] | undefined;
}

/** What the guests are told, per language; at least one language. */
export type IncidentText = Readonly<Partial<Record<Language, string>>>;

/** A disruption the platform knows about (a flooded hotel, a strike) and the bookings it affects. */
export interface Incident {
  /** "INC-" and 8 letters or digits. */
  readonly id: string;
  readonly title: string;
  readonly match: IncidentMatch;
  readonly message: IncidentText;
  /** Whether the affected guests are told proactively (paced: policy incidents.notificationsPerMinute). */
  readonly notify: boolean;
  /** The routing priority of their contacts (1 = first); a contact already more urgent keeps its own. */
  readonly priority: number;
  readonly status: 'active' | 'resolved';
  readonly declaredAt: string;
  /** The matched bookings' references, in notification order. */
  readonly bookingRefs: readonly string[];
  /** How many of bookingRefs have been notified so far (the pacing cursor). */
  readonly notifiedThrough: number;
  readonly resolvedAt?: string | undefined;
  /** What the guests were told when it was resolved. */
  readonly resolution?: IncidentText | undefined;
  /** When it did not notify: the bookings of the guests who wrote, fixed when it was resolved. */
  readonly resolvedGuests?: readonly string[] | undefined;
  /** How many of the resolution's guests have been told so far (its cursor, like notifiedThrough). */
  readonly resolvedThrough?: number | undefined;
}

/** An incident as operators see it, with its counts. */
export interface IncidentView extends Incident {
  readonly matchedBookings: number;
  readonly counts: { readonly notified: number; readonly contacts: number; readonly openCases: number };
}

/** A case attached to an incident: the contacts of affected guests that went to it. */
export interface IncidentCase {
  readonly caseNumber: string;
  readonly bookingRef: string;
  readonly contactIds: readonly string[];
  /** Contacts of an erased guest: counted, no longer named. */
  readonly erasedContacts?: number | undefined;
}

// Only stays still ahead or under way are disrupted: a cancelled or past booking is not.
const LIVE = new Set<Booking['status']>(['confirmed', 'pending']);

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Whether an incident's match takes in a booking (live bookings only). */
export function matchesBooking(match: IncidentMatch, booking: Booking): boolean {
  if (!LIVE.has(booking.status)) return false;
  if (match.bookingRefs && !match.bookingRefs.includes(booking.reference)) return false;
  if (match.property !== undefined && !same(match.property, booking.propertyName)) return false;
  if (match.city !== undefined && (booking.city === undefined || !same(match.city, booking.city)))
    return false;
  if (match.checkInFrom !== undefined && booking.checkIn < match.checkInFrom) return false;
  if (match.checkInTo !== undefined && booking.checkIn > match.checkInTo) return false;
  return true;
}

/** The bookings whose guests are told the resolution, in order: every matched one when it notified. */
export function resolutionRefs(incident: Incident): readonly string[] {
  return incident.notify ? incident.bookingRefs : (incident.resolvedGuests ?? []);
}

/** The text in the guest's language; else English; else the first language given. */
export function textIn(text: IncidentText, language: Language): string {
  return text[language] ?? text.en ?? (Object.values(text)[0] as string);
}

/** The id of the proactive notice (or, with `resolved`, the resolution) to the guest of one booking. */
export function incidentMessageId(
  incidentId: string,
  bookingRef: string,
  what: 'notice' | 'resolved',
): string {
  return `incident:${incidentId}:${what}:${bookingRef}`;
}
