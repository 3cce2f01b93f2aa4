import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCaseNumber } from '../../../functions/domain/case';
import { caseNumberFor } from '../../../functions/domain/intake/case-number';

describe('case numbers', () => {
  it('are the same for the same contact, so a redelivery lands on the same case', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(4), (id, attempt) => {
        expect(caseNumberFor(id, attempt)).toBe(caseNumberFor(id, attempt));
      }),
    );
  });

  it('use only characters nobody misreads or mishears (no I, L, O, U)', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        expect(caseNumberFor(id, 0)).toMatch(/^CR-[0-9A-HJKMNP-TV-Z]{6}$/);
      }),
    );
  });

  it('spread out: 20,000 contacts give almost no clashes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(caseNumberFor(`sms:SM${i}`, 0));
    expect(seen.size).toBeGreaterThan(19_990);
  });

  it('move on to another number on the next attempt', () => {
    expect(caseNumberFor('sms:SM1', 1)).not.toBe(caseNumberFor('sms:SM1', 0));
  });

  it('are found again when a customer quotes them loosely', () => {
    expect(findCaseNumber('Re: [CR-7K4M2Q] my booking')).toBe('CR-7K4M2Q');
    expect(findCaseNumber('about case cr 7k4m2q please')).toBe('CR-7K4M2Q');
    expect(findCaseNumber('CRISIS at the hotel')).toBeUndefined();
  });
});
