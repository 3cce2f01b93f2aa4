// `npm run call -- --to <dialled number> --from <caller id>`: a phone call to the running local runtime,
// played through contact-flows/main-inbound.json. Type keys (1, 1000000016#) or a sentence (speech);
// an empty line is silence. When stdin is not a terminal, each line answers one question.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { playCall } from '../doors/voice/call-session';
import { findRuntime, whereLooked } from './find-runtime';

function usage(problem: string): never {
  console.error(
    `${problem}\nusage: npm run call -- --to <dialled E.164> [--from <caller E.164> | --from anonymous] [--url http://127.0.0.1:3000]`,
  );
  process.exit(2);
}

const { values } = parseArgs({
  options: { to: { type: 'string' }, from: { type: 'string' }, url: { type: 'string' } },
});
if (!values.to) usage('--to is required (e.g. +33199001100, the French line)');
const url = values.url ?? (await findRuntime())?.url;
if (!url) usage(`cannot find a running runtime (is \`npm start\` running?): ${whereLooked()}`);
const from = !values.from || values.from === 'anonymous' ? null : values.from;

const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY === true });
const scripted: string[] = [];
let ended = false;
const waiting: ((line: string | undefined) => void)[] = [];
rl.on('line', (line) => {
  const next = waiting.shift();
  if (next) next(line);
  else scripted.push(line);
});
rl.on('close', () => {
  ended = true;
  for (const resolve of waiting.splice(0)) resolve(undefined);
});
const readLine = (): Promise<string | undefined> => {
  if (scripted.length > 0) return Promise.resolve(scripted.shift());
  if (ended) return Promise.resolve(undefined);
  if (process.stdin.isTTY) process.stdout.write('> ');
  return new Promise((resolve) => waiting.push(resolve));
};

console.log(`Calling ${values.to} from ${from ?? 'a withheld number'} (${url})`);
try {
  const result = await playCall(
    { url, to: values.to, from },
    {
      print: (line) => console.log(line),
      answer: async () => {
        const line = await readLine();
        // What was pressed stays in the transcript above the next prompt, typed or piped.
        if (!process.stdin.isTTY && line !== undefined) console.log(`> ${line}`);
        const keys = line?.replace(/\s+/g, '');
        if (keys && /^[0-9*#]+$/.test(keys)) console.log(`  (keys ${keys.split('').join(' ')})`);
        return line;
      },
    },
  );
  const end = result.end;
  if (end.kind === 'queue') {
    const queue = result.attributes.queue || end.queueName;
    console.log(
      `Call queued: ${queue} at priority ${end.priority}${result.attributes.caseNumber ? `, case ${result.attributes.caseNumber}` : ''}`,
    );
    console.log(`  see it waiting: curl ${url}/api/queues`);
  } else if (end.kind === 'error') {
    console.log(`Call failed in ${end.flowName}/${end.actionId} (${end.actionType}): ${end.message}`);
    process.exitCode = 1;
  } else
    console.log(
      `Call ended (${end.kind})${result.attributes.caseNumber ? `, case ${result.attributes.caseNumber}` : ''}`,
    );
} catch (error) {
  console.error(`Cannot call: ${(error as Error).message} (is the local runtime running? npm start)`);
  process.exitCode = 1;
} finally {
  rl.close();
}
