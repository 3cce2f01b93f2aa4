// Reading flow files for the CLI and tests: a file, or every *.json in a folder (placeholders.json excepted).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The name of the file listing allowed placeholders next to the flows. */
export const PLACEHOLDERS_FILE = 'placeholders.json';

/** Flow files named by the given paths: files as given, folders expanded to their *.json files, sorted. */
export function flowFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => name.endsWith('.json') && name !== PLACEHOLDERS_FILE)
      .sort()
      .map((name) => join(path, name));
  });
}

/** The placeholder names in a `{"placeholders": {"Name": "what it is"}}` file. */
export function readPlaceholderNames(path: string): string[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { placeholders?: unknown };
  if (typeof parsed.placeholders !== 'object' || parsed.placeholders === null) {
    throw new Error(`${path}: expected {"placeholders": {"Name": "description", ...}}`);
  }
  return Object.keys(parsed.placeholders);
}
