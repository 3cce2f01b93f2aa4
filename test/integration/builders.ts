// Small builders so each test states only what matters to it.
import type { Booking } from '../../functions/domain/booking';
import type { Case } from '../../functions/domain/case';
import type { Customer } from '../../functions/domain/customer';
import type { ContactRecord, HandOff } from '../../functions/domain/ports';

let sequence = 0;
/** A unique suffix, so tests sharing one dynalite never see each other's items. */
export const unique = (prefix: string): string =>
  `${prefix}${Date.now().toString(36)}${(sequence++).toString(36)}`;

/** A confirmed booking. */
export function aBooking(overrides: Partial<Booking> = {}): Booking {
  return {
    reference: '1234567897',
    pinHash: 'scrypt$8192$8$1$c2FsdA$aGFzaA',
    status: 'confirmed',
    checkIn: '2025-07-01',
    checkOut: '2025-07-04',
    propertyName: 'Hôtel du Lac',
    propertyTimeZone: 'Europe/Paris',
    guestName: 'Ana Silva',
    phone: '+33612345678',
    email: 'ana@example.com',
    language: 'fr',
    tier: 'gold',
    refundStatus: 'none',
    customerId: 'cust-1',
    updatedAt: '2025-06-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A customer with two phones and one email. */
export function aCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: unique('cust-'),
    name: 'Ana Silva',
    phones: ['+33612345678', '+351912345678'],
    emails: ['ana@example.com'],
    language: 'pt',
    tier: 'silver',
    bookingRefs: ['1234567897'],
    ...overrides,
  };
}

/** An open case. */
export function aCase(overrides: Partial<Case> = {}): Case {
  return {
    caseNumber: unique('CR-'),
    status: 'open',
    ownerKey: unique('owner-'),
    language: 'en',
    topic: 'change_booking',
    queue: 'en-team',
    priority: 3,
    openedAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    contactCount: 1,
    timeline: [{ type: 'opened', at: '2025-06-01T10:00:00.000Z', channel: 'sms' }],
    ...overrides,
  };
}

/** A contact waiting for its hand-off, without a reply. */
export function aContact(overrides: Partial<ContactRecord> = {}): ContactRecord {
  const channelMessageId = overrides.channelMessageId ?? unique('SM');
  return {
    id: `sms:${channelMessageId}`,
    channel: 'sms',
    channelMessageId,
    from: '+33612345678',
    to: '+33100000000',
    text: 'I need to change my dates',
    receivedAt: '2025-06-01T10:00:00.000Z',
    caseNumber: 'CR-AAAAAA',
    verification: 'sender_matches',
    classification: {
      language: 'en',
      confidence: 0.9,
      topic: 'change_booking',
      urgent: false,
      bookingRef: null,
    },
    decision: {
      queue: 'en-team',
      priority: 3,
      language: 'en',
      expectedResponseMinutes: 60,
      fallbackUsed: false,
      reasons: ['language en: en-team'],
    },
    handoff: 'pending',
    handoffAttempts: 0,
    ...overrides,
  };
}

/** A hand-off to a queue. */
export function aHandOff(overrides: Partial<HandOff> = {}): HandOff {
  return {
    contactId: unique('sms:SM'),
    caseNumber: 'CR-AAAAAA',
    channel: 'sms',
    queue: 'en-team',
    priority: 3,
    language: 'en',
    topic: 'change_booking',
    urgent: false,
    verified: true,
    customerAddress: '+447700900123',
    summary: 'Change of dates',
    reasons: ['language en: en-team'],
    receivedAt: '2025-06-01T10:00:00.000Z',
    contactCount: 1,
    emergency: false,
    ...overrides,
  };
}
