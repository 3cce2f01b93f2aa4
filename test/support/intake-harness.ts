// A real intake over dynalite: the real adapters, the shipped policy, a clock tests can move.
import { readFileSync } from 'node:fs';
import { ScryptPinHasher } from '../../functions/adapters/crypto/scrypt-pin-hasher';
import { DynamoBookingStore } from '../../functions/adapters/dynamodb/booking-store';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { countRequests } from '../../functions/adapters/dynamodb/request-counter';
import { DynamoContactCenter } from '../../functions/adapters/local/dynamodb-contact-center';
import { applyCaseAction } from '../../functions/domain/cases/apply-action';
import { emergencyNotice, TravelClassifier } from '../../functions/domain/classify';
import type { Contact } from '../../functions/domain/contact';
import { importBookings } from '../../functions/domain/import/import-bookings';
import { parseImport } from '../../functions/domain/import/parse-import';
import type { IntakeDeps } from '../../functions/domain/intake/intake';
import { loadRoutingPolicy } from '../../functions/domain/routing/load-policy';
import { type ContactFields, contactOf } from './contacts';
import { type Dynalite, startDynalite } from './dynalite';
import { testHolidays } from './test-holidays';

/** The shipped default routing policy. */
export const defaultPolicy = loadRoutingPolicy(
  JSON.parse(readFileSync('policy/routing-policy.json', 'utf8')),
  testHolidays,
);

/** A clock that stays where a test puts it. */
export class TestClock {
  constructor(public current: Date) {}
  now(): Date {
    return this.current;
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

/** Everything a test of the intake touches, over one dynalite. */
export interface IntakeHarness {
  readonly db: Dynalite;
  readonly deps: IntakeDeps;
  readonly clock: TestClock;
  readonly cases: DynamoCaseStore;
  readonly center: DynamoContactCenter;
  readonly requests: ReturnType<typeof countRequests>;
  /** Imports rows through the real import path. */
  seed(rows: readonly Record<string, unknown>[]): Promise<void>;
}

/** Starts dynalite and wires the intake with real adapters; a cheap scrypt cost keeps tests quick. */
export async function startIntakeHarness(now: Date): Promise<IntakeHarness> {
  const db = await startDynalite();
  const bookings = new DynamoBookingStore(db.documentClient, db.tables.main);
  const cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const clock = new TestClock(now);
  const center = new DynamoContactCenter(db.documentClient, db.tables.waitingLists, {
    policy: defaultPolicy,
    clock,
  });
  const pinHasher = new ScryptPinHasher({ N: 2 ** 10, r: 8, p: 1 });
  const deps: IntakeDeps = {
    policy: defaultPolicy,
    classifier: new TravelClassifier(),
    emergencyNotice,
    bookings,
    cases,
    contactCenter: center,
    pinHasher,
    clock,
  };
  return {
    db,
    deps,
    clock,
    cases,
    center,
    requests: countRequests(db.client),
    seed: async (rows) => {
      const report = await importBookings(
        { bookings, pinHasher, now: clock.now() },
        await parseImport(JSON.stringify(rows)),
      );
      if (report.errors.length > 0) throw new Error(JSON.stringify(report.errors));
    },
  };
}

let counter = 0;
/** A contact with sensible defaults; each call gets a fresh channel message id. */
export function aContact(overrides: ContactFields = {}): Contact {
  counter++;
  const defaults = {
    channelMessageId: `SM${Date.now().toString(36)}${counter}`,
    from: '+33612345678',
    to: '+33900000000',
    text: 'Bonjour, une question sur ma réservation',
    receivedAt: '2026-11-23T10:00:00.000Z',
  };
  return contactOf(defaults, overrides);
}

/** An agent resolves the case at `at` (its waiting entry goes too). */
export async function resolveAsAgent(
  h: Pick<IntakeHarness, 'cases' | 'center'>,
  caseNumber: string,
  at: Date,
) {
  const deps = { cases: h.cases, center: h.center, policy: defaultPolicy };
  const result = await applyCaseAction(
    deps,
    caseNumber,
    { type: 'resolve' },
    { kind: 'agent', id: 'agent-test' },
    at,
  );
  if (!result.ok) throw new Error(`resolve refused: ${result.reason}`);
}

/**
 * Settles a case for good: resolved at `at` and closed by the system once closeAfterDays have passed,
 * so the guest's next message opens a new case (linking this one) instead of reopening it.
 */
export async function closeForGood(h: Pick<IntakeHarness, 'cases' | 'center'>, caseNumber: string, at: Date) {
  await resolveAsAgent(h, caseNumber, at);
  const later = new Date(at.getTime() + defaultPolicy.cases.closeAfterDays * 86_400_000);
  const deps = { cases: h.cases, center: h.center, policy: defaultPolicy };
  const result = await applyCaseAction(deps, caseNumber, { type: 'close' }, 'system', later);
  if (!result.ok) throw new Error(`close refused: ${result.reason}`);
}
