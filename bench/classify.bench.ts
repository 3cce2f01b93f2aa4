// Classifier figures on the held-out evaluation split, next to franc, eld and tinyld for language.
// Prints, never asserts (see bench/run.ts).
import { eld } from 'eld/medium';
import { franc } from 'franc';
import { detect as tinyld } from 'tinyld';
import type { Classification } from '../functions/domain/classification';
import { TravelClassifier } from '../functions/domain/classify/index';
import { LANGUAGES } from '../functions/domain/languages';
import { readCorpus, score } from '../test/fixtures/corpus/metrics';

const records = readCorpus('eval');
const classifier = new TravelClassifier();
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

const ours = records.map((r) => classifier.classify(r));
const s = score(records, ours);
const textOnly = score(
  records,
  records.map((r) => classifier.classify({ text: r.text, subject: r.subject })),
);
console.log(`evaluation split: ${records.length} messages, ${s.shortCount} of them ≤ 20 chars`);
console.log(`ours (all signals)     language ${pct(s.language)}  short ${pct(s.languageShort)}`);
console.log(
  `ours (text only)       language ${pct(textOnly.language)}  short ${pct(textOnly.languageShort)}`,
);
console.log(
  `topic accuracy ${pct(s.topicAccuracy)}  macro-F1 ${s.topicMacroF1.toFixed(3)}  urgency ${pct(s.urgency)}`,
);
console.log(`reference precision ${s.refPrecision.toFixed(3)}  recall ${s.refRecall.toFixed(3)}`);

const ISO3: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  cmn: 'zh',
  rus: 'ru',
  ind: 'id',
};
const peers: Array<[string, (text: string) => string]> = [
  ['franc', (t) => ISO3[franc(t, { minLength: 1 })] ?? '?'],
  ['franc (ten only)', (t) => ISO3[franc(t, { minLength: 1, only: Object.keys(ISO3) })] ?? '?'],
  ['eld', (t) => eld.detect(t).language],
  ['tinyld', (t) => tinyld(t)],
  ['tinyld (ten only)', (t) => tinyld(t, { only: [...LANGUAGES] })],
];
for (const [name, detect] of peers) {
  const guesses = records.map((r) => ({ language: detect(r.text) }) as unknown as Classification);
  const p = score(records, guesses);
  console.log(`${name.padEnd(22)} language ${pct(p.language)}  short ${pct(p.languageShort)}`);
}
eld.setLanguageSubset([...LANGUAGES]);
const eldSubset = score(
  records,
  records.map((r) => ({ language: eld.detect(r.text).language }) as unknown as Classification),
);
console.log(
  `${'eld (ten only)'.padEnd(22)} language ${pct(eldSubset.language)}  short ${pct(eldSubset.languageShort)}`,
);

// Throughput: the whole split again and again for about a second, after a warm-up pass.
for (const r of records) classifier.classify(r);
let done = 0;
const start = performance.now();
while (performance.now() - start < 1000) {
  for (const r of records) classifier.classify(r);
  done += records.length;
}
const seconds = (performance.now() - start) / 1000;
console.log(
  `throughput ${Math.round(done / seconds).toLocaleString('en')} messages/s (${((1e6 * seconds) / done).toFixed(1)} µs each)`,
);
