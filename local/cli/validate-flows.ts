// `npm run flows:validate -- [--placeholders <file>] <flow files or folders>` (default: contact-flows/).
// Prints per flow whether it parses, its problems, and the action types the simulator does not play.
// Placeholders are checked against --placeholders, else a placeholders.json beside the flow, else not at all.
// Actions are checked against the flow type the document declares (wrapper Type, Metadata.type), else the
// one its file name gives (customer-queue → CUSTOMER_QUEUE, …, otherwise CONTACT_FLOW), as the CDK app deploys it.
// Exit code 1 when any flow fails to parse or has problems.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  type FlowProblem,
  flowFiles,
  flowTypeOfName,
  PLACEHOLDERS_FILE,
  readPlaceholderNames,
  safeParseFlow,
  validateFlow,
} from '../flow-sim/index';

const args = process.argv.slice(2);
let placeholderFile: string | undefined;
const paths: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string;
  if (arg === '--placeholders') placeholderFile = args[++i];
  else paths.push(arg);
}

let failed = false;
let files: string[];
try {
  files = flowFiles(paths.length > 0 ? paths : ['contact-flows']);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
for (const file of files) {
  const lines = report(file);
  console.log(lines.join('\n'));
}
process.exit(failed ? 1 : 0);

function report(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    failed = true;
    return [`${file}: cannot be read (${(error as Error).message})`];
  }
  const parsed = safeParseFlow(text);
  if (!parsed.ok) {
    failed = true;
    return [
      `${file}: does not parse`,
      ...parsed.issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`),
    ];
  }
  const known = placeholdersFor(file);
  const flowType = parsed.declaredType ?? flowTypeOfName(basename(file, '.json'));
  const problems = validateFlow(parsed.flow, { flowType, ...(known ? { knownPlaceholders: known } : {}) });
  const unsupported = problems.filter((p) => p.code === 'unsupported-action');
  const others = problems.filter((p) => p.code !== 'unsupported-action');
  if (problems.length > 0) failed = true;
  const types = [...new Set(unsupported.map((p) => typeOf(parsed.flow.Actions, p)))];
  return [
    `${file}: parses, ${flowType}, ${parsed.flow.Actions.length} actions, ${others.length} problem(s)${known ? '' : ' (placeholders not checked)'}`,
    ...others.map((p) => `  - [${p.code}] ${p.message}`),
    `  unsupported action types: ${types.length > 0 ? types.map((t) => `${t} ×${count(unsupported, parsed.flow.Actions, t)}`).join(', ') : 'none'}`,
  ];
}

function placeholdersFor(file: string): string[] | undefined {
  const source = placeholderFile ?? join(dirname(file), PLACEHOLDERS_FILE);
  if (!existsSync(source)) return undefined;
  return readPlaceholderNames(source);
}

function typeOf(actions: { Identifier: string; Type: string }[], problem: FlowProblem): string {
  return actions.find((a) => a.Identifier === problem.actionId)?.Type ?? '?';
}

function count(
  problems: FlowProblem[],
  actions: { Identifier: string; Type: string }[],
  type: string,
): number {
  return problems.filter((p) => typeOf(actions, p) === type).length;
}
