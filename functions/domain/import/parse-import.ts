import { type BookingRow, bookingRowSchema } from './booking-row';
import { describeIssues } from './describe-issues';

/** A row that failed, with the line (JSON lines) or array position (JSON, 1-based) it came from. */
export interface ImportError {
  readonly line: number;
  readonly reason: string;
}

/** How many bad rows a report spells out; the rest are counted (a report stays small whatever the file). */
export const REPORTED_ERRORS = 100;

/** Good rows (with where they came from) and bad rows with their reasons: nothing is dropped silently. */
export interface ParsedImport {
  readonly rows: ReadonlyArray<{ readonly line: number; readonly row: BookingRow }>;
  /** The first REPORTED_ERRORS bad rows, in file order. */
  readonly errors: readonly ImportError[];
  /** How many rows are bad in all. */
  readonly failed: number;
}

/** Rows one import takes: 10 MB of real bookings is ~35,000 rows, and each row's PIN hash takes ~15 ms. */
export const MAX_IMPORT_ROWS = 50_000;

// A long import gives way to other requests this often (a runtime answers /health while it validates).
const SLICE_MS = 10;
const MAX_REASON = 2000;

/** Checks rows and gathers them into a bounded report, pausing now and then so nothing waits long. */
class Collector {
  readonly rows: ParsedImport['rows'][number][] = [];
  readonly errors: ImportError[] = [];
  failed = 0;
  private sliceStart = Date.now();

  fail(line: number, reason: string): void {
    this.failed += 1;
    if (this.errors.length < REPORTED_ERRORS) this.errors.push({ line, reason: reason.slice(0, MAX_REASON) });
  }

  check(value: unknown, line: number): void {
    const result = bookingRowSchema.safeParse(value);
    if (result.success) this.rows.push({ line, row: result.data });
    else this.fail(line, this.errors.length < REPORTED_ERRORS ? describeIssues(result.error, value) : '');
  }

  /** True once this slice of work has run long enough to give way. */
  due(): boolean {
    return Date.now() - this.sliceStart >= SLICE_MS;
  }

  async giveWay(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.sliceStart = Date.now();
  }

  done(): ParsedImport {
    return { rows: this.rows, errors: this.errors, failed: this.failed };
  }
}

// A booking is a flat object; deeper nesting is refused before parsing (V8 takes seconds on a 10 MB `[[[…`).
const MAX_DEPTH = 16;

// Top-level entries of a JSON array and how deep it nests, found without building anything (a 9 MB array
// of 3,000,000 `{}` takes seconds to parse and hundreds of MB to hold; scanning it takes milliseconds).
function shapeOf(text: string): { entries: number; depth: number } {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let entries = 0;
  let empty = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_DEPTH) break;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) entries++;
    if (depth >= 1 && empty && c !== 91 && c > 32) empty = false;
  }
  return { entries: empty ? 0 : entries + 1, depth: deepest };
}

const TOO_DEEP = `nests deeper than ${MAX_DEPTH} levels: a booking is one flat JSON object`;

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function tooMany(out: Collector, rows: number, what: string): ParsedImport {
  out.fail(1, `the file holds ${rows} ${what}; one import takes at most ${MAX_IMPORT_ROWS}: split it`);
  out.failed = rows;
  return out.done();
}

function jsonError(error: unknown): string {
  return `not valid JSON: ${(error as Error).message}`;
}

/**
 * Reads an import file: a JSON array of bookings, or JSON lines (one booking per line, blank lines
 * and lines starting with # ignored). Each bad row is reported with its line number and every problem
 * in plain words (the first REPORTED_ERRORS of them; the rest counted). A file of more than
 * MAX_IMPORT_ROWS rows is refused whole, before any row is read.
 */
export async function parseImport(text: string): Promise<ParsedImport> {
  const out = new Collector();
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const shape = shapeOf(trimmed);
    if (shape.depth > MAX_DEPTH) {
      out.fail(1, `the array ${TOO_DEEP}`);
      return out.done();
    }
    if (shape.entries > MAX_IMPORT_ROWS) return tooMany(out, shape.entries, 'entries');
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      out.fail(1, jsonError(error));
      return out.done();
    }
    if (!Array.isArray(parsed)) {
      out.fail(1, 'expected a JSON array of bookings');
      return out.done();
    }
    for (let i = 0; i < parsed.length; i++) {
      out.check(parsed[i], i + 1);
      if (out.due()) await out.giveWay();
    }
    return out.done();
  }
  const count = countLines(text);
  if (count > MAX_IMPORT_ROWS) return tooMany(out, count, 'lines');
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (out.due()) await out.giveWay();
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    if (shapeOf(line).depth > MAX_DEPTH) {
      out.fail(i + 1, `the row ${TOO_DEEP}`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      out.fail(i + 1, jsonError(error));
      continue;
    }
    out.check(value, i + 1);
  }
  return out.done();
}
