import type { ConnectContactFlowEvent } from 'aws-lambda';
import { ValidationError } from '../../domain/errors';
import {
  IVR_STEPS,
  type IvrCall,
  type IvrDeps,
  type IvrStep,
  type IvrTurn,
  ivrTurn,
  type Prompt,
  PromptBook,
  pollyVoice,
  promptText,
  stateFromMap,
  stateToMap,
} from '../../domain/ivr';
import { dialledLine } from '../../domain/ivr/phone-lines';
import { LANGUAGES } from '../../domain/languages';

/** The IVR as Amazon Connect calls it: the domain steps plus the Connect queue ARN of each policy queue. */
export interface ConnectIvrDeps extends IvrDeps {
  /** Policy queue id → Connect queue ARN (the flow's UpdateContactTargetQueue takes the ARN). */
  readonly queueArns: Readonly<Record<string, string>>;
}

/**
 * The main flow plays the language menu as this many slots, each `menuN` read by `menuVoiceN`: Connect
 * skips text its Polly voice cannot read, so one voice for the whole menu would leave some languages unsaid.
 */
export const MENU_SLOTS = LANGUAGES.length;

const E164 = /^\+[1-9]\d{6,14}$/;
// Contacts that already went through the IVR once (a transfer, a callback) resume at the queue.
const RESUMING = new Set(['TRANSFER', 'QUEUE_TRANSFER', 'CALLBACK']);

/** The call behind a flow event; a withheld or non-phone caller id is null, never an invented number. */
export function callOf(event: ConnectContactFlowEvent): IvrCall {
  const data = event.Details.ContactData;
  const address = data.CustomerEndpoint?.Address ?? null;
  return {
    callId: data.InitialContactId || data.ContactId,
    from: address && E164.test(address) ? address : null,
    to: data.SystemEndpoint?.Address ?? '',
  };
}

function stepOf(event: ConnectContactFlowEvent): IvrStep {
  const raw = event.Details.Parameters?.step;
  const step = IVR_STEPS.find((s) => s === raw);
  if (!step) throw new ValidationError('Details.Parameters.step', `expected one of ${IVR_STEPS.join(', ')}`);
  return step;
}

async function turnFor(
  deps: ConnectIvrDeps,
  event: ConnectContactFlowEvent,
  call: IvrCall,
): Promise<IvrTurn> {
  const data = event.Details.ContactData;
  const params = event.Details.Parameters ?? {};
  const step = stepOf(event);
  const attributes = data.Attributes ?? {};
  const fallbackLanguage = dialledLine(deps.lines, call.to).language;
  if (step === 'start' && RESUMING.has(data.InitiationMethod) && attributes.queue && attributes.caseNumber) {
    const state = stateFromMap(attributes, fallbackLanguage);
    return {
      next: 'queue',
      state,
      prompt: [],
      announce: [new PromptBook(state.language, 'connect').say('holdOn')],
    };
  }
  const state = step === 'start' ? undefined : stateFromMap(attributes, fallbackLanguage);
  return ivrTurn(deps, call, step, state, {
    digits: params.input,
    queuedVia: params.via === 'fallback' ? 'fallback' : params.via === 'team' ? 'team' : undefined,
  });
}

/**
 * Answers one IVR Lambda invocation from a Connect flow with a flat string map: what to do next, the
 * prompts in the caller's language (flows carry no prompt text), the voice, the whole IVR state
 * (saved as contact attributes by the flow) and the queue ARN. Every key is always present, so the
 * flow's attribute blocks never meet a missing value.
 */
export async function answerConnectEvent(
  deps: ConnectIvrDeps,
  event: ConnectContactFlowEvent,
): Promise<Record<string, string>> {
  const call = callOf(event);
  const turn = await turnFor(deps, event, call);
  const book = new PromptBook(turn.state.language, 'connect');
  const voice = pollyVoice(turn.state.language);
  return {
    next: turn.next,
    greeting: promptText(turn.greeting ?? []),
    prompt: promptText(turn.prompt),
    announce: promptText(turn.announce),
    ...stateToMap(turn.state),
    queueArn: (turn.state.queue && deps.queueArns[turn.state.queue]) || '',
    voice: voice.voice,
    voiceEngine: voice.engine,
    languageCode: voice.languageCode,
    holdPrompt: promptText([book.say('holdOn')]),
    busyPrompt: promptText([book.say('busy')]),
    goodbye: promptText([book.say('goodbye')]),
    offerCallback: turn.offerCallback ? 'true' : 'false',
    callbackPrompt: promptText(turn.callbackPrompt ?? []),
    callbackConfirm: promptText(turn.callbackConfirm ?? []),
    ...menuSlots(turn.next === 'language-menu' ? turn.prompt : undefined),
  };
}

/** menu1…menuN with the voice and engine of each part's language; empty outside the language menu. */
function menuSlots(menu: Prompt | undefined): Record<string, string> {
  if (menu && menu.length !== MENU_SLOTS)
    throw new Error(`the language menu has ${menu.length} parts; the flow plays exactly ${MENU_SLOTS}`);
  const slots: Record<string, string> = {};
  for (let i = 0; i < MENU_SLOTS; i++) {
    const part = menu?.[i];
    const voice = part ? pollyVoice(part.language) : undefined;
    slots[`menu${i + 1}`] = part?.text ?? '';
    slots[`menuVoice${i + 1}`] = voice?.voice ?? '';
    slots[`menuEngine${i + 1}`] = voice?.engine ?? '';
  }
  return slots;
}
