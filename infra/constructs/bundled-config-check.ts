import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadPhoneLines } from '../../functions/domain/ivr/phone-lines-schema';
import type { HolidayCalendar } from '../../functions/domain/routing/holiday-calendar';
import { loadRoutingPolicy } from '../../functions/domain/routing/load-policy';
import { trustedPhoneLines, trustedRoutingPolicy } from '../../functions/shared/trusted-config';

/** The configuration files bundled into the Lambdas, read there without zod (functions/shared/trusted-config.ts). */
export const BUNDLED_CONFIG = {
  routingPolicy: 'policy/routing-policy.json',
  phoneLines: 'policy/phone-lines.json',
} as const;

/**
 * Validates the bundled files with their schemas and checks that the Lambdas' unvalidated readers
 * give exactly the validated result (with the holiday calendar baked in beside the policy), so a bad
 * file fails synthesis instead of a cold start.
 */
export function checkBundledConfig(root: string, calendar: HolidayCalendar): void {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const pairs = [
    [
      BUNDLED_CONFIG.routingPolicy,
      (json: unknown) => loadRoutingPolicy(json, () => calendar),
      (json: unknown) => trustedRoutingPolicy(json, calendar),
    ],
    [BUNDLED_CONFIG.phoneLines, loadPhoneLines, trustedPhoneLines],
  ] as const;
  for (const [file, validate, trusted] of pairs) {
    let validated: unknown;
    try {
      validated = validate(read(file));
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
    }
    if (!isDeepStrictEqual(trusted(read(file)), validated))
      throw new Error(
        `${file}: the Lambdas' reader (functions/shared/trusted-config.ts) does not give what the schema gives; fill in the new default there`,
      );
  }
}
