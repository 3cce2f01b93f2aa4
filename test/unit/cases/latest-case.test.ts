import { describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case';
import { latestCase } from '../../../functions/domain/cases/latest-case';
import { caseOf, hoursIn } from './case-fixtures';

/** A store holding these cases, counting the reads it serves. */
function storeOf(cases: readonly Case[]) {
  const reads: string[] = [];
  return {
    reads,
    getCase: async (n: string) => {
      reads.push(n);
      return cases.find((c) => c.caseNumber === n);
    },
  };
}

describe('latestCase', () => {
  const general = caseOf({ caseNumber: 'CR-GENERA', updatedAt: hoursIn(1).toISOString() });
  const older = caseOf({
    caseNumber: 'CR-OLDER1',
    bookingRef: '1234567897',
    updatedAt: hoursIn(2).toISOString(),
  });
  const newer = caseOf({
    caseNumber: 'CR-NEWER1',
    bookingRef: '1000000016',
    updatedAt: hoursIn(3).toISOString(),
  });
  const settled = caseOf({
    caseNumber: 'CR-SETTLE',
    bookingRef: '1000000024',
    status: 'resolved',
    updatedAt: hoursIn(4).toISOString(),
  });

  it('reads only the slot of the booking a contact names', async () => {
    // Prepare
    const store = storeOf([older, newer]);
    const slots = { byBooking: { '1234567897': older.caseNumber, '1000000016': newer.caseNumber } };

    // Act
    const found = await latestCase(store, slots, '1234567897');
    const none = await latestCase(store, slots, '1000000032');

    // Assess
    expect(found?.caseNumber).toBe(older.caseNumber);
    expect(none).toBeUndefined();
    expect(store.reads).toEqual([older.caseNumber]);
  });

  it('answers "any news?" with the active case about no booking first', async () => {
    // Act
    const found = await latestCase(
      storeOf([general, older, newer]),
      { noBooking: general.caseNumber, byBooking: { '1234567897': older.caseNumber } },
      undefined,
    );

    // Assess
    expect(found?.caseNumber).toBe(general.caseNumber);
  });

  it('answers "any news?" with the latest active case, else the latest settled one', async () => {
    // Prepare
    const slots = { byBooking: { a: older.caseNumber, b: newer.caseNumber, c: settled.caseNumber } };

    // Act
    const active = await latestCase(storeOf([older, newer, settled]), slots, undefined);
    const onlySettled = await latestCase(
      storeOf([settled]),
      { byBooking: { c: settled.caseNumber } },
      undefined,
    );

    // Assess
    expect(active?.caseNumber).toBe(newer.caseNumber);
    expect(onlySettled?.caseNumber).toBe(settled.caseNumber);
  });
});
