import { FNV_START, fnvHash, fnvStep } from './linear-model';
import { fold } from './normalise';
import { lexiconFeatures } from './topic-lexicon';

// Language is decided on the first part of a message: enough evidence, bounded cost.
const LANGUAGE_WINDOW = 200;
const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{M}']+/gu;
// Apostrophes split words ("l'hôtel" → l, hotel), as in the cue lexicon.
const TOPIC_WORD = /[\p{L}\p{M}]+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Character trigrams of each padded word, plus the word itself: what the language model reads. */
export function languageFeatures(text: string): string[] {
  const out: string[] = [];
  const window = text.length > LANGUAGE_WINDOW ? text.slice(0, LANGUAGE_WINDOW) : text;
  for (const match of window.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (HAN.test(word)) {
      for (const ch of word) out.push(ch);
      continue;
    }
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
    if (word.length === 1) out.push(padded.slice(0, 2));
    out.push(`w:${word}`);
  }
  return out;
}

// "w:" and " " as FNV-1a states, the prefixes every word feature and n-gram starts from.
const W_PREFIX = fnvStep(fnvStep(FNV_START, 0x77), 0x3a);
const SPACE = 0x20;

/**
 * The hashes (`featureHash`) of `languageFeatures(text)`, in the same order, computed from the
 * characters without building a string per n-gram: language scoring was a fifth of the classifier's
 * time, most of it making and hashing those strings.
 */
export function languageFeatureHashes(text: string): number[] {
  const out: number[] = [];
  const window = text.length > LANGUAGE_WINDOW ? text.slice(0, LANGUAGE_WINDOW) : text;
  for (const match of window.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (HAN.test(word)) {
      for (const ch of word) {
        let h = FNV_START;
        for (let i = 0; i < ch.length; i++) h = fnvStep(h, ch.charCodeAt(i));
        out.push(fnvHash(h));
      }
      continue;
    }
    for (let i = 0; i + 3 <= word.length + 2; i++) {
      const h = fnvStep(fnvStep(FNV_START, paddedUnit(word, i)), paddedUnit(word, i + 1));
      out.push(fnvHash(fnvStep(h, paddedUnit(word, i + 2))));
    }
    if (word.length === 1) out.push(fnvHash(fnvStep(fnvStep(FNV_START, SPACE), word.charCodeAt(0))));
    let h = W_PREFIX;
    for (let i = 0; i < word.length; i++) h = fnvStep(h, word.charCodeAt(i));
    out.push(fnvHash(h));
  }
  return out;
}

// Unit k of the padded word " word ": a space at both ends, else the word's unit k - 1.
function paddedUnit(word: string, k: number): number {
  return k === 0 || k === word.length + 1 ? SPACE : word.charCodeAt(k - 1);
}

/**
 * What the topic model reads, each feature once: words and five-letter stems of the folded text
 * (Chinese: characters and character pairs), plus the cue lexicon's hits (`lex:<topic>`, `lex:<topic>+`
 * for two or more, `neg:<topic>` after a negation). `folded` saves folding again when the caller has.
 * Word pairs and character n-grams were tried on the development split and gained nothing (character
 * n-grams again in round 11, on the style-shift check too: docs/classifier.md).
 */
export function topicFeatures(text: string, folded = fold(text)): string[] {
  const out: string[] = [];
  const words = folded.match(TOPIC_WORD) ?? [];
  // No words at all (digits, emoji): nothing to go on, and the caller answers "general".
  if (words.length === 0) return [];
  for (const word of words) {
    if (HAN.test(word)) {
      hanFeatures(word, out);
      continue;
    }
    out.push(word);
    if (word.length > 5) out.push(`s:${word.slice(0, 5)}`);
  }
  const hits = new Map<string, number>();
  for (const f of lexiconFeatures(folded, words)) hits.set(f, (hits.get(f) ?? 0) + 1);
  for (const [f, n] of hits) {
    out.push(f);
    if (n >= 2) out.push(`${f}+`);
  }
  // A bias, "no cue at all" and "asks a question": what a message that names nothing leans to.
  out.push('*');
  if (hits.size === 0) out.push('*nocue');
  if (/[?？]/.test(text)) out.push('*?');
  return [...new Set(out)];
}

function hanFeatures(word: string, out: string[]): void {
  for (const run of word.matchAll(HAN_RUN)) {
    const chars = Array.from(run[0]);
    for (let i = 0; i < chars.length; i++) {
      out.push(chars[i] ?? '');
      if (i + 1 < chars.length) out.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
}
