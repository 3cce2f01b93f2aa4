import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const memory = new Map<string, string>();

/**
 * A secret of the local runtime: `fromEnv` when set, otherwise a random one generated once and kept in
 * the data folder as `file` (readable by this user only), so restarts and CLIs share it; a memory data
 * dir keeps one per process.
 */
export function localSecret(dataDir: string, file: string, fromEnv: string | undefined): string {
  const given = fromEnv?.trim();
  if (given) return given;
  if (dataDir === 'memory') {
    const value = memory.get(file) ?? randomBytes(16).toString('hex');
    memory.set(file, value);
    return value;
  }
  const path = join(dataDir, file);
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const value = randomBytes(16).toString('hex');
    writeFileSync(path, `${value}\n`, { mode: 0o600 });
    return value;
  }
}
