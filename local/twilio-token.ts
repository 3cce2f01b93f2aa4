import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localSecret } from './local-secret';

const TOKEN_FILE = 'twilio-auth-token';

/**
 * The auth token the local Twilio doors check signatures with: TWILIO_AUTH_TOKEN when set (a real
 * Twilio number pointed at this machine through a tunnel signs with the account's token), otherwise a
 * random one generated once and kept in the data folder (one per process for a memory data dir). Only
 * this user may read the file: it is what makes a request to the local doors count as Twilio's.
 */
export function localTwilioAuthToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return localSecret(dataDir, TOKEN_FILE, env.TWILIO_AUTH_TOKEN);
}

/** Where a data folder keeps its generated Twilio auth token. */
export function twilioTokenFile(dataDir: string): string {
  return join(dataDir, TOKEN_FILE);
}

/**
 * The token a CLI signs with for a runtime using `dataDir`: TWILIO_AUTH_TOKEN, else the runtime's
 * generated file. Read only: a CLI never makes a token of its own (it would only be refused).
 */
export function readTwilioAuthToken(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const given = env.TWILIO_AUTH_TOKEN?.trim();
  if (given) return given;
  if (dataDir === 'memory') return undefined;
  try {
    return readFileSync(twilioTokenFile(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * How the start banner names the token: a real account's token (TWILIO_AUTH_TOKEN) masked to its last
 * four characters, since logs and screens are shared; the generated local one in full (it signs for this
 * machine only).
 */
export function describeTwilioAuthToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const token = localTwilioAuthToken(dataDir, env);
  if (env.TWILIO_AUTH_TOKEN?.trim()) return `from TWILIO_AUTH_TOKEN, ••••${token.slice(-4)}`;
  return dataDir === 'memory' ? `${token}, this process only` : `${token}, in ${twilioTokenFile(dataDir)}`;
}
