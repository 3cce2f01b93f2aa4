import type { Language } from '../languages';
import type { TemplatePurpose } from './messenger';

/** Every purpose a pre-approved template can serve (TemplatePurpose as a list, for config checks). */
export const TEMPLATE_PURPOSES = [
  'agent_reply',
  'survey',
  'notification',
  'case_update',
] as const satisfies readonly TemplatePurpose[];

/**
 * The deployment's pre-approved WhatsApp templates: purpose → language → the provider's template id
 * (a Twilio Content SID). A purpose or language left out has no template: a message that needs one is
 * refused with that reason, never sent as free text.
 */
export type WhatsAppTemplates = Readonly<
  Partial<Record<TemplatePurpose, Readonly<Partial<Record<Language, string>>>>>
>;

/** The configured template id for this purpose and language, if any. */
export function templateIdFor(
  templates: WhatsAppTemplates,
  purpose: TemplatePurpose,
  language: Language,
): string | undefined {
  return templates[purpose]?.[language];
}
