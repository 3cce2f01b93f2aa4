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

/** Scores feature lists against every label; built once per process from static data. */
export class LinearModel {
  readonly labels: readonly string[];
  private readonly rows = new Map<number, number>();
  private readonly weights: Float32Array;
  // Feature strings already looked up (row offset, or -1): the engine hashes strings natively,
  // far faster than FNV in JavaScript, and n-grams and words repeat from message to message.
  private readonly seen = new Map<string, number>();

  constructor(data: LinearModelData) {
    this.labels = data.labels;
    const width = data.labels.length;
    const cells: number[] = [];
    const text = data.rows;
    let at = 0;
    while (at + 4 <= text.length) {
      this.rows.set(decodeHash(text, at), cells.length);
      at += 4;
      const row = new Array<number>(width).fill(0);
      const count = data.sparse ? decodeLevel(text.charCodeAt(at++)) : DENSE_ROW;
      if (count !== DENSE_ROW) {
        for (let k = 0; k < count; k++, at += 2) {
          row[decodeLevel(text.charCodeAt(at))] = decodeLevel(text.charCodeAt(at + 1)) - data.zero;
        }
      } else {
        for (let l = 0; l < width; l++) row[l] = decodeLevel(text.charCodeAt(at++)) - data.zero;
      }
      for (const level of row) cells.push(level * data.scale);
    }
    this.weights = Float32Array.from(cells);
  }

  /** Summed weights per label and how many features the model knew. */
  score(features: readonly string[]): { scores: Float64Array; known: number } {
    const width = this.labels.length;
    const scores = new Float64Array(width);
    let known = 0;
    for (const feature of features) {
      let base = this.seen.get(feature);
      if (base === undefined) {
        base = this.rows.get(featureHash(feature)) ?? -1;
        if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
        this.seen.set(feature, base);
      }
      if (base < 0) continue;
      known++;
      for (let l = 0; l < width; l++) scores[l] = (scores[l] ?? 0) + (this.weights[base + l] ?? 0);
    }
    return { scores, known };
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
