import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const PLACEHOLDER = /%([A-Za-z][A-Za-z0-9]*)%/g;

/** A flow names a placeholder nobody knows, or one the CDK app has no value for: synthesis stops. */
export class FlowPlaceholderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlowPlaceholderError';
  }
}

/** The allowed placeholder names from a placeholders.json ({"placeholders": {name: description}}). */
export function readKnownPlaceholders(file: string): Set<string> {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { placeholders?: Record<string, string> };
  if (!json.placeholders || typeof json.placeholders !== 'object')
    throw new FlowPlaceholderError(`${file}: expected {"placeholders": {"Name": "what it is"}}`);
  return new Set(Object.keys(json.placeholders));
}

/** Every %Name% a flow's text uses, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Replaces each %Name% in a flow's JSON text by its value (usually a CDK token, which CloudFormation
 * resolves at deploy). Throws naming the flow and the placeholder when a name is not listed in
 * placeholders.json or the app has no value for it, so a typo never reaches Connect.
 */
export function substitutePlaceholders(
  flowName: string,
  text: string,
  known: ReadonlySet<string>,
  values: Readonly<Record<string, string>>,
): string {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new FlowPlaceholderError(`contact flow ${flowName}: not valid JSON: ${(error as Error).message}`);
  }
  for (const name of placeholdersIn(text)) {
    if (!known.has(name))
      throw new FlowPlaceholderError(
        `contact flow ${flowName}: unknown placeholder %${name}% (not listed in placeholders.json)`,
      );
    if (values[name] === undefined)
      throw new FlowPlaceholderError(
        `contact flow ${flowName}: placeholder %${name}% has no value in the CDK app (values for: ${Object.keys(values).sort().join(', ')})`,
      );
  }
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

/** A flow file: its name (file name without .json) and its JSON text. */
export interface FlowFile {
  readonly name: string;
  readonly text: string;
}

/** The flows of a directory (every *.json but placeholders.json), sorted by name. */
export function readFlowFiles(directory: string): FlowFile[] {
  return readdirSync(directory)
    .filter((f) => f.endsWith('.json') && f !== 'placeholders.json')
    .sort()
    .map((f) => ({ name: basename(f, '.json'), text: readFileSync(join(directory, f), 'utf8') }));
}

/** PascalCase of a kebab-case id: "fr-team" → "FrTeam", "global-247" → "Global247". */
export function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}
