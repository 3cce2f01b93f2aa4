import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN_FILE = 'twilio-auth-token';
let memoryToken: string | undefined;

/** Where the local runtime keeps its generated Twilio auth token, so restarts and CLIs share it. */
export function twilioTokenFile(dataDir: string): string {
  return join(dataDir, TOKEN_FILE);
}

/**
 * The auth token the local Twilio doors check signatures with: TWILIO_AUTH_TOKEN when set (a real
 * Twilio number pointed at this machine through a tunnel signs with the account's token), otherwise a
 * random one generated once and kept in the data folder (one per process for a memory data dir).
 */
export function localTwilioAuthToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.TWILIO_AUTH_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  if (dataDir === 'memory') {
    memoryToken ??= randomBytes(16).toString('hex');
    return memoryToken;
  }
  const file = twilioTokenFile(dataDir);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const token = randomBytes(16).toString('hex');
    // Only this user may read it: it is what makes a request to the local doors count as Twilio's.
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    return token;
  }
}
