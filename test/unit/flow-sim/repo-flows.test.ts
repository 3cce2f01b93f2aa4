// Every flow in contact-flows/ must pass the validator with the placeholders listed next to it, checked
// against the flow type its file name deploys it as.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  flowFiles,
  flowTypeOfName,
  PLACEHOLDERS_FILE,
  readPlaceholderNames,
  validateFlow,
} from '../../../local/flow-sim/index';

const dir = join(import.meta.dirname, '../../../contact-flows');
const placeholders = join(dir, PLACEHOLDERS_FILE);

describe('the flows in contact-flows/', () => {
  it('validate without problems', () => {
    const known = existsSync(placeholders) ? readPlaceholderNames(placeholders) : [];
    const problems = Object.fromEntries(
      flowFiles([dir]).map((file) => [
        file,
        validateFlow(readFileSync(file, 'utf8'), {
          knownPlaceholders: known,
          flowType: flowTypeOfName(basename(file, '.json')),
        }).map((p) => p.message),
      ]),
    );
    expect(Object.values(problems).flat(), JSON.stringify(problems, null, 2)).toEqual([]);
  });
});
