import type { OutboundKind, OutboundMessage, TemplatePurpose, TemplateUse } from './messenger';
import { templateIdFor, type WhatsAppTemplates } from './whatsapp-templates';

/**
 * How long after the guest's last message a business may answer on WhatsApp in free text (Twilio error
 * 63016, "Outside messaging window": free-form only within 24 hours of the user's last inbound
 * message; after that only an approved template, sent with ContentSid and ContentVariables).
 */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** How a WhatsApp message may go: as free text, as this template, or not at all (and why). */
export type WhatsAppForm =
  | { readonly form: 'text' }
  | { readonly form: 'template'; readonly template: TemplateUse }
  | { readonly refused: string };

// An acknowledgement answers the guest's own message, so it is late only when delivery was late.
const PURPOSE_OF: Record<OutboundKind, TemplatePurpose> = {
  acknowledgement: 'case_update',
  agent_reply: 'agent_reply',
  survey: 'survey',
  notification: 'notification',
  incident: 'notification',
};

// Twilio error 63021: a WhatsApp template's text and its variables together stay within 1,024
// characters; the template's own words need room too.
const VARIABLES_MAX = 900;

/** Whether free text may still go: the guest wrote less than 24 hours before `now`. */
export function insideWhatsAppWindow(lastInboundAt: string | undefined, now: Date): boolean {
  if (!lastInboundAt) return false;
  const last = Date.parse(lastInboundAt);
  return Number.isFinite(last) && now.getTime() - last < WHATSAPP_WINDOW_MS;
}

/**
 * A template variable as WhatsApp takes it (Twilio error 63013: no empty value, no run of more than four
 * spaces, no consecutive new lines): every run of white space becomes one space.
 */
export function templateVariable(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * How `message` may go on WhatsApp when the guest last wrote at `lastInboundAt` (undefined: never on
 * this channel). Inside the window free text goes, unless the producer chose a template that is
 * configured. Outside it only an approved template for the message's purpose and language goes: the
 * producer's variables, or by default {{1}} the case number and {{2}} the text on one line. No template
 * configured, or variables WhatsApp would reject: refused with the reason, so the message is kept, not lost.
 */
export function whatsAppForm(
  message: OutboundMessage,
  lastInboundAt: string | undefined,
  now: Date,
  templates: WhatsAppTemplates,
): WhatsAppForm {
  const inside = insideWhatsAppWindow(lastInboundAt, now);
  const purpose = message.template?.purpose ?? PURPOSE_OF[message.kind];
  const configured = templateIdFor(templates, purpose, message.language) !== undefined;
  if (inside && !(message.template && configured)) return { form: 'text' };
  if (!configured)
    return {
      refused: `outside WhatsApp's 24-hour window (${lastInboundAt ? `the guest last wrote at ${lastInboundAt}` : 'the guest never wrote on WhatsApp'}) and no approved template for ${purpose} in ${message.language} is configured (whatsAppTemplates.${purpose}.${message.language})`,
    };
  const given = message.template?.variables ?? { '1': message.caseNumber, '2': message.text };
  const variables = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, templateVariable(v)]));
  const empty = Object.keys(variables).find((k) => variables[k] === '');
  if (empty) return { refused: `template variable {{${empty}}} is empty; WhatsApp refuses empty values` };
  const length = Object.values(variables).reduce((sum, v) => sum + v.length, 0);
  if (length > VARIABLES_MAX)
    return {
      refused: `the template variables hold ${length} characters; a WhatsApp template takes at most ${VARIABLES_MAX} besides its own text (shorten the reply, or wait for the guest to write)`,
    };
  return { form: 'template', template: { purpose, variables } };
}
