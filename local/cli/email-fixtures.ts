// `npx tsx local/cli/email-fixtures.ts <folder> [--manifest MANIFEST.md]`: starts a throw-away local runtime
// (in memory), sends every file of the folder over SMTP to its email door, and prints what became of each;
// each file goes to its own +tagged address so that fixtures sharing a Message-ID are not merged;
// with a manifest (rows "| `email/<file>` | … | `expected` | … |") it also says whether that was expected.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readConfig } from '../config';
import { emailDoorAddress } from '../doors/email-door';
import { startRuntime } from '../runtime';
import { sendRaw } from './email-send';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** What the door did with one file, in the manifest's words: "ack" or "no-ack:<reason>". */
export function verdictOf(reply: string): string {
  if (/^\d{3} /.test(reply) && !reply.startsWith('250')) return `error: ${reply}`;
  if (/; duplicate;/.test(reply)) return 'duplicate';
  const why = /no-reply ([\w-]+(?: [\w-]+)*)$/.exec(reply)?.[1];
  return why ? `no-ack:${why}` : 'ack';
}

function expectations(manifest: string | undefined): Map<string, string> {
  const expected = new Map<string, string>();
  if (!manifest) return expected;
  for (const line of readFileSync(manifest, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`email\/(.+)`$/.exec(cells[1] ?? '')?.[1];
    const value = cells[6]?.replace(/`/g, '');
    if (file && value) expected.set(file, value);
  }
  return expected;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--'));
  const at = args.indexOf('--manifest');
  if (!folder) throw new Error('usage: email-fixtures <folder> [--manifest MANIFEST.md]');
  const expected = expectations(at >= 0 ? args[at + 1] : undefined);
  process.env.SMTP_PORT = '0';
  const config = { ...readConfig({ PORT: '0', SEED_DEMO: 'true' }), dataDir: 'memory' };
  const runtime = await startRuntime(config);
  const port = emailDoorAddress(runtime.banner)?.port ?? Number.NaN;
  let matches = 0;
  let mismatches = 0;
  console.log('| file | expected | result | door reply |\n| --- | --- | --- | --- |');
  try {
    // Each file goes to its own +tagged address: fixtures that share a Message-ID are judged on their own.
    for (const [i, file] of readdirSync(folder).sort().entries()) {
      let reply: string;
      try {
        reply = await sendRaw(readFileSync(join(folder, file)), {
          host: config.host,
          port,
          to: `support+fixture${i}@contact-router.local`,
        });
      } catch (error) {
        reply = (error as Error).message;
      }
      const got = verdictOf(reply);
      const want = expected.get(basename(file));
      const ok = want === undefined || want === '—' ? 'n/a' : want === got ? 'match' : 'MISMATCH';
      if (ok === 'match') matches++;
      if (ok === 'MISMATCH') mismatches++;
      console.log(`| ${file} | ${want ?? '?'} | ${got} (${ok}) | ${reply.replace(/\|/g, '/')} |`);
    }
  } finally {
    await runtime.close();
  }
  console.log(`\n${matches} match, ${mismatches} mismatch`);
  process.exitCode = mismatches > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
