import type { Booking } from '../booking';
import { isValidBookingReference } from '../booking-reference';
import type { Contact } from '../contact';
import { type AnsweringTeam, bookingStatus } from '../i18n/replies';
import { textIn } from '../incidents/incident';
import { incidentOfContact } from '../incidents/intake-hook';
import { contactIdOf } from '../intake/intake';
import { standingOf } from '../intake/standing';
import { identify } from '../intake/verify';
import { callbackStep } from './callback-step';
import { decide } from './decide';
import type { IvrState } from './ivr-state';
import type { IvrCall, IvrDeps, IvrNext, IvrStep, IvrTurn } from './ivr-turn-types';
import { type IvrInput, keysOf, LANGUAGE_KEYS, languageMenu, TOPIC_KEYS, topicMenu } from './menus';
import { dialledLine } from './phone-lines';
import { type Prompt, PromptBook, spelled } from './prompt';
import { queuedStep, waitingStep } from './queue-steps';

/** Tries at the language menu before the line's language is kept. */
export const MAX_LANGUAGE_TRIES = 2;
/** Tries at the topic menu and at the booking number before the call goes on without them. */
export const MAX_TRIES = 3;
/** Wrong PINs in one call before it goes to an agent unverified (the booking locks at five, across calls). */
export const MAX_PIN_TRIES = 3;

function turn(next: IvrNext, state: IvrState, prompt: Prompt, announce: Prompt = []): IvrTurn {
  return { next, state, prompt, announce };
}

/**
 * What the caller hears before waiting: the case number and the expected wait (and, when their
 * language team is away, who answers instead, from the decision as `routing`).
 */
export function announcement(state: IvrState, book: PromptBook, routing?: AnsweringTeam): Prompt {
  const away = routing?.teamAway && routing.teamAway.language !== routing.language;
  return [
    ...(state.caseNumber ? [book.say('caseNumber', { case: spelled(state.caseNumber) })] : []),
    book.say('connecting'),
    state.expectedMinutes !== undefined && (state.expectedMinutes > 2 || away)
      ? book.wait(state.expectedMinutes, routing)
      : book.say('waitSoon'),
  ];
}

function statusOf(booking: Booking, book: PromptBook) {
  return book.raw(bookingStatus(book.spoken, booking, spelled(booking.reference)));
}

async function toQueue(deps: IvrDeps, call: IvrCall, state: IvrState, before: Prompt): Promise<IvrTurn> {
  const decided = await decide(deps, call, state);
  const book = new PromptBook(decided.state.language, deps.platform);
  return turn('queue', decided.state, before, announcement(decided.state, book, decided.record.decision));
}

function start(deps: IvrDeps, call: IvrCall): IvrTurn {
  const line = dialledLine(deps.lines, call.to);
  const state: IvrState = {
    language: line.language,
    lineType: line.kind,
    assumedTier: line.assumedTier,
    attempts: 0,
    pinFailures: 0,
    verified: false,
  };
  const book = new PromptBook(state.language, deps.platform);
  const greeting = [
    ...book.noVoiceNotice(),
    book.say(line.kind === 'loyalty' ? 'greetingLoyalty' : 'greeting'),
  ];
  return { ...turn('language-menu', state, languageMenu(state.language, book)), greeting };
}

function language(deps: IvrDeps, state: IvrState, input: IvrInput): IvrTurn {
  const key = keysOf(input);
  const spoken = input.speech?.trim()
    ? deps.intake.classifier.classify({ text: input.speech, channel: 'voice' }).language
    : undefined;
  const chosen = spoken ?? (key !== undefined ? LANGUAGE_KEYS[key] : state.language);
  if (!chosen && state.attempts + 1 < MAX_LANGUAGE_TRIES) {
    const book = new PromptBook(state.language, deps.platform);
    const again = { ...state, attempts: state.attempts + 1 };
    return turn('language-menu', again, languageMenu(state.language, book, book.say('notAnOption')));
  }
  const next: IvrState = { ...state, language: chosen ?? state.language, attempts: 0 };
  const book = new PromptBook(next.language, deps.platform);
  // The no-voice notice was said in the greeting unless the caller has just chosen that language.
  const notice = next.language === state.language ? [] : book.noVoiceNotice();
  return turn('topic-menu', next, [...notice, ...topicMenu(book, deps.platform === 'twilio')]);
}

async function topic(deps: IvrDeps, call: IvrCall, state: IvrState, input: IvrInput): Promise<IvrTurn> {
  const book = new PromptBook(state.language, deps.platform);
  const said = input.speech?.trim();
  const key = keysOf(input);
  const chosen = said
    ? deps.intake.classifier.classify({ text: said, channel: 'voice', languageHint: state.language }).topic
    : key !== undefined
      ? TOPIC_KEYS[key]
      : undefined;
  if (!chosen && state.attempts + 1 < MAX_TRIES) {
    const again = { ...state, attempts: state.attempts + 1 };
    const sorry = book.say(key === undefined ? 'noInput' : 'notAnOption');
    return turn('topic-menu', again, [sorry, ...topicMenu(book, deps.platform === 'twilio')]);
  }
  const next: IvrState = { ...state, topic: chosen ?? 'general', callerSaid: said, attempts: 0 };
  if (next.topic === 'emergency') {
    const decided = await decide(deps, call, next);
    const said = announcement(decided.state, book, decided.record.decision);
    return turn('emergency', decided.state, [book.say('emergency')], said);
  }
  return turn('booking', next, [book.say('bookingAsk')]);
}

async function bookingNumber(
  deps: IvrDeps,
  call: IvrCall,
  state: IvrState,
  input: IvrInput,
): Promise<IvrTurn> {
  const book = new PromptBook(state.language, deps.platform);
  const typed = keysOf(input) ?? input.speech?.replace(/\D/g, '') ?? '';
  // "#" alone (or silence, which Connect cannot tell apart) means: no booking number.
  if (typed === '') return toQueue(deps, call, { ...state, attempts: 0 }, []);
  if (isValidBookingReference(typed))
    return turn('pin', { ...state, bookingRef: typed, attempts: 0 }, [book.say('pinAsk')]);
  const invalid = book.say('bookingInvalid', { ref: spelled(typed) });
  if (state.attempts + 1 < MAX_TRIES)
    return turn('booking', { ...state, attempts: state.attempts + 1 }, [invalid, book.say('bookingAgain')]);
  return toQueue(deps, call, { ...state, attempts: 0 }, [invalid]);
}

/**
 * The PIN step. Anything the caller gives here, silence included, is one PIN attempt on the booking
 * number (claimed against its lockout, hashed), so no answer is free to repeat; and what the caller hears
 * depends only on what they typed and on being verified: a real, unknown or locked booking all get the
 * same "does not match", the same re-prompts and the same queue (standingOf).
 */
async function pin(deps: IvrDeps, call: IvrCall, state: IvrState, input: IvrInput): Promise<IvrTurn> {
  const book = new PromptBook(state.language, deps.platform);
  const typed = keysOf(input) ?? input.speech?.replace(/\D/g, '') ?? '';
  if (!state.bookingRef) return toQueue(deps, call, state, []);
  const { intake } = deps;
  const now = intake.clock.now();
  const contact: Contact = {
    channel: 'voice',
    channelMessageId: call.callId,
    from: '',
    to: call.to,
    text: '',
    receivedAt: now.toISOString(),
    bookingRef: state.bookingRef,
    pin: typed,
  };
  const checked = await identify(intake.bookings, intake.pinHasher, contact, undefined, null, now);
  const verified = standingOf(contact, undefined, checked).booking;
  if (verified) {
    const decided = await decide(deps, call, state, checked);
    // The verified caller of an affected booking hears the incident's message right after the status.
    const incident = await incidentOfContact(intake.incidents, { verified: true, booking: verified });
    const news = incident ? [book.raw(textIn(incident.message, book.spoken))] : [];
    const status = [statusOf(verified, book), ...news, book.say('agentOrHangUp')];
    return turn('status', decided.state, status, announcement(decided.state, book, decided.record.decision));
  }
  const failures = state.pinFailures + 1;
  const sorry = book.say(typed === '' ? 'noInput' : 'pinNoMatch');
  if (failures < MAX_PIN_TRIES)
    return turn('pin', { ...state, pinFailures: failures }, [sorry, book.say('pinAsk')]);
  return toQueue(deps, call, { ...state, pinFailures: failures }, [sorry, book.say('notVerified')]);
}

async function status(deps: IvrDeps, call: IvrCall, state: IvrState, input: IvrInput): Promise<IvrTurn> {
  const book = new PromptBook(state.language, deps.platform);
  if (keysOf(input) === '1') {
    // The decision the PIN step recorded says whether the caller's team is away; it is not decided again.
    const id = contactIdOf({ channel: 'voice', channelMessageId: call.callId });
    const record = await deps.intake.cases.getContact(id);
    return turn('queue', state, [], announcement(state, book, record?.decision));
  }
  return turn('goodbye', state, [book.say('goodbye')]);
}

/**
 * One IVR step: the answer to the question the door asked last, and what to say and ask next. The same
 * steps answer Amazon Connect (through the IVR Lambda) and Twilio (through TwiML).
 */
export async function ivrTurn(
  deps: IvrDeps,
  call: IvrCall,
  step: IvrStep,
  state: IvrState | undefined,
  input: IvrInput = {},
): Promise<IvrTurn> {
  const current = state ?? start(deps, call).state;
  switch (step) {
    case 'start':
      return start(deps, call);
    case 'language':
      return language(deps, current, input);
    case 'topic':
      return topic(deps, call, current, input);
    case 'booking':
      return bookingNumber(deps, call, current, input);
    case 'pin':
      return pin(deps, call, current, input);
    case 'status':
      return status(deps, call, current, input);
    case 'queued':
      return queuedStep(deps, call, current, input);
    case 'waiting':
      return waitingStep(deps, call, current);
    case 'callback':
      return callbackStep(deps, call, current, input);
  }
}
