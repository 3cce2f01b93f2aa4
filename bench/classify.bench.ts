// Classifier figures on the project's held-out split and on the unseen-style set side by side, with
// franc, eld, tinyld and fastText's lid.176 as language peers, throughput and the classifier's own
// minified size. Prints, never asserts (see bench/run.ts).
import { cpus, loadavg } from 'node:os';
import { eld } from 'eld/medium';
import { build } from 'esbuild';
import { getLIDModel } from 'fasttext.wasm.js';
import { franc } from 'franc';
import { detect as tinyld } from 'tinyld';
import type { Classification } from '../functions/domain/classification';
import { TravelClassifier } from '../functions/domain/classify/index';
import { LANGUAGES } from '../functions/domain/languages';
import { LAMBDA_NODE_TARGET, REPO_ROOT } from '../infra/constructs/bundling';
import type { CorpusRecord } from '../test/fixtures/corpus/compose';
import { readCorpus, type Scores, score } from '../test/fixtures/corpus/metrics';

const sets: Array<[string, CorpusRecord[]]> = [
  ['held-out split', readCorpus('eval')],
  ['unseen-style', readCorpus('unseen')],
];
const classifier = new TravelClassifier();
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const row = (label: string, cells: string[]) =>
  console.log(`${label.padEnd(26)}${cells.map((c) => c.padStart(16)).join('')}`);
const per = (f: (records: CorpusRecord[]) => string) => sets.map(([, records]) => f(records));

const ours = sets.map(([, records]) =>
  score(
    records,
    records.map((r) => classifier.classify(r)),
  ),
);
const textOnly = sets.map(([, records]) =>
  score(
    records,
    records.map((r) => classifier.classify({ text: r.text, subject: r.subject })),
  ),
);
const figure = (f: (s: Scores) => string) => ours.map(f);

row(
  '',
  sets.map(([name]) => name),
);
row(
  'messages (≤ 20 chars)',
  per((r) => `${r.length} (${r.filter((x) => x.text.length <= 20).length})`),
);
row(
  'language, all signals',
  figure((s) => pct(s.language)),
);
row(
  'language, text only',
  textOnly.map((s) => pct(s.language)),
);
row(
  'topic macro-F1',
  figure((s) => s.topicMacroF1.toFixed(3)),
);
row(
  'topic accuracy',
  figure((s) => pct(s.topicAccuracy)),
);
row(
  'urgency',
  figure((s) => pct(s.urgency)),
);
row(
  'reference precision',
  figure((s) => s.refPrecision.toFixed(3)),
);
row(
  'reference recall',
  figure((s) => s.refRecall.toFixed(3)),
);
row(
  'emergency recall',
  figure((s) => s.emergencyRecall.toFixed(3)),
);
row(
  'false-emergency rate',
  figure((s) => pct(s.falseEmergency)),
);

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
const peerLanguage = (detect: (text: string) => string) =>
  per((records) =>
    pct(
      score(
        records,
        records.map((r) => ({ language: detect(r.text) }) as unknown as Classification),
      ).language,
    ),
  );
for (const [name, detect] of peers) row(`${name} language`, peerLanguage(detect));
eld.setLanguageSubset([...LANGUAGES]);
row(
  'eld (ten only) language',
  peerLanguage((t) => eld.detect(t).language),
);

// fastText's lid.176 (the compressed model the package ships, run in WebAssembly); it reads one line,
// and "ten only" takes the first of our languages among its ranked guesses.
const lid = await getLIDModel();
await lid.load();
const ten: ReadonlySet<string> = new Set(LANGUAGES);
const lidGuesses = await Promise.all(
  sets.map(([, records]) => Promise.all(records.map((r) => lid.identify(r.text.replace(/\s+/g, ' '), 176)))),
);
const lidRow = (pick: (ranked: Array<{ alpha2: string | null }>) => string) =>
  sets.map(([, records], i) =>
    pct(
      score(
        records,
        records.map((_, j) => ({ language: pick(lidGuesses[i]?.[j] ?? []) }) as unknown as Classification),
      ).language,
    ),
  );
row(
  'fastText lid.176 language',
  lidRow((ranked) => ranked[0]?.alpha2 ?? '?'),
);
row(
  'fastText (ten only)',
  lidRow((ranked) => ranked.find((g) => ten.has(g.alpha2 ?? ''))?.alpha2 ?? '?'),
);

// Throughput: both sets again and again, after a warm-up pass, in ROUNDS rounds of about a second,
// alternating with a peer timed the same way in the same run (tinyld, language only, on our ten), so a
// slow or busy machine shows; the median round of each, the range, and the load average around it
// (figures from a machine whose load is above its cores say more by the ratio than by the count).
const all = sets.flatMap(([, records]) => records);
const ROUNDS = 5;
function oneRound(run: (record: CorpusRecord) => unknown): number {
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < 1000) {
    for (const r of all) run(r);
    done += all.length;
  }
  return done / ((performance.now() - start) / 1000);
}
const oursRun = (r: CorpusRecord) => classifier.classify(r);
const peerRun = (r: CorpusRecord) => tinyld(r.text, { only: [...LANGUAGES] });
for (const r of all) {
  oursRun(r);
  peerRun(r);
}
const loadBefore = loadavg()[0] ?? 0;
const ourRounds: number[] = [];
const peerRounds: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  ourRounds.push(oneRound(oursRun));
  peerRounds.push(oneRound(peerRun));
}
const loadAfter = loadavg()[0] ?? 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const n = (x: number) => Math.round(x).toLocaleString('en');
const ourMedian = median(ourRounds);
console.log(
  `throughput ${n(ourMedian)} messages/s (median of ${ROUNDS} one-second rounds, ${n(Math.min(...ourRounds))}–${n(Math.max(...ourRounds))}; ${(1e6 / ourMedian).toFixed(1)} µs each, both sets); tinyld (ten only, language alone) ${n(median(peerRounds))} messages/s in the same run: ours ${(ourMedian / median(peerRounds)).toFixed(2)} × its speed; load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)} on ${cpus().length} cores`,
);

// What the classifier adds to every Lambda that carries it: its code, models and libphonenumber-js
// metadata bundled and minified as the Lambdas are (ESM, UTF-8, the runtime's Node target). Before
// issue 23 the same build was 249,123 bytes (commit 247c7c6); the target is no growth.
const BEFORE_ISSUE_23 = 249_123;
const bundled = await build({
  entryPoints: ['functions/domain/classify/index.ts'],
  absWorkingDir: REPO_ROOT,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: LAMBDA_NODE_TARGET,
  charset: 'utf8',
  write: false,
  logLevel: 'error',
});
const bytes = bundled.outputFiles[0]?.contents.length ?? 0;
const growth = bytes - BEFORE_ISSUE_23;
console.log(
  `classifier bundle ${bytes.toLocaleString('en')} bytes minified (${growth > 0 ? '+' : ''}${growth.toLocaleString('en')} against ${BEFORE_ISSUE_23.toLocaleString('en')} before issue 23)`,
);
