// Writes policy/routing-policy.schema.json from the zod schema; a unit test fails when the committed file drifts.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routingPolicyJsonSchemaText } from '../functions/domain/routing/policy-json-schema';

const target = join(dirname(fileURLToPath(import.meta.url)), 'routing-policy.schema.json');
writeFileSync(target, routingPolicyJsonSchemaText());
console.log(`wrote ${target}`);
