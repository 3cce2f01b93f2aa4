import type { PhoneLines } from '../../../functions/domain/ivr/phone-lines';
import type { Language } from '../../../functions/domain/languages';
import type { LocalApp } from '../../app';
import { playCall } from '../../doors/voice/call-session';
import type { AskOptions } from '../../flow-sim';
import type { TryResult } from './try-body';

/** A call placed from the panel: who calls which country's line, what they key in and say. */
export interface GuestCall {
  readonly from: string;
  readonly language?: Language | undefined;
  readonly bookingRef?: string | undefined;
  readonly pin?: string | undefined;
  readonly said: string;
}

// A caller who keeps being asked again hangs up rather than loop (the IVR bounds its retries too).
const MAX_ANSWERS = 12;

/** The country line of a language (else of the lines' default language): the number the guest dials. */
export function lineFor(lines: PhoneLines, language: Language | undefined): string {
  const wanted = language ?? lines.defaultLanguage;
  const country = Object.entries(lines.lines).filter(([, line]) => line.kind !== 'loyalty');
  const match = country.find(([, line]) => line.language === wanted) ?? country[0];
  return match?.[0] ?? '';
}

/**
 * Answers the IVR as the panel's guest would. Keys: the booking reference at the 10-digit question
 * (just "#" without one, as the prompt says), the PIN at the short one. One-key menus: silence at the
 * first (the language menu: the guest dialled their language's line, so stays on it), the guest's
 * sentence at the next ones (the topic menu understands speech). A menu that stores no input is the
 * booking status's "press 1 to speak with an agent": the guest asks for one.
 */
export function scriptedCaller(call: GuestCall): (options: AskOptions) => string | undefined {
  let asked = 0;
  let menus = 0;
  return (options) => {
    asked += 1;
    if (asked > MAX_ANSWERS) return undefined;
    if (options.kind === 'menu') return '1';
    const end = options.terminator || '#';
    if (options.maxDigits >= 10) return `${call.bookingRef ?? ''}${end}`;
    if (options.maxDigits > 1) return call.pin ? `${call.pin}${end}` : undefined;
    menus += 1;
    return menus === 1 ? undefined : call.said || undefined;
  };
}

/**
 * Places the call through the voice door: contact-flows/main-inbound.json played by the flow simulator,
 * its IVR Lambda being the runtime's POST /connect/ivr, as `npm run call` does.
 */
export async function tryThroughVoiceDoor(
  app: LocalApp,
  localUrl: string,
  lines: PhoneLines,
  call: GuestCall,
): Promise<TryResult> {
  const transcript: string[] = [];
  const caller = scriptedCaller(call);
  const to = lineFor(lines, call.language);
  const result = await playCall(
    { url: localUrl, to, from: call.from },
    {
      print: (line) => transcript.push(line.trim()),
      answer: async (_prompt, options) => {
        const typed = caller(options);
        transcript.push(`> ${typed ?? '(silence)'}`);
        return typed;
      },
    },
  );
  const caseNumber = result.attributes.caseNumber || undefined;
  const contacts = caseNumber ? await app.cases.listContactsOfCase(caseNumber) : [];
  const record = contacts.filter((c) => c.channel === 'voice').at(-1);
  const end = result.end;
  return {
    door: 'connect-flow',
    via: `a call to ${to} through contact-flows/main-inbound.json (flow simulator; IVR Lambda at POST /connect/ivr)`,
    note:
      end.kind === 'queue'
        ? `queued at priority ${end.priority}`
        : end.kind === 'error'
          ? `the flow failed in ${end.flowName}/${end.actionId}: ${end.message}`
          : `the call ended (${end.kind})`,
    contactId: record?.id,
    caseNumber,
    queue: end.kind === 'queue' ? result.attributes.queue || end.queueName : record?.decision.queue,
    priority: end.kind === 'queue' ? end.priority : record?.decision.priority,
    transcript,
  };
}
