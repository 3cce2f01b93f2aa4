import { z } from 'zod';
import { ValidationError } from '../../domain/errors';
import { LANGUAGES } from '../../domain/languages';
import { TEMPLATE_PURPOSES, type WhatsAppTemplates } from '../../domain/outbound/whatsapp-templates';
import { formatPath } from '../../domain/routing/load-policy';

// Twilio's Content API: "A Content SID … is a 34-character string that starts with HX" (HX + 32 hex).
const CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;

const byLanguage = z.partialRecord(
  z.enum(LANGUAGES),
  z.string().regex(CONTENT_SID, { error: 'expected a Twilio Content SID (HX + 32 hex digits)' }),
);

/**
 * The deploy config's `twilio.whatsAppTemplates`: purpose (agent_reply, survey, notification,
 * case_update) → language → the Content SID of a template WhatsApp approved. Unknown purposes and
 * languages are refused, so a typo cannot leave a template unused without anyone noticing.
 */
export const whatsAppTemplatesSchema = z.partialRecord(z.enum(TEMPLATE_PURPOSES), byLanguage);

/**
 * Reads the WhatsApp templates from JSON text (an environment variable) or parsed JSON; empty means
 * none. A bad entry is a ValidationError naming `source` and the entry's path.
 */
export function parseWhatsAppTemplates(json: unknown, source: string): WhatsAppTemplates {
  let value = json;
  if (typeof json === 'string') {
    if (json.trim() === '') return {};
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new ValidationError(source, `not JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  if (value === undefined) return {};
  const parsed = whatsAppTemplatesSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [source, formatPath(issue?.path ?? [])].filter(Boolean).join('.');
  // An unknown key is reported as "Unrecognized key"; say what is known at that level.
  const known = issue?.path.length
    ? `languages ${LANGUAGES.join(', ')}`
    : `purposes ${TEMPLATE_PURPOSES.join(', ')}`;
  const message =
    issue?.code === 'unrecognized_keys' ? `${issue.message}; expected one of the ${known}` : issue?.message;
  throw new ValidationError(path, message ?? 'invalid', { cause: parsed.error });
}
