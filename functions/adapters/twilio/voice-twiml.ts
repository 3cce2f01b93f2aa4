// The submodule import keeps a handler bundle small (see signature.ts).
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import type { IvrNext, IvrTurn, Prompt } from '../../domain/ivr';
import { twilioVoice } from '../../domain/ivr/voices';

type SayLanguage = NonNullable<VoiceResponse.SayAttributes['language']>;
type SayVoice = NonNullable<VoiceResponse.SayAttributes['voice']>;
type GatherLanguage = NonNullable<VoiceResponse.GatherAttributes['language']>;

/** How each question is gathered: keys expected and how entry ends. */
const GATHER: Partial<Record<IvrNext, { numDigits?: number; finishOnKey?: string; timeout: number }>> = {
  'language-menu': { numDigits: 1, timeout: 5 },
  'topic-menu': { numDigits: 1, timeout: 6 },
  booking: { finishOnKey: '#', timeout: 10 },
  pin: { numDigits: 4, timeout: 8 },
  status: { numDigits: 1, timeout: 6 },
};

/** Where the call goes next: the URL of the step answering a question, or of the wait announcements. */
export interface TwimlLinks {
  /** Action URL for the question `next` asks (state included, so Twilio's signature covers it). */
  answer(next: IvrNext): string;
  /** waitUrl while queued. */
  waiting(): string;
}

/** Where the call is queued: a TaskRouter workflow with the task's attributes. */
export interface TwimlQueue {
  readonly workflowSid: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  /** Our priority, 1 = first (TaskRouter serves higher numbers first, so the Task gets 6 − priority). */
  readonly priority: number;
}

type Sayer = { say(attributes: VoiceResponse.SayAttributes, message: string): unknown };

function sayAll(target: Sayer, prompt: Prompt): void {
  for (const part of prompt) {
    if (!part.text) continue;
    const voice = twilioVoice(part.language);
    target.say({ voice: voice.voice as SayVoice, language: voice.language as SayLanguage }, part.text);
  }
}

/**
 * The IVR turn as TwiML: a question is a <Gather input="dtmf speech"> in the caller's language (each
 * sentence its own <Say> with its language); a queue is <Enqueue> with the TaskRouter <Task>; goodbye
 * hangs up.
 */
export function ivrTwiml(turn: IvrTurn, links: TwimlLinks, queue?: TwimlQueue): string {
  const response = new VoiceResponse();
  sayAll(response, turn.greeting ?? []);
  const gather = GATHER[turn.next];
  if (gather) {
    const speech = twilioVoice(turn.state.language).speechLanguage as GatherLanguage;
    const g = response.gather({
      input: ['dtmf', 'speech'],
      action: links.answer(turn.next),
      method: 'POST',
      actionOnEmptyResult: true,
      language: speech,
      speechTimeout: 'auto',
      timeout: gather.timeout,
      ...(gather.numDigits ? { numDigits: gather.numDigits } : {}),
      ...(gather.finishOnKey ? { finishOnKey: gather.finishOnKey } : {}),
    });
    sayAll(g, turn.prompt);
    return response.toString();
  }
  sayAll(response, turn.prompt);
  if (turn.next === 'goodbye') {
    response.hangup();
    return response.toString();
  }
  if (turn.next === 'waiting') {
    response.pause({ length: 30 });
    return response.toString();
  }
  sayAll(response, turn.announce);
  if (queue) {
    const enqueue = response.enqueue({
      workflowSid: queue.workflowSid,
      waitUrl: links.waiting(),
      waitUrlMethod: 'POST',
    });
    enqueue.task({ priority: Math.max(1, 6 - queue.priority) }, JSON.stringify(queue.attributes));
  }
  return response.toString();
}
