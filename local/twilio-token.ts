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
