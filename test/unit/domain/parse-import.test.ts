import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customerIdOf } from '../../../functions/domain/import/import-bookings';
import { parseImport } from '../../../functions/domain/import/parse-import';

describe('parseImport', () => {
  it('keeps the good rows and explains each bad one by line number, in JSON lines', () => {
    // Prepare
    const text = readFileSync('test/fixtures/import/mixed.jsonl', 'utf8');
    // Act
    const parsed = parseImport(text);
    // Assess
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(parsed.errors.map((e) => e.line)).toEqual([4, 5, 6, 8]);
    expect(parsed.errors[0]?.reason).toMatch(/reference: wrong check digit/);
    expect(parsed.errors[1]?.reason).toMatch(/pin: .*propertyTimeZone: not an IANA time zone.*language/);
    expect(parsed.errors[2]?.reason).toMatch(/not valid JSON/);
    expect(parsed.errors[3]?.reason).toMatch(/needs a phone or an email/);
  });

  it('reads a JSON array and numbers its entries from 1', () => {
    const parsed = parseImport('[{"reference":"1"}, 5]');
    expect(parsed.errors.map((e) => e.line)).toEqual([1, 2]);
    expect(parsed.errors[0]?.reason).toMatch(/reference: a booking reference has exactly 10 digits/);
    expect(parsed.errors[0]?.reason).toMatch(/pin: is required/);
  });

  it('answers a broken JSON array with one clear error', () => {
    expect(parseImport('[1,').errors).toEqual([{ line: 1, reason: expect.stringMatching(/not valid JSON/) }]);
  });

  it('refuses a check-out that is not after check-in', () => {
    const row = {
      reference: '2000000014',
      pin: '1234',
      status: 'confirmed',
      checkIn: '2026-12-04',
      checkOut: '2026-12-04',
      propertyName: 'P',
      propertyTimeZone: 'Europe/Lisbon',
      guestName: 'G',
      email: 'g@example.pt',
      language: 'pt',
    };
    expect(parseImport(JSON.stringify(row)).errors[0]?.reason).toMatch(
      /checkOut: check-out must be after check-in/,
    );
  });

  it('normalises emails and fills default tier and refund status', () => {
    const row = {
      reference: '2000000014',
      pin: '1234',
      status: 'confirmed',
      checkIn: '2026-12-01',
      checkOut: '2026-12-04',
      propertyName: 'P',
      propertyTimeZone: 'Europe/Lisbon',
      guestName: 'G',
      email: 'G@Example.PT',
      language: 'pt',
    };
    const [first] = parseImport(JSON.stringify(row)).rows;
    expect(first?.row).toMatchObject({ tier: 'standard', refundStatus: 'none' });
    expect(customerIdOf(first?.row ?? {})).toBe('email:g@example.pt');
  });
});
