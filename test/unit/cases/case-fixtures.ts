// Shared inputs for the case lifecycle tests: a small case builder and the shipped policy.
import type { Case } from '../../../functions/domain/case';
import type { CaseActor } from '../../../functions/domain/cases/lifecycle-types';
import { defaultPolicy } from '../routing/routing-fixtures';

export const policy = defaultPolicy;
export const OPENED = '2026-03-10T09:00:00.000Z';
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** An agent actor. */
export function agent(id = 'a-17'): CaseActor {
  return { kind: 'agent', id };
}

/** An instant `hours` after the builder's opening time. */
export function hoursIn(hours: number): Date {
  return new Date(Date.parse(OPENED) + hours * HOUR);
}

/** A case as the intake leaves it; override what the test is about. */
export function caseOf(overrides: Partial<Case> = {}): Case {
  return {
    caseNumber: 'CR-7K4M2Q',
    status: 'new',
    ownerKey: '+33612345678',
    language: 'fr',
    topic: 'change_booking',
    queue: 'fr-team',
    priority: 3,
    openedAt: OPENED,
    updatedAt: OPENED,
    contactCount: 1,
    timeline: [{ type: 'opened', at: OPENED }],
    ...overrides,
  };
}
