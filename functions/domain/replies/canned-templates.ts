import type { Booking } from '../booking';
import { formatStayDate } from '../i18n/dates';
import type { Language } from '../languages';
import { TEMPLATE_IDS, TEMPLATE_TEXTS, type TemplateId } from './template-texts';

/** Placeholders filled from the case's verified booking, and only from it. */
export const BOOKING_PLACEHOLDERS = ['property', 'checkIn', 'checkOut'] as const;
/** Placeholders the agent fills (`variables` of a reply). */
export const AGENT_PLACEHOLDERS = ['time'] as const;
const VARIABLE_MAX = 100;

/** What a template may be filled from: the case, and its booking only once the guest is verified. */
export interface TemplateFacts {
  readonly caseNumber: string;
  readonly language: Language;
  /** The booking the guest proved to hold (PIN or sender match); never a booking merely named. */
  readonly verifiedBooking?: Booking | undefined;
}

/** A canned answer as listed to agents. */
export interface TemplateInfo {
  readonly id: TemplateId;
  /** Placeholders filled from the verified booking: the case needs one. */
  readonly fromBooking: readonly string[];
  /** Placeholders the agent must give as `variables`. */
  readonly fromAgent: readonly string[];
  readonly texts: Readonly<Record<Language, string>>;
}

/** Why a template cannot be sent on a case; `needs_verified_booking` is the case's state, the rest the request's. */
export type TemplateRefusal =
  | 'unknown_template'
  | 'needs_verified_booking'
  | 'missing_variable'
  | 'unknown_variable'
  | 'invalid_variable';

/** A filled template, or why not (with a sentence for the agent). */
export type FilledTemplate =
  | { readonly ok: true; readonly id: TemplateId; readonly text: string }
  | { readonly ok: false; readonly reason: TemplateRefusal; readonly message: string };

const slotsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
const isBookingSlot = (name: string) => (BOOKING_PLACEHOLDERS as readonly string[]).includes(name);
const isAgentSlot = (name: string) => (AGENT_PLACEHOLDERS as readonly string[]).includes(name);

/** Whether a string names a canned answer. */
export function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}

/** Every canned answer with its texts and where its placeholders come from. */
export function listTemplates(): TemplateInfo[] {
  return TEMPLATE_IDS.map((id) => {
    const slots = slotsOf(TEMPLATE_TEXTS.en[id]);
    const texts = Object.fromEntries(
      Object.entries(TEMPLATE_TEXTS).map(([language, set]) => [language, set[id]]),
    ) as Record<Language, string>;
    return { id, fromBooking: slots.filter(isBookingSlot), fromAgent: slots.filter(isAgentSlot), texts };
  });
}

function refuse(reason: TemplateRefusal, message: string): FilledTemplate {
  return { ok: false, reason, message };
}

/**
 * Fills a canned answer in the case's language. Booking placeholders come only from the verified
 * booking (an unverified case gets only its case number, so a template naming dates is refused, never
 * sent with a gap); agent placeholders only from `variables`, which may name nothing else.
 */
export function fillTemplate(
  id: string,
  facts: TemplateFacts,
  variables: Readonly<Record<string, string>> = {},
): FilledTemplate {
  if (!isTemplateId(id))
    return refuse('unknown_template', `no template "${id}" (GET /api/templates lists them)`);
  const text = TEMPLATE_TEXTS[facts.language][id];
  const slots = slotsOf(text);
  for (const [name, value] of Object.entries(variables)) {
    if (!slots.includes(name) || !isAgentSlot(name))
      return refuse(
        'unknown_variable',
        isBookingSlot(name)
          ? `"${name}" is filled from the verified booking only, never by the agent`
          : `template ${id} has no placeholder "${name}" for the agent to fill`,
      );
    if (value.trim() === '' || value.length > VARIABLE_MAX || /[\r\n]/.test(value))
      return refuse('invalid_variable', `"${name}" must be one line of 1 to ${VARIABLE_MAX} characters`);
  }
  const booking = facts.verifiedBooking;
  if (slots.some(isBookingSlot) && !booking)
    return refuse(
      'needs_verified_booking',
      `template ${id} needs the guest's verified booking (${slots.filter(isBookingSlot).join(', ')}); this case has none`,
    );
  const values: Record<string, string> = { case: facts.caseNumber };
  if (booking) {
    values.property = booking.propertyName;
    values.checkIn = formatStayDate(facts.language, booking.checkIn);
    values.checkOut = formatStayDate(facts.language, booking.checkOut);
  }
  for (const name of slots.filter(isAgentSlot)) {
    const given = variables[name];
    if (given === undefined)
      return refuse('missing_variable', `template ${id} needs "${name}" in "variables"`);
    values[name] = given.trim();
  }
  return { ok: true, id, text: text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '') };
}
