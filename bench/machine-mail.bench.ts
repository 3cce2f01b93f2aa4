// Machine-mail recognition on the labelled corpus (test/fixtures/email/machine: real samples from mail
// libraries' test suites, and samples written here where no permissively licensed one was found), and,
// when present, on the shared third-party fixtures with their MANIFEST expectations. Prints figures;
// asserts nothing (test/unit/email/machine-corpus.test.ts does).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figuresOf, type Judged, judgeCorpus, judgeFolder } from '../test/fixtures/email/machine/corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.SHARED_FIXTURES ?? join(root, '..', 'shared', 'fixtures');

function ratio(part: number, whole: number): string {
  return `${part}/${whole} (${whole === 0 ? '—' : (part / whole).toFixed(3)})`;
}

function report(title: string, judged: readonly Judged[]): void {
  const f = figuresOf(judged);
  console.log(`${title}`);
  console.log(`  machine recall (no acknowledgement):  ${ratio(f.machinesRecognised, f.machines)}`);
  console.log(`  people acknowledged:                  ${ratio(f.peopleAnswered, f.people)}`);
  for (const file of f.missedMachines) console.log(`  MISSED machine: ${file}`);
  for (const file of f.silencedPeople) console.log(`  SILENCED person: ${file}`);
}

// MANIFEST rows: | `email/<file>` | repo | path | commit | license | `expected` | exercises |
function manifestLabels(): Map<string, 'machine' | 'person'> {
  const labels = new Map<string, 'machine' | 'person'>();
  for (const line of readFileSync(join(shared, 'MANIFEST.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/`/g, ''));
    const file = cells[1]?.match(/^email\/(.+)$/)?.[1];
    const expected = cells[6] ?? '';
    if (!file) continue;
    if (expected === 'ack') labels.set(file, 'person');
    else if (expected.startsWith('no-ack')) labels.set(file, 'machine');
  }
  return labels;
}

const corpus = await judgeCorpus();
const real = corpus.filter((j) => !j.file.startsWith('written-'));
const written = corpus.filter((j) => j.file.startsWith('written-'));
report(`corpus: ${corpus.length} samples`, corpus);
report(`  of which real samples from public test suites: ${real.length}`, real);
report(`  of which written for this project: ${written.length}`, written);

const reasons = new Map<string, number>();
for (const j of corpus) if (j.reason) reasons.set(j.reason, (reasons.get(j.reason) ?? 0) + 1);
console.log(`reasons: ${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ')}`);

if (existsSync(join(shared, 'MANIFEST.md'))) {
  const labels = manifestLabels();
  const folder = join(shared, 'email');
  const judged = [
    ...(await judgeFolder(folder, 'machine', (f) => labels.get(f) === 'machine')),
    ...(await judgeFolder(folder, 'person', (f) => labels.get(f) === 'person')),
  ];
  report(`shared fixtures (${folder}, MANIFEST expectations): ${judged.length} samples`, judged);
} else {
  console.log(`shared fixtures: none at ${shared} (set SHARED_FIXTURES)`);
}
