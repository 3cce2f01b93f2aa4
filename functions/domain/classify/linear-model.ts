/**
 * A linear model as shipped in model.json: per feature a row of weights, one per label. To keep the
 * file small a feature is stored as a 4-character hash (FNV-1a, base 91) and each weight as one
 * printable character (a quantisation level); sparse rows keep only their non-zero weights.
 */
export interface LinearModelData {
  readonly labels: readonly string[];
  /**
   * Rows back to back: a 4-character feature hash, then (dense) one level per label, or (sparse) a
   * count n and n pairs of label index and level — or the count DENSE_ROW and one level per label.
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

/** The quantisation level a character stands for (0..90). */
export function decodeLevel(code: number): number {
  return code > 92 ? code - 36 : code - 35;
}

/** The character that stands for quantisation level `level` (0..90). */
export function encodeLevel(level: number): string {
  const code = level + 35;
  return String.fromCharCode(code >= 92 ? code + 1 : code);
}

/** A feature's hash as stored in a model (FNV-1a over UTF-16 units, folded into 91⁴ values). */
export function featureHash(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % HASH_SPACE;
}

/** The four characters that store a feature hash. */
export function encodeHash(hash: number): string {
  let out = '';
  let rest = hash;
  for (let i = 0; i < 4; i++) {
    out += encodeLevel(rest % LEVELS);
    rest = Math.floor(rest / LEVELS);
  }
  return out;
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
    // The shortest row is a hash and a zero count: enough slots for twice the most rows there can be.
    let capacity = 1;
    while (capacity < (2 * text.length) / 5) capacity *= 2;
    this.mask = capacity - 1;
    this.slotHash = new Int32Array(capacity);
    this.slotRow = new Int32Array(capacity);
    let at = 0;
    while (at + 4 <= text.length) {
      this.insert(decodeHash(text, at), at + 4);
      at += 4;
      const count = data.sparse ? decodeLevel(text.charCodeAt(at++)) : DENSE_ROW;
      at += count === DENSE_ROW ? width : 2 * count;
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

  private addRow(start: number, scores: Float64Array): void {
    const { rows, sparse, zero, scale } = this.data;
    let at = start;
    const count = sparse ? decodeLevel(rows.charCodeAt(at++)) : DENSE_ROW;
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
