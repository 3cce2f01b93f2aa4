/**
 * A linear model as shipped in model.json: per feature a row of weights, one per label. To keep the
 * file small a feature is stored as a hash (FNV-1a, base 91), rows sorted by hash with each hash
 * written as its distance from the previous one (two or three characters instead of four), and each
 * weight as one printable character (a quantisation level); sparse rows keep only their non-zero weights.
 */
export interface LinearModelData {
  readonly labels: readonly string[];
  /**
   * Rows back to back, by rising hash: the hash's distance from the previous row's (`encodeHashStep`),
   * then (dense) one level per label, or (sparse) a count n and n pairs of label index and level — or
   * the count DENSE_ROW and one level per label, or SINGLE_CELL + l and the one level of label l.
   */
  readonly rows: string;
  readonly sparse: boolean;
  /** Weight of one quantisation step. */
  readonly scale: number;
  /** The level that means a weight of zero. */
  readonly zero: number;
}

/** Characters used for levels: '#' (35) to '~' (126) without the backslash, so JSON never escapes them. */
export const LEVELS = 91;
const HASH_SPACE = LEVELS ** 4;
// Bounds the memory of remembered lookups (a few megabytes).
const SEEN_LIMIT = 100_000;
/** In a sparse model, the count that announces a row with a level for every label. */
export const DENSE_ROW = LEVELS - 1;
/**
 * In a sparse model, SINGLE_CELL + l announces a row with one weight, on label l (two in three topic
 * rows): one character fewer than a count of 1 and the label. Leaves room for 79 labels.
 */
export const SINGLE_CELL = 10;

/** The quantisation level a character stands for (0..90). */
export function decodeLevel(code: number): number {
  return code > 92 ? code - 36 : code - 35;
}

/** The character that stands for quantisation level `level` (0..90). */
export function encodeLevel(level: number): string {
  const code = level + 35;
  return String.fromCharCode(code >= 92 ? code + 1 : code);
}

/** FNV-1a's state before the first character: `featureHash` and hashes built piece by piece start here. */
export const FNV_START = 0x811c9dc5;

/** FNV-1a's state after one more UTF-16 unit. */
export function fnvStep(state: number, code: number): number {
  return Math.imul(state ^ code, 0x01000193);
}

/** The stored hash for an FNV-1a state (folded into 91⁴ values). */
export function fnvHash(state: number): number {
  return (state >>> 0) % HASH_SPACE;
}

/** A feature's hash as stored in a model (FNV-1a over UTF-16 units, folded into 91⁴ values). */
export function featureHash(feature: string): number {
  let h = FNV_START;
  for (let i = 0; i < feature.length; i++) h = fnvStep(h, feature.charCodeAt(i));
  return fnvHash(h);
}

// The four characters that store a whole feature hash.
function encodeHash(hash: number): string {
  let out = '';
  let rest = hash;
  for (let i = 0; i < 4; i++) {
    out += encodeLevel(rest % LEVELS);
    rest = Math.floor(rest / LEVELS);
  }
  return out;
}

// Hash steps: a first character under SHORT_STEP starts a 2-character step (under 5,460), one from
// SHORT_STEP to ABSOLUTE - 1 a 3-character step (up to 253,889 more), ABSOLUTE a 4-character hash.
// Rows average a step of ~5,600 in 91⁴ hashes, so most keys take two or three characters.
const SHORT_STEP = 60;
const ABSOLUTE = LEVELS - 1;
const SHORT_LIMIT = SHORT_STEP * LEVELS;
const LONG_LIMIT = SHORT_LIMIT + (ABSOLUTE - SHORT_STEP) * LEVELS * LEVELS;

/** The characters that store `hash` after a row whose hash was `previous` (smaller; -1 before the first). */
export function encodeHashStep(hash: number, previous: number): string {
  const step = hash - previous - 1;
  if (step < 0) throw new Error('rows must be sorted by rising hash');
  if (step < SHORT_LIMIT) return encodeLevel(Math.floor(step / LEVELS)) + encodeLevel(step % LEVELS);
  if (step < LONG_LIMIT) {
    const rest = step - SHORT_LIMIT;
    const high = Math.floor(rest / (LEVELS * LEVELS));
    return (
      encodeLevel(SHORT_STEP + high) +
      encodeLevel(Math.floor(rest / LEVELS) % LEVELS) +
      encodeLevel(rest % LEVELS)
    );
  }
  return encodeLevel(ABSOLUTE) + encodeHash(hash);
}

function decodeHash(rows: string, at: number): number {
  let hash = 0;
  for (let i = 3; i >= 0; i--) hash = hash * LEVELS + decodeLevel(rows.charCodeAt(at + i));
  return hash;
}

/**
 * Scores feature lists against every label; built once per process from static data. Loading only
 * indexes the rows (an open-addressing table from feature hash to where its row starts in the text);
 * a row's levels are read when a message has that feature. Decoding every weight up front took 18 ms
 * of each cold start: the loop runs in the interpreter then, before any JIT.
 */
export class LinearModel {
  readonly labels: readonly string[];
  private readonly data: LinearModelData;
  // Slot → feature hash + 1 (0 = empty) and slot → where the row's levels start in data.rows.
  private readonly slotHash: Int32Array;
  private readonly slotRow: Int32Array;
  private readonly mask: number;
  // Feature strings already looked up (row start, or -1): the engine hashes strings natively,
  // far faster than FNV in JavaScript, and n-grams and words repeat from message to message.
  private readonly seen = new Map<string, number>();

  constructor(data: LinearModelData) {
    this.labels = data.labels;
    this.data = data;
    const width = data.labels.length;
    const text = data.rows;
    // The shortest row is a 2-character step and a count: enough slots for twice the most rows there can be.
    let capacity = 1;
    while (capacity < (2 * text.length) / 3) capacity *= 2;
    this.mask = capacity - 1;
    this.slotHash = new Int32Array(capacity);
    this.slotRow = new Int32Array(capacity);
    let at = 0;
    let hash = -1;
    while (at + 2 <= text.length) {
      const first = decodeLevel(text.charCodeAt(at));
      if (first === ABSOLUTE) {
        hash = decodeHash(text, at + 1);
        at += 5;
      } else if (first < SHORT_STEP) {
        hash += 1 + first * LEVELS + decodeLevel(text.charCodeAt(at + 1));
        at += 2;
      } else {
        const rest = ((first - SHORT_STEP) * LEVELS + decodeLevel(text.charCodeAt(at + 1))) * LEVELS;
        hash += 1 + SHORT_LIMIT + rest + decodeLevel(text.charCodeAt(at + 2));
        at += 3;
      }
      this.insert(hash, at);
      const count = data.sparse ? decodeLevel(text.charCodeAt(at++)) : DENSE_ROW;
      at += count === DENSE_ROW ? width : count >= SINGLE_CELL ? 1 : 2 * count;
    }
  }

  /** Summed weights per label and how many features the model knew. */
  score(features: readonly string[]): { scores: Float64Array; known: number } {
    const scores = new Float64Array(this.labels.length);
    let known = 0;
    for (const feature of features) {
      let start = this.seen.get(feature);
      if (start === undefined) {
        start = this.rowOf(featureHash(feature));
        if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
        this.seen.set(feature, start);
      }
      if (start < 0) continue;
      known++;
      this.addRow(start, scores);
    }
    return { scores, known };
  }

  /**
   * `score` for features already hashed (`featureHash`): the classifier's language features are
   * hashed as they are read, without building a string per n-gram.
   */
  scoreHashes(hashes: readonly number[]): { scores: Float64Array; known: number } {
    const scores = new Float64Array(this.labels.length);
    let known = 0;
    for (let i = 0; i < hashes.length; i++) {
      const start = this.rowOf(hashes[i] ?? 0);
      if (start < 0) continue;
      known++;
      this.addRow(start, scores);
    }
    return { scores, known };
  }

  private addRow(start: number, scores: Float64Array): void {
    const { rows, sparse, zero, scale } = this.data;
    let at = start;
    const count = sparse ? decodeLevel(rows.charCodeAt(at++)) : DENSE_ROW;
    if (count >= SINGLE_CELL && count !== DENSE_ROW) {
      const l = count - SINGLE_CELL;
      scores[l] = (scores[l] ?? 0) + (decodeLevel(rows.charCodeAt(at)) - zero) * scale;
      return;
    }
    if (count === DENSE_ROW) {
      for (let l = 0; l < scores.length; l++)
        scores[l] = (scores[l] ?? 0) + (decodeLevel(rows.charCodeAt(at++)) - zero) * scale;
      return;
    }
    for (let k = 0; k < count; k++, at += 2) {
      const l = decodeLevel(rows.charCodeAt(at));
      scores[l] = (scores[l] ?? 0) + (decodeLevel(rows.charCodeAt(at + 1)) - zero) * scale;
    }
  }

  // A later row with the same hash replaces the earlier one, as the trainer's Map did.
  private insert(hash: number, start: number): void {
    let slot = hash & this.mask;
    while (this.slotHash[slot] !== 0 && this.slotHash[slot] !== hash + 1) slot = (slot + 1) & this.mask;
    this.slotHash[slot] = hash + 1;
    this.slotRow[slot] = start;
  }

  private rowOf(hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const stored = this.slotHash[slot] ?? 0;
      if (stored === 0) return -1;
      if (stored === hash + 1) return this.slotRow[slot] ?? -1;
    }
  }
}

/** Turns scores into probabilities; `temperature` > 1 tempers overconfident sums. */
export function softmax(scores: ArrayLike<number>, temperature = 1): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i] ?? 0);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp(((scores[i] ?? 0) - max) / temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}
