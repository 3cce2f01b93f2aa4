import { type BookingRow, bookingRowSchema, describeIssues } from './booking-row';

/** A row that failed, with the line (JSON lines) or array position (JSON, 1-based) it came from. */
export interface ImportError {
  readonly line: number;
  readonly reason: string;
}

/** Good rows (with where they came from) and bad rows with their reasons: nothing is dropped silently. */
export interface ParsedImport {
  readonly rows: ReadonlyArray<{ readonly line: number; readonly row: BookingRow }>;
  readonly errors: readonly ImportError[];
}

function validate(value: unknown, line: number, rows: ParsedImport['rows'][number][], errors: ImportError[]) {
  const result = bookingRowSchema.safeParse(value);
  if (result.success) rows.push({ line, row: result.data });
  else errors.push({ line, reason: describeIssues(result.error) });
}

/**
 * Reads an import file: a JSON array of bookings, or JSON lines (one booking per line, blank lines
 * and lines starting with # ignored). Each bad row is reported with its line number and reason.
 */
export function parseImport(text: string): ParsedImport {
  const rows: ParsedImport['rows'][number][] = [];
  const errors: ImportError[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      return { rows, errors: [{ line: 1, reason: `not valid JSON: ${(error as Error).message}` }] };
    }
    if (!Array.isArray(parsed))
      return { rows, errors: [{ line: 1, reason: 'expected a JSON array of bookings' }] };
    parsed.forEach((value: unknown, i) => {
      validate(value, i + 1, rows, errors);
    });
    return { rows, errors };
  }
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      errors.push({ line: i + 1, reason: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    validate(value, i + 1, rows, errors);
  });
  return { rows, errors };
}
