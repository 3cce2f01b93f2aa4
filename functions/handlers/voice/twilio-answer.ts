import { type SignedRequest, twilioRequestRefusal } from '../../adapters/twilio/signature';
import { ivrTwiml, type TwimlQueue } from '../../adapters/twilio/voice-twiml';
import { DependencyError, ValidationError } from '../../domain/errors';
import {
  IVR_STEPS,
  type IvrCall,
  type IvrDeps,
  type IvrNext,
  type IvrState,
  type IvrTurn,
  ivrTurn,
  STEP_AFTER,
  stateFromMap,
  stateToMap,
} from '../../domain/ivr';
import { dialledLine } from '../../domain/ivr/phone-lines';
import { maskPhone } from '../../shared/mask';
import { singleValues } from '../http/form';
import { TEXT_TYPE, TWIML_TYPE, type TwilioAnswer } from '../http/twilio-answer';

/** One handled voice webhook, with nothing unmasked in it. */
export interface VoiceLogEntry {
  readonly outcome: 'answered' | 'forbidden' | 'invalid' | 'unavailable';
  readonly step?: string | undefined;
  readonly next?: string | undefined;
  readonly callSid?: string | undefined;
  readonly from?: string | undefined;
  readonly caseNumber?: string | undefined;
  readonly queue?: string | undefined;
  readonly priority?: number | undefined;
  readonly error?: string | undefined;
}

/** What answering Twilio Voice needs. */
export interface TwilioVoiceDeps {
  readonly ivr: IvrDeps;
  authToken(): Promise<string>;
  /** The TaskRouter workflow the <Enqueue> hands calls to. */
  readonly workflowSid: string;
  log?(entry: VoiceLogEntry): void;
}

/** The Twilio Voice Lambda's dependencies: the door's, and the origin Twilio called when not the API's. */
export type VoiceDoorDeps = TwilioVoiceDeps & { readonly publicOrigin?: string | undefined };

const E164 = /^\+[1-9]\d{6,14}$/;
// Twilio's stand-ins for a withheld caller id.
const WITHHELD = new Set(['+266696687', '+86282452253', '+8656696', '+2562533', '+7378742833']);

function callerOf(from: string | undefined): string | null {
  const value = from?.trim() ?? '';
  return E164.test(value) && !WITHHELD.has(value) ? value : null;
}

function link(base: string, values: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ''));
  return `${base}?${query.toString()}`;
}

function queueOf(state: IvrState, callSid: string, workflowSid: string): TwimlQueue {
  return {
    workflowSid,
    priority: state.priority ?? 5,
    attributes: {
      queue: state.queue ?? '',
      priority: state.priority ?? 5,
      language: state.language,
      caseNumber: state.caseNumber ?? '',
      topic: state.topic ?? 'general',
      verified: state.verified,
      callSid,
    },
  };
}

async function play(
  deps: TwilioVoiceDeps,
  request: SignedRequest,
): Promise<{ turn: IvrTurn; call: IvrCall; body: string }> {
  const url = new URL(request.url);
  const rawStep = url.searchParams.get('step') ?? 'start';
  const step = IVR_STEPS.find((s) => s === rawStep);
  if (!step) throw new ValidationError('step', `expected one of ${IVR_STEPS.join(', ')}`);
  const p = singleValues(request.params, ['CallSid', 'From', 'To', 'Digits', 'SpeechResult']);
  if (!p.CallSid) throw new ValidationError('CallSid', 'required');
  const call: IvrCall = { callId: p.CallSid, from: callerOf(p.From), to: p.To ?? '' };
  const query = Object.fromEntries(url.searchParams);
  const state =
    step === 'start' ? undefined : stateFromMap(query, dialledLine(deps.ivr.lines, call.to).language);
  let turn = await ivrTurn(deps.ivr, call, step, state, { digits: p.Digits, speech: p.SpeechResult });
  const base = `${url.origin}${url.pathname}`;
  let queue: TwimlQueue | undefined;
  if (turn.next === 'queue' || turn.next === 'emergency') {
    const queued = await ivrTurn(deps.ivr, call, 'queued', turn.state, { queuedVia: 'team' });
    turn = { ...turn, state: queued.state };
    queue = queueOf(queued.state, call.callId, deps.workflowSid);
  }
  const links = {
    answer: (next: IvrNext) => link(base, { step: STEP_AFTER[next] ?? 'start', ...stateToMap(turn.state) }),
    waiting: () => link(base, { step: 'waiting', ...stateToMap(turn.state) }),
    callback: () => link(base, { step: 'callback', ...stateToMap(turn.state) }),
  };
  return { turn, call, body: ivrTwiml(turn, links, queue) };
}

/**
 * Answers a Twilio Voice webhook with TwiML: a bad or missing signature is 403 before anything is read
 * or stored; then the IVR step named by the URL's `step` (the number's webhook has none: the call
 * starts), with the IVR state carried in the signed action URLs. A store that cannot be reached is 503.
 */
export async function answerTwilioCall(deps: TwilioVoiceDeps, request: SignedRequest): Promise<TwilioAnswer> {
  const log = deps.log ?? (() => {});
  try {
    const refusal = twilioRequestRefusal(await deps.authToken(), request);
    if (refusal) {
      log({ outcome: 'forbidden', error: refusal });
      return { status: 403, contentType: TEXT_TYPE, body: refusal };
    }
    const { turn, call, body } = await play(deps, request);
    log({
      outcome: 'answered',
      step: new URL(request.url).searchParams.get('step') ?? 'start',
      next: turn.next,
      callSid: call.callId,
      from: call.from ? maskPhone(call.from) : 'withheld',
      caseNumber: turn.state.caseNumber,
      queue: turn.state.queue,
      priority: turn.state.priority,
    });
    return { status: 200, contentType: TWIML_TYPE, body };
  } catch (error) {
    if (error instanceof ValidationError) {
      log({ outcome: 'invalid', error: error.message });
      return { status: 400, contentType: TEXT_TYPE, body: error.message };
    }
    if (error instanceof DependencyError) {
      log({ outcome: 'unavailable', error: error.message });
      return { status: 503, contentType: TEXT_TYPE, body: 'temporarily unavailable, please retry' };
    }
    throw error;
  }
}
