import { fold } from './normalise';

// Language is decided on the first part of a message: enough evidence, bounded cost.
const LANGUAGE_WINDOW = 300;
const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{M}']+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Character 1–3-grams of each padded word, plus the word itself: what the language model reads. */
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
    for (let i = 0; i < padded.length; i++) {
      out.push(padded.slice(i, i + 1), padded.slice(i, i + 2), padded.slice(i, i + 3));
    }
    out.push(`w:${word}`);
  }
  return out;
}

/**
 * Words and five-letter stems of the folded text (Chinese: characters and character pairs): what
 * the topic model reads. Word pairs were tried and dropped: too sparse, they learnt the templates.
 */
export function topicFeatures(text: string): string[] {
  const out: string[] = [];
  const folded = fold(text);
  for (const match of folded.matchAll(WORD)) {
    const word = match[0].replace(/'/g, '');
    if (word.length === 0) continue;
    if (HAN.test(word)) {
      hanFeatures(word, out);
      continue;
    }
    out.push(word);
    if (word.length > 5) out.push(`s:${word.slice(0, 5)}`);
  }
  return out;
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
