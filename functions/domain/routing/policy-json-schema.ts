import { z } from 'zod';
import { routingPolicySchema } from './policy-schema';

/**
 * The JSON Schema of the routing policy file (as written: defaults may be left out), as the text
 * committed in policy/routing-policy.schema.json. Editors use it; cross-field rules live in zod only.
 */
export function routingPolicyJsonSchemaText(): string {
  const schema = z.toJSONSchema(routingPolicySchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Contact router routing policy' }, null, 2)}\n`;
}
