import { TOPICS, type Topic } from '../classification';
import { fold } from './normalise';
import { TOPIC_CUES } from './topic-cues';
import { MORE_TOPIC_CUES } from './topic-cues-more';
import { SITUATION_TOPIC_CUES } from './topic-cues-situations';

const WORD = /[\p{L}\p{M}]+/gu;
const HAN = /\p{Script=Han}/u;

interface Cue {
  readonly topic: string;
  /** The features it adds, built once: `lex:<topic>`, `neg:<topic>` (after a negation), `lexm:<topic>`. */
  readonly lex: string;
  readonly neg: string;
  readonly lexm: string;
  /** Word stems after the first one. */
  readonly rest: readonly string[];
  /** Whether the last stem must be the whole word. */
  readonly exact: boolean;
  readonly firstExact: boolean;
}

// "not cancel, just change": a cancel or change cue right after one of these counts against its
// topic, not for it. Other topics keep theirs: "not refunded" is still about a refund.
const NEGATIONS = new Set([
  'not',
  't',
  'dont',
  'no',
  'pas',
  'nicht',
  'kein',
  'non',
  'nao',
  'niet',
  'geen',
  'не',
  'bukan',
]);
const HAN_NEGATIONS = ['不是', '不要', '不用'];
const NEGATABLE: ReadonlySet<string> = new Set(['cancel_booking', 'change_booking']);

// Cues by first stem, as a character trie: walking a word through it finds every cue whose first
// stem begins the word, without building a substring per prefix. Stored flat (one Map from node and
// character to child, cues by node number) because a Map per node made building the trie cost 8 ms
// of every cold start. Node numbers stay small (about 10,000), so the edge keys stay small integers.
// Once built, the edges move into an open-addressing table of typed arrays (`EdgeTable`): a Map
// lookup per character of every word was an eighth of the classifier's time.
const EDGE = 0x10000;
const edges = new Map<number, number>();
const nodeCues: Cue[][] = [];
let nodeCount = 1;
// Chinese cues by their first character.
const hanCues = new Map<string, Array<readonly [string, string]>>();

const cueList: Array<readonly [Topic, string]> = [];
// Folded a topic at a time: one normalize call per topic instead of one per cue.
for (const topic of TOPICS) {
  const raw = `${TOPIC_CUES[topic]}|${MORE_TOPIC_CUES[topic]}|${SITUATION_TOPIC_CUES[topic]}`.split('|');
  const folded = fold(raw.join('|')).split('|');
  for (let i = 0; i < raw.length; i++) {
    const cue = (raw[i] ?? '').trim();
    if (cue === '') continue;
    cueList.push([topic, cue]);
    addCue(topic, cue, (folded[i] ?? '').trim());
  }
}

// Node and character → child node, by open addressing over two typed arrays (key + 1, 0 = empty).
class EdgeTable {
  private readonly keys: Int32Array;
  private readonly children: Int32Array;
  private readonly mask: number;

  constructor(from: ReadonlyMap<number, number>) {
    let capacity = 1;
    while (capacity < 2 * from.size) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.children = new Int32Array(capacity);
    for (const [key, child] of from) {
      let slot = EdgeTable.slotOf(key) & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key + 1;
      this.children[slot] = child;
    }
  }

  /** The child of `node` by character `code`, or -1. */
  child(node: number, code: number): number {
    const key = node * EDGE + code;
    for (let slot = EdgeTable.slotOf(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const stored = this.keys[slot] ?? 0;
      if (stored === 0) return -1;
      if (stored === key + 1) return this.children[slot] ?? -1;
    }
  }

  // Keys differ mostly in their low bits (the character): mix them before masking.
  private static slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> 12;
  }
}
const edgeTable = new EdgeTable(edges);
edges.clear();

/** Every cue with its topic, as written in topic-cues*.ts (the trainer adds each as a small document). */
export const CUES: ReadonlyArray<readonly [Topic, string]> = cueList;

function addCue(topic: Topic, cue: string, folded: string): void {
  if (cue.charCodeAt(0) >= 0x2e80 && HAN.test(cue)) {
    const first = cue[0] ?? '';
    const list = hanCues.get(first) ?? [];
    list.push([cue, topic]);
    hanCues.set(first, list);
    return;
  }
  const exact = folded.endsWith('=');
  const [first, ...rest] = (exact ? folded.slice(0, -1) : folded).match(WORD) ?? [];
  if (!first) return;
  let node = 0;
  for (let at = 0; at < first.length; at++) {
    const key = node * EDGE + first.charCodeAt(at);
    let child = edges.get(key);
    if (child === undefined) {
      child = nodeCount++;
      edges.set(key, child);
    }
    node = child;
  }
  const cues = nodeCues[node] ?? [];
  const neg = NEGATABLE.has(topic) ? `neg:${topic}` : `lex:${topic}`;
  cues.push({
    topic,
    lex: `lex:${topic}`,
    neg,
    lexm: `lexm:${topic}`,
    rest,
    exact,
    firstExact: exact && rest.length === 0,
  });
  nodeCues[node] = cues;
}

/**
 * Features from the cue lexicon for folded text: `lex:<topic>` for every cue found (`neg:<topic>`
 * right after a negation; `lexm:<topic>` as well for a cue of several words, more telling), so the model can weigh cue words it never met in a training message.
 * (A feature per cue as well was tried on the development split: no gain for a third more model.)
 */
export function lexiconFeatures(
  folded: string,
  words: readonly string[] = folded.match(WORD) ?? [],
): string[] {
  const out: string[] = [];
  let hasHan = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word.charCodeAt(0) >= 0x2e80 && HAN.test(word)) {
      hasHan = true;
      continue;
    }
    const afterNegation = NEGATIONS.has(words[i - 1] ?? '');
    for (const cue of cuesStartedBy(word)) {
      if (!restMatches(words, i + 1, cue)) continue;
      out.push(afterNegation ? cue.neg : cue.lex);
      if (cue.rest.length > 0) out.push(cue.lexm);
    }
  }
  if (hasHan) hanFeatures(folded, out);
  return out;
}

// Guests use the same words again and again ("booking", "room", "the"): the cues a word can start are
// found by walking the trie once per distinct word and remembered (the walk was a seventh of the time).
const startedBy = new Map<string, readonly Cue[]>();
const STARTED_BY_LIMIT = 20_000;
const NO_CUES: readonly Cue[] = [];

function cuesStartedBy(word: string): readonly Cue[] {
  const known = startedBy.get(word);
  if (known) return known;
  const found: Cue[] = [];
  let node = 0;
  for (let at = 0; at < word.length && node >= 0; at++) {
    node = edgeTable.child(node, word.charCodeAt(at));
    const cues = node < 0 || at === 0 ? undefined : nodeCues[node];
    if (!cues) continue;
    for (const cue of cues) if (!cue.firstExact || at === word.length - 1) found.push(cue);
  }
  const result = found.length > 0 ? found : NO_CUES;
  if (startedBy.size >= STARTED_BY_LIMIT) startedBy.clear();
  startedBy.set(word, result);
  return result;
}

function restMatches(words: readonly string[], from: number, cue: Cue): boolean {
  const { rest, exact } = cue;
  for (let k = 0; k < rest.length; k++) {
    const word = words[from + k];
    const stem = rest[k] ?? '';
    if (word === undefined || !word.startsWith(stem)) return false;
    if (exact && k === rest.length - 1 && word !== stem) return false;
  }
  return true;
}

function hanFeatures(text: string, out: string[]): void {
  for (let at = 0; at < text.length; at++) {
    const cues = hanCues.get(text[at] ?? '');
    if (!cues) continue;
    for (const [cue, topic] of cues) {
      if (!text.startsWith(cue, at)) continue;
      const before = text.slice(Math.max(0, at - 2), at);
      const negated = NEGATABLE.has(topic) && HAN_NEGATIONS.some((n) => before.endsWith(n));
      out.push(`${negated ? 'neg' : 'lex'}:${topic}`);
      if (cue.length >= 3) out.push(`lexm:${topic}`);
    }
  }
}
