import { parsePepperRing } from '../functions/adapters/crypto/pepper-ring';
import { localSecret } from './local-secret';

/**
 * The pepper of the local runtime's PIN hashes: PIN_PEPPER when set, otherwise one generated once and
 * kept in the data folder as `pin-pepper` (the Stack's Secrets Manager secret plays this part in AWS).
 * Either may hold a rotation, `{"current": "…", "previous": "…"}`, as the secret does. Deleting the file
 * makes the PINs stored in that folder unverifiable: re-import the bookings then. A pepper that is no
 * pepper (too short, malformed JSON ring) stops the start, naming where it came from.
 */
export function localPinPepper(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const pepper = localSecret(dataDir, 'pin-pepper', env.PIN_PEPPER);
  try {
    parsePepperRing(pepper);
  } catch (error) {
    const source = env.PIN_PEPPER ? 'PIN_PEPPER' : `${dataDir}/pin-pepper`;
    throw new Error(`${source}: ${(error as Error).message}`);
  }
  return pepper;
}
