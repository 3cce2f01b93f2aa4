import type { IvrNext, IvrTurn, Prompt } from '../../domain/ivr';
import { twilioVoice } from '../../domain/ivr/voices';
import { type TwimlNode, twimlResponse } from './twiml';

/** How each question is gathered: keys expected and how entry ends (the test reference uses it too). */
export const GATHER: Partial<Record<IvrNext, { numDigits?: number; finishOnKey?: string; timeout: number }>> =
  {
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
  /** Action URL of the callback offer made while queued. */
  callback(): string;
}

/** How the callback offer made while queued is gathered: one key, dtmf only. */
export const CALLBACK_GATHER = { numDigits: 1, timeout: 5 } as const;

/** Where the call is queued: a TaskRouter workflow with the task's attributes. */
export interface TwimlQueue {
  readonly workflowSid: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  /** Our priority, 1 = first (TaskRouter serves higher numbers first, so the Task gets 6 − priority). */
  readonly priority: number;
}

// Each sentence its own <Say> in its language.
function says(prompt: Prompt): TwimlNode[] {
  return prompt
    .filter((part) => part.text)
    .map((part) => {
      const voice = twilioVoice(part.language);
      return { name: 'Say', attributes: { voice: voice.voice, language: voice.language }, text: part.text };
    });
}

const PAUSE: TwimlNode = { name: 'Pause', attributes: { length: 30 } };

/**
 * The callback offer while queued. Twilio runs the waitUrl document (and a <Gather> action's answer
 * within it) with Play, Say, Pause, Hangup, Redirect, Leave and Gather only (TwiML <Enqueue>, waitUrl),
 * and a <Gather> nests Say, Play and Pause: so the offer is a dtmf <Gather> around its <Say>, then the
 * pause; with no key the document ends and Twilio asks the waitUrl again.
 */
function callbackOffer(turn: IvrTurn, links: TwimlLinks): TwimlNode[] {
  if (!turn.offerCallback) return [];
  const attributes = { input: ['dtmf'], action: links.callback(), method: 'POST', ...CALLBACK_GATHER };
  return [{ name: 'Gather', attributes, children: says(turn.callbackPrompt ?? []) }];
}

/**
 * The IVR turn as TwiML: a question is a <Gather input="dtmf speech"> in the caller's language (each
 * sentence its own <Say> with its language); a queue is <Enqueue> with the TaskRouter <Task>; goodbye
 * hangs up; waiting may offer the callback, and taking it leaves the queue (<Leave>). Written by
 * twiml.ts, byte for byte what twilio's VoiceResponse writes (a test compares them).
 */
export function ivrTwiml(turn: IvrTurn, links: TwimlLinks, queue?: TwimlQueue): string {
  const greeting = says(turn.greeting ?? []);
  const gather = GATHER[turn.next];
  if (gather) {
    const attributes = {
      input: ['dtmf', 'speech'],
      action: links.answer(turn.next),
      method: 'POST',
      actionOnEmptyResult: true,
      language: twilioVoice(turn.state.language).speechLanguage,
      speechTimeout: 'auto',
      timeout: gather.timeout,
      ...(gather.numDigits ? { numDigits: gather.numDigits } : {}),
      ...(gather.finishOnKey ? { finishOnKey: gather.finishOnKey } : {}),
    };
    return twimlResponse([...greeting, { name: 'Gather', attributes, children: says(turn.prompt) }]);
  }
  const prompt = [...greeting, ...says(turn.prompt)];
  if (turn.next === 'goodbye') return twimlResponse([...prompt, { name: 'Hangup' }]);
  if (turn.next === 'waiting') return twimlResponse([...prompt, ...callbackOffer(turn, links), PAUSE]);
  // The call leaves its queue: Twilio runs what follows the original <Enqueue> (nothing: the call ends).
  if (turn.next === 'callback') return twimlResponse([...prompt, { name: 'Leave' }]);
  const enqueue: TwimlNode[] = queue
    ? [
        {
          name: 'Enqueue',
          attributes: { workflowSid: queue.workflowSid, waitUrl: links.waiting(), waitUrlMethod: 'POST' },
          children: [
            {
              name: 'Task',
              attributes: { priority: Math.max(1, 6 - queue.priority) },
              text: JSON.stringify(queue.attributes),
            },
          ],
        },
      ]
    : [];
  return twimlResponse([...prompt, ...says(turn.announce), ...enqueue]);
}
