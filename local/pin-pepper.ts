import { localSecret } from './local-secret';

/**
 * The pepper of the local runtime's PIN hashes: PIN_PEPPER when set, otherwise one generated once and
 * kept in the data folder as `pin-pepper` (the Stack's Secrets Manager secret plays this part in AWS).
 * Deleting the file makes the PINs stored in that folder unverifiable: re-import the bookings then.
 */
export function localPinPepper(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return localSecret(dataDir, 'pin-pepper', env.PIN_PEPPER);
}
