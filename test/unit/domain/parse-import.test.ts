import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerIdOf } from '../../../functions/domain/import/import-bookings';
import { MAX_IMPORT_ROWS, parseImport, REPORTED_ERRORS } from '../../../functions/domain/import/parse-import';

describe('parseImport', () => {
  it('keeps the good rows and explains each bad one by line number, in JSON lines', async () => {
    // Prepare
    const text = readFileSync('test/fixtures/import/mixed.jsonl', 'utf8');
    // Act
    const parsed = await parseImport(text);
    // Assess
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(parsed.errors.map((e) => e.line)).toEqual([4, 5, 6, 8]);
    expect(parsed.failed).toBe(4);
    expect(parsed.errors[0]?.reason).toMatch(/reference: wrong check digit/);
    expect(parsed.errors[2]?.reason).toMatch(/not valid JSON/);
    expect(parsed.errors[3]?.reason).toMatch(/needs a phone or an email/);
  });

  it('names every problem of a row at once, in plain words, the cross-field rules included', async () => {
    // Prepare: line 5 has a short PIN, an unknown zone and language, dates the wrong way round, no contact
    const text = readFileSync('test/fixtures/import/mixed.jsonl', 'utf8');
    // Act
    const reason = (await parseImport(text)).errors[1]?.reason;
    // Assess
    expect(reason).toBe(
      'pin: the PIN has exactly 4 digits; propertyTimeZone: not an IANA time zone; ' +
        'language: must be one of en, fr, de, es, it, pt, nl, zh, ru, id; ' +
        'checkOut: check-out must be after check-in; ' +
        'phone: a booking needs a phone or an email so the guest can be recognised',
    );
  });

  it('says a field is missing, of the wrong kind or empty, one problem per field, never zod’s wording', async () => {
    // Act
    const parsed = await parseImport(
      '[{"reference":"1"}, 5, {"reference": 2000000014, "status": "vip", "guestName": ""}]',
    );
    // Assess
    expect(parsed.errors.map((e) => e.line)).toEqual([1, 2, 3]);
    const [first, second, third] = parsed.errors.map((e) => e.reason);
    expect(first).toMatch(
      /^reference: a booking reference has exactly 10 digits; pin: is required; status: is required;/,
    );
    expect(first).not.toMatch(/check digit/);
    expect(second).toBe('row: must be a JSON object, not a number');
    expect(third).toMatch(/reference: must be text, not a number/);
    expect(third).toMatch(/status: must be one of confirmed, pending, cancelled, completed, no_show/);
    expect(third).toMatch(/guestName: must not be empty/);
    expect(parsed.errors.map((e) => e.reason).join(' ')).not.toMatch(/Invalid|expected string|received/);
  });

  it('answers a broken JSON array with one clear error', async () => {
    expect((await parseImport('[1,')).errors).toEqual([
      { line: 1, reason: expect.stringMatching(/not valid JSON/) },
    ]);
  });

  it('spells out the first 100 bad rows and counts the rest', async () => {
    // Act
    const parsed = await parseImport(`[${Array(250).fill('{}').join(',')}]`);
    // Assess
    expect(parsed.failed).toBe(250);
    expect(parsed.errors).toHaveLength(REPORTED_ERRORS);
    expect(parsed.errors.at(-1)?.line).toBe(100);
  });

  it('refuses a file of more rows than one import takes, or nested deeper than a booking, without reading it', async () => {
    // Act
    const many = await parseImport(
      `[${Array(MAX_IMPORT_ROWS + 1)
        .fill('{}')
        .join(',')}]`,
    );
    const lines = await parseImport(
      Array(MAX_IMPORT_ROWS + 1)
        .fill('{}')
        .join('\n'),
    );
    const deep = await parseImport(`[${'['.repeat(100_000)}${']'.repeat(100_000)}]`);
    // Assess
    expect(many).toMatchObject({ rows: [], failed: MAX_IMPORT_ROWS + 1 });
    expect(many.errors).toEqual([
      {
        line: 1,
        reason: `the file holds ${MAX_IMPORT_ROWS + 1} entries; one import takes at most ${MAX_IMPORT_ROWS}: split it`,
      },
    ]);
    expect(lines.errors[0]?.reason).toMatch(/holds 50001 lines/);
    expect(deep.errors[0]?.reason).toMatch(/nests deeper than 16 levels: a booking is one flat JSON object/);
  });

  it('refuses a check-out that is not after check-in', async () => {
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
    expect((await parseImport(JSON.stringify(row))).errors[0]?.reason).toMatch(
      /checkOut: check-out must be after check-in/,
    );
  });

  it('normalises emails and fills default tier and refund status', async () => {
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
    const [first] = (await parseImport(JSON.stringify(row))).rows;
    expect(first?.row).toMatchObject({ tier: 'standard', refundStatus: 'none' });
    expect(customerIdOf(first?.row ?? {})).toBe('email:g@example.pt');
  });

  it('explains any broken row in plain words, one clause per named field (property)', async () => {
    // Prepare: a good row with fields dropped or replaced by any JSON value
    const good: Record<string, unknown> = {
      reference: '2000000014',
      pin: '1234',
      status: 'confirmed',
      checkIn: '2026-12-01',
      checkOut: '2026-12-04',
      propertyName: 'P',
      propertyTimeZone: 'Europe/Lisbon',
      guestName: 'G',
      email: 'g@example.pt',
      language: 'pt',
    };
    const fields = Object.keys(good);
    const broken = fc
      .tuple(
        fc.subarray(fields, { minLength: 1 }),
        fc.array(fc.option(fc.jsonValue({ maxDepth: 2 })), {
          minLength: fields.length,
          maxLength: fields.length,
        }),
      )
      .map(([touched, values]) => {
        const row = { ...good };
        touched.forEach((field, i) => {
          const value = values[i];
          if (value === null || value === undefined) delete row[field];
          else row[field] = value;
        });
        return row;
      });
    await fc.assert(
      fc.asyncProperty(broken, async (row) => {
        // Act
        const [error] = (await parseImport(JSON.stringify(row))).errors;
        // Assess
        if (!error) return;
        const clauses = error.reason.split('; ');
        const named = clauses.map((c) => c.slice(0, c.indexOf(':')));
        expect(new Set(named).size).toBe(named.length);
        for (const field of named) expect([...fields, 'phone', 'row']).toContain(field);
        expect(error.reason).not.toMatch(/Invalid (input|option)|expected (string|one of ")|received /);
      }),
      { numRuns: 300 },
    );
  });
});
