/** A multinomial naive Bayes model as shipped in model.json: raw counts, smoothed at load. */
export interface NaiveBayesData {
  readonly labels: readonly string[];
  /** Features joined by "\n" (one string keeps the JSON small and fast to parse). */
  readonly features: string;
  /** Row-major: one row per feature, one column per label; mostly zeros, which keeps the file small. */
  readonly counts: readonly number[];
  /** Additive smoothing. */
  readonly alpha: number;
}

/** Scores feature lists against every label; built once per process from static data. */
export class NaiveBayes {
  readonly labels: readonly string[];
  private readonly rows = new Map<string, number>();
  private readonly weights: Float32Array;
  private readonly priors: Float32Array;

  constructor(data: NaiveBayesData) {
    this.labels = data.labels;
    data.features.split('\n').forEach((feature, row) => {
      this.rows.set(feature, row);
    });
    const width = data.labels.length;
    const vocabulary = this.rows.size;
    const totals = new Float64Array(width);
    data.counts.forEach((c, i) => {
      totals[i % width] = (totals[i % width] ?? 0) + c;
    });
    this.weights = Float32Array.from(data.counts, (c, i) =>
      Math.log((c + data.alpha) / ((totals[i % width] ?? 0) + data.alpha * vocabulary)),
    );
    // Uniform priors: how often a topic shows up in the corpus says nothing about real traffic.
    this.priors = new Float32Array(width);
  }

  /** Log-likelihood per label (with the class prior) and how many features the model knew. */
  score(features: readonly string[]): { scores: Float64Array; known: number } {
    const width = this.labels.length;
    const scores = Float64Array.from(this.priors);
    let known = 0;
    for (const feature of features) {
      const row = this.rows.get(feature);
      if (row === undefined) continue;
      known++;
      const base = row * width;
      for (let l = 0; l < width; l++) scores[l] = (scores[l] ?? 0) + (this.weights[base + l] ?? 0);
    }
    return { scores, known };
  }
}

/** Turns scores into probabilities; `temperature` > 1 tempers naive Bayes' overconfidence. */
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
